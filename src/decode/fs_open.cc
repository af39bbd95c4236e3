// open, openat, openat2, creat, close, close_range. Everything is decoded
// at entry (strace's RVAL_DECODED); the mode is printed only when the flags
// can create a file (O_CREAT or O_TMPFILE), as strace does.
#include <fcntl.h>
#include <linux/openat2.h>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "xlat/fs_flags.h"

namespace sct {
namespace {

constexpr uint64_t kKernelTmpfileBit = 020000000;  // __O_TMPFILE

void decode_open_tail(SyscallCall& call, DecodeContext& ctx, int first) {
  call.arg(ctx.path(call.args[first]));
  uint64_t flags = call.args[first + 1];
  call.arg(fs::open_flags(static_cast<uint32_t>(flags)));
  if (flags & (O_CREAT | kKernelTmpfileBit)) call.arg(fs::umode(call.args[first + 2] & 0xffff));
  fs::finish(call);
}

// struct open_how: the mode only when it matters or is set; the address when
// the size is below the first published version (24 bytes).
Value open_how_value(DecodeContext& ctx, uint64_t addr, uint64_t size) {
  if (size < sizeof(struct open_how)) return ctx.addr(addr);
  auto how = ctx.object<struct open_how>(addr);
  if (!how) return addr ? Value::unavailable(addr) : Value::addr(0);
  Value v = Value::structure();
  v.add("flags", fs::open_flags(how->flags));
  if ((how->flags & (O_CREAT | kKernelTmpfileBit)) || how->mode) v.add("mode", fs::umode(how->mode));
  v.add("resolve", fs::flags(xlat::open_resolve_flags, how->resolve));
  return v;
}

}  // namespace

SCT_DECODER(open) {
  if (ctx.entering()) decode_open_tail(call, ctx, 0);
}

SCT_DECODER(openat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(static_cast<int32_t>(call.args[0])));
  decode_open_tail(call, ctx, 1);
}

SCT_DECODER(openat2) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(static_cast<int32_t>(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(open_how_value(ctx, call.args[2], call.args[3]));
  call.arg(Value::uinteger(call.args[3]));
  fs::finish(call);
}

SCT_DECODER(creat) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(fs::umode(call.args[1] & 0xffff));
  fs::finish(call);
}

SCT_DECODER(close) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(static_cast<int32_t>(call.args[0])));
  fs::finish(call);
}

SCT_DECODER(close_range) {
  if (!ctx.entering()) return;
  // strace 6.1 prints both bounds as unsigned numbers: ~0U is 4294967295.
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[0])));
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[1])));
  call.arg(fs::flags(xlat::close_range_flags, static_cast<uint32_t>(call.args[2])));
  fs::finish(call);
}

}  // namespace sct
