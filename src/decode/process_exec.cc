// execve and execveat. Everything is printed at entry (the old image is gone
// at exit). argv is an array of strings cut at -s elements; envp prints as
// its address and a count ("0x7ffd... /* 41 vars */") unless -v.
#include <fcntl.h>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/process_flags.h"

SCT_XLAT_DEFINE(execveat_flags, Flags, "",
                {AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"}, {AT_EMPTY_PATH, "AT_EMPTY_PATH"})

namespace sct {

namespace {

Value string_array(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  size_t limit = proc::abbreviate(ctx) ? ctx.options().string_limit : SIZE_MAX;
  Value a = Value::array();
  for (uint64_t n = 0;; ++n) {
    uint64_t at = addr + n * 8;
    uint64_t word = 0;
    if (at < addr || !ctx.mem().read_object(at, &word)) {
      if (n == 0) return Value::unavailable(addr);
      a.push(Value::raw(fmt::format("... /* {:#x} */", at)));
      break;
    }
    if (word == 0) break;
    if (n >= limit) {
      a.elided();
      break;
    }
    a.push(ctx.cstr(word));
  }
  return a;
}

Value env_count(DecodeContext& ctx, uint64_t addr) {
  Value v = Value::addr(addr);
  if (addr == 0) return v;
  uint64_t n = 0;
  uint64_t at = addr;
  for (;; ++n, at += 8) {
    if (at < addr) break;
    uint64_t word = 0;
    if (!ctx.mem().read_object(at, &word)) {
      if (n == 0) return v;
      break;
    }
    if (word == 0) break;
  }
  v.with_comment(fmt::format("{} var{}{}", n, n == 1 ? "" : "s", at < addr ? ", unterminated" : ""));
  return v;
}

void decode_exec_args(SyscallCall& call, DecodeContext& ctx, int first) {
  call.arg(ctx.path(call.args[first]));
  call.arg(string_array(ctx, call.args[first + 1]));
  if (proc::abbreviate(ctx))
    call.arg(env_count(ctx, call.args[first + 2]));
  else
    call.arg(string_array(ctx, call.args[first + 2]));
}

}  // namespace

}  // namespace sct

SCT_DECODER(execve) {
  if (ctx.entering()) sct::decode_exec_args(call, ctx, 0);
}

SCT_DECODER(execveat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(static_cast<int32_t>(call.args[0])));
  sct::decode_exec_args(call, ctx, 1);
  call.arg(sct::proc::flags_value(sct::xlat::execveat_flags, static_cast<uint32_t>(call.args[4]), "AT_???"));
}
