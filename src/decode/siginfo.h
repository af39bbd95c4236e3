// A siginfo_t as strace prints it, both in syscall arguments (waitid,
// rt_sigtimedwait, rt_sigqueueinfo) and on signal-delivery lines:
//   {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2202, si_uid=0, si_status=3, si_utime=0, si_stime=0}
#pragma once

#include <signal.h>

#include "core/value.h"
#include "decode/decoder.h"

namespace sct {

Value decode_siginfo(const siginfo_t& si);
// Reads a siginfo_t from the tracee: NULL, the address when unreadable (or
// at exit of a failed call), else the struct.
Value decode_siginfo_at(DecodeContext& ctx, uint64_t addr);

}  // namespace sct
