// Small value makers shared by the network decoders, for the shapes strace's
// net.c prints again and again: [int] behind a pointer, [16] / [128 => 16]
// for in/out lengths, flags with strace's unknown-bits comment, and buffers
// that print NULL for a null pointer whatever their length.
#pragma once

#include <cstdint>
#include <string>

#include "core/value.h"
#include "decode/decoder.h"
#include "xlat/xlat.h"

namespace sct::net {

// printflags: names|0xrest; the bare number gets "/* SOCK_??? */" when no
// name matched.
inline Value flags_value(const Xlat& x, uint64_t v) {
  Value f = xlat_flags_value(x, v);
  if (v != 0 && f.names.empty() && x.unknown_comment && *x.unknown_comment) f.with_comment(x.unknown_comment);
  return f;
}

// printnum_int: [42], or the address when unreadable (NULL for 0).
inline Value int_at(DecodeContext& ctx, uint64_t addr) {
  auto v = ctx.object<int32_t>(addr);
  if (!v) return Value::unavailable(addr);
  return Value::array().push(Value::integer(*v));
}

// [16], or [128 => 16] when the kernel changed the length.
inline Value len_in_out(int before, int after) {
  if (before == after) return Value::array().push(Value::integer(after));
  return Value::array().push(Value::raw(std::to_string(before) + " => " + std::to_string(after)));
}

// printstrn: NULL for a null pointer, else len bytes cut at -s.
inline Value strn(DecodeContext& ctx, uint64_t addr, uint64_t len) {
  if (addr == 0) return Value::addr(0);
  return ctx.buf(addr, len);
}

}  // namespace sct::net
