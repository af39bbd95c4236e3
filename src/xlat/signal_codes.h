// Tables of the signal family: si_code values per signal, sigaction flags
// and handler values, sigprocmask commands, sigaltstack flags.
#pragma once

#include "xlat/xlat.h"

namespace sct::xlat {

extern const Xlat siginfo_codes;   // SI_USER, SI_KERNEL, SI_QUEUE... (any signal)
extern const Xlat sigchld_codes;   // CLD_EXITED...
extern const Xlat sigsegv_codes;
extern const Xlat sigbus_codes;
extern const Xlat sigill_codes;
extern const Xlat sigfpe_codes;
extern const Xlat sigtrap_codes;
extern const Xlat sigpoll_codes;
extern const Xlat sigsys_codes;
extern const Xlat sigprof_codes;
extern const Xlat sigact_flags;      // SA_RESTORER|SA_RESTART...
extern const Xlat sa_handler_values;  // SIG_DFL, SIG_IGN
extern const Xlat sigprocmask_cmds;   // SIG_BLOCK...
extern const Xlat sigaltstack_flags;  // SS_ONSTACK, SS_DISABLE, SS_AUTODISARM

}  // namespace sct::xlat
