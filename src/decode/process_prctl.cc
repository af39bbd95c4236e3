// prctl: the option decides which arguments print, as in strace's prctl.c.
// Common options are decoded; others print their four arguments in hex.
#include <linux/prctl.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/process_flags.h"

namespace sct {

namespace {

constexpr size_t kTaskCommLen = 16;

void rest_hex(SyscallCall& call, int first) {
  for (int i = first; i < 5; ++i) call.arg(Value::hex(call.args[i]));
}

// A NUL-terminated string of at most max bytes ("..." if longer).
Value comm_at(DecodeContext& ctx, uint64_t addr, size_t max) {
  if (addr == 0) return Value::addr(0);
  bool terminated = false;
  auto s = ctx.mem().read_cstring(addr, max, &terminated);
  if (!s) return Value::unavailable(addr);
  return Value::str(std::move(*s), !terminated);
}

}  // namespace

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;
namespace xlat = sct::xlat;

SCT_DECODER(prctl) {
  uint32_t option = static_cast<uint32_t>(call.args[0]);
  uint64_t arg2 = call.args[1];
  bool entering = ctx.entering();
  if (entering) {
    call.arg(xlat_enum_value(xlat::prctl_options, option));
    proc::entry_complete(call);  // options with an output argument reset this below
  }
  switch (option) {
    case PR_GET_KEEPCAPS:
    case PR_GET_SECCOMP:
    case PR_GET_TIMERSLACK:
    case PR_GET_TIMING:
    case PR_TASK_PERF_EVENTS_DISABLE:
    case PR_TASK_PERF_EVENTS_ENABLE:
      return;
    case PR_GET_DUMPABLE:
      if (!entering && !call.failed())
        if (const char* n = xlat_name(xlat::pr_dumpable, static_cast<uint64_t>(call.ret)))
          call.ret_comment = std::string("(") + n + ")";
      return;
    case PR_GET_CHILD_SUBREAPER:
    case PR_GET_ENDIAN:
    case PR_GET_FPEMU:
    case PR_GET_FPEXC:
      if (entering) {
        call.total_args = 2;
      } else if (arg2 == 0 || call.failed()) {
        call.arg(ctx.addr(arg2));
      } else if (auto n = ctx.object<uint32_t>(arg2)) {
        call.arg(proc::in_brackets(Value::uinteger(*n)));
      } else {
        call.arg(Value::unavailable(arg2));
      }
      return;
    case PR_GET_NAME:
      if (entering)
        call.total_args = 2;
      else if (call.failed())
        call.arg(ctx.addr(arg2));
      else
        call.arg(sct::comm_at(ctx, arg2, sct::kTaskCommLen));
      return;
    case PR_GET_PDEATHSIG:
      if (entering) {
        call.total_args = 2;
      } else if (arg2 == 0 || call.failed()) {
        call.arg(ctx.addr(arg2));
      } else if (auto n = ctx.object<uint32_t>(arg2)) {
        call.arg(proc::in_brackets(proc::signal(static_cast<int>(*n))));
      } else {
        call.arg(Value::unavailable(arg2));
      }
      return;
    case PR_GET_TID_ADDRESS:
      if (entering)
        call.total_args = 2;
      else
        call.arg(proc::hex_long_at(ctx, arg2));
      return;
    default: break;
  }
  if (!entering) return;
  switch (option) {
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_ENDIAN:
    case PR_SET_FPEMU:
    case PR_SET_FPEXC:
    case PR_SET_KEEPCAPS:
    case PR_SET_TIMING:
      call.arg(Value::uinteger(arg2));
      break;
    case PR_SET_DUMPABLE:
      call.arg(xlat_enum_value(xlat::pr_dumpable, arg2));
      break;
    case PR_CAPBSET_DROP:
    case PR_CAPBSET_READ:
      call.arg(xlat_enum_value(xlat::capabilities, arg2));
      break;
    case PR_SET_NAME:
      call.arg(sct::comm_at(ctx, arg2, sct::kTaskCommLen - 1));
      break;
    case PR_SET_PDEATHSIG:
      call.arg(arg2 > 128 ? Value::uinteger(arg2) : proc::signal(static_cast<int>(arg2)));
      break;
    case PR_SET_PTRACER:
      if (static_cast<int32_t>(arg2) == -1)
        call.arg(Value::sym("PR_SET_PTRACER_ANY", -1));
      else
        call.arg(Value::integer(static_cast<int32_t>(arg2)));
      break;
    case PR_SET_SECCOMP:
      call.arg(xlat_enum_value(xlat::seccomp_mode, arg2));
      if (arg2 == 1 /* SECCOMP_MODE_STRICT */) break;
      if (arg2 == 2 /* SECCOMP_MODE_FILTER */) {
        call.arg(ctx.addr(call.args[2]));
        break;
      }
      sct::rest_hex(call, 2);
      break;
    case PR_SET_TIMERSLACK:
      call.arg(Value::integer(static_cast<int64_t>(arg2)));
      break;
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE:
    case PR_SET_IO_FLUSHER:
      call.arg(Value::uinteger(arg2));
      sct::rest_hex(call, 2);
      break;
    default:
      sct::rest_hex(call, 1);
      break;
  }
  proc::entry_complete(call);
}
