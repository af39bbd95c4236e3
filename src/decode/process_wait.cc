// wait4 and waitid. The pid (and id type) are inputs; the status, siginfo
// and rusage are written by the kernel and printed at exit. wait4 prints the
// status only when a child was reaped (ret > 0) and the rusage likewise.
#include <sys/resource.h>
#include <sys/wait.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "decode/process_rusage.h"
#include "decode/siginfo.h"
#include "decode/wait_status.h"
#include "xlat/process_flags.h"

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

using sct::Value;
namespace proc = sct::proc;
namespace xlat = sct::xlat;

SCT_DECODER(wait4) {
  if (ctx.entering()) {
    call.arg(Value::pid_or_pgid(static_cast<int32_t>(call.args[0])));
    return;
  }
  uint64_t status_addr = call.args[1];
  if (call.ret == 0 || call.failed() || status_addr == 0) {
    call.arg(ctx.addr(status_addr));
  } else if (auto st = ctx.object<int>(status_addr)) {
    call.arg(sct::decode_wait_status_array(*st));
  } else {
    call.arg(Value::unavailable(status_addr));
  }
  call.arg(proc::flags_value(xlat::wait4_options, static_cast<uint32_t>(call.args[2]), "W???"));
  if (!call.failed() && call.ret > 0)
    call.arg(sct::rusage_at(ctx, call.args[3]));
  else
    call.arg(ctx.addr(call.args[3]));
}

SCT_DECODER(waitid) {
  if (ctx.entering()) {
    uint32_t idtype = static_cast<uint32_t>(call.args[0]);
    call.arg(ctx.enumeration(xlat::waitid_types, idtype));
    if (idtype == P_PIDFD)
      call.arg(ctx.fd(static_cast<int32_t>(call.args[1])));
    else if (idtype == P_PGID)
      call.arg(Value::pgid(static_cast<int32_t>(call.args[1])));
    else if (idtype == P_PID)
      call.arg(Value::pid(static_cast<int32_t>(call.args[1])));
    else
      call.arg(Value::integer(static_cast<int32_t>(call.args[1])));
    return;
  }
  call.arg(sct::decode_siginfo_at(ctx, call.args[2]));
  call.arg(proc::flags_value(xlat::wait4_options, static_cast<uint32_t>(call.args[3]), "W???"));
  call.arg(sct::rusage_at(ctx, call.args[4]));
}
