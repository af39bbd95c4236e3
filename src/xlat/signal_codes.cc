// Values from <signal.h>, in strace 6.1's order (src/xlat/*.in).
#include "xlat/signal_codes.h"

#include <signal.h>

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif
#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

SCT_XLAT_DEFINE(siginfo_codes, Enum, "",
                {static_cast<uint64_t>(SI_USER), "SI_USER"},
                {static_cast<uint64_t>(SI_KERNEL), "SI_KERNEL"},
                {static_cast<uint32_t>(SI_QUEUE), "SI_QUEUE"},
                {static_cast<uint32_t>(SI_TIMER), "SI_TIMER"},
                {static_cast<uint32_t>(SI_MESGQ), "SI_MESGQ"},
                {static_cast<uint32_t>(SI_ASYNCIO), "SI_ASYNCIO"},
                {static_cast<uint32_t>(SI_SIGIO), "SI_SIGIO"},
                {static_cast<uint32_t>(SI_TKILL), "SI_TKILL"},
                {static_cast<uint32_t>(SI_DETHREAD), "SI_DETHREAD"},
                {static_cast<uint32_t>(-60), "SI_ASYNCNL"})

SCT_XLAT_DEFINE(sigchld_codes, Enum, "",
                {CLD_EXITED, "CLD_EXITED"}, {CLD_KILLED, "CLD_KILLED"}, {CLD_DUMPED, "CLD_DUMPED"},
                {CLD_TRAPPED, "CLD_TRAPPED"}, {CLD_STOPPED, "CLD_STOPPED"}, {CLD_CONTINUED, "CLD_CONTINUED"})

SCT_XLAT_DEFINE(sigsegv_codes, Enum, "",
                {SEGV_MAPERR, "SEGV_MAPERR"}, {SEGV_ACCERR, "SEGV_ACCERR"}, {3, "SEGV_BNDERR"},
                {4, "SEGV_PKUERR"}, {5, "SEGV_ACCADI"}, {6, "SEGV_ADIDERR"}, {7, "SEGV_ADIPERR"},
                {8, "SEGV_MTEAERR"}, {9, "SEGV_MTESERR"})

SCT_XLAT_DEFINE(sigbus_codes, Enum, "",
                {BUS_ADRALN, "BUS_ADRALN"}, {BUS_ADRERR, "BUS_ADRERR"}, {BUS_OBJERR, "BUS_OBJERR"},
                {BUS_MCEERR_AR, "BUS_MCEERR_AR"}, {BUS_MCEERR_AO, "BUS_MCEERR_AO"})

SCT_XLAT_DEFINE(sigill_codes, Enum, "",
                {ILL_ILLOPC, "ILL_ILLOPC"}, {ILL_ILLOPN, "ILL_ILLOPN"}, {ILL_ILLADR, "ILL_ILLADR"},
                {ILL_ILLTRP, "ILL_ILLTRP"}, {ILL_PRVOPC, "ILL_PRVOPC"}, {ILL_PRVREG, "ILL_PRVREG"},
                {ILL_COPROC, "ILL_COPROC"}, {ILL_BADSTK, "ILL_BADSTK"}, {9, "ILL_BADIADDR"})

SCT_XLAT_DEFINE(sigfpe_codes, Enum, "",
                {FPE_INTDIV, "FPE_INTDIV"}, {FPE_INTOVF, "FPE_INTOVF"}, {FPE_FLTDIV, "FPE_FLTDIV"},
                {FPE_FLTOVF, "FPE_FLTOVF"}, {FPE_FLTUND, "FPE_FLTUND"}, {FPE_FLTRES, "FPE_FLTRES"},
                {FPE_FLTINV, "FPE_FLTINV"}, {FPE_FLTSUB, "FPE_FLTSUB"}, {9, "FPE_FLTUNK"},
                {10, "FPE_CONDTRAP"})

SCT_XLAT_DEFINE(sigtrap_codes, Enum, "",
                {TRAP_BRKPT, "TRAP_BRKPT"}, {TRAP_TRACE, "TRAP_TRACE"}, {3, "TRAP_BRANCH"},
                {4, "TRAP_HWBKPT"}, {5, "TRAP_UNK"}, {6, "TRAP_PERF"})

SCT_XLAT_DEFINE(sigpoll_codes, Enum, "",
                {POLL_IN, "POLL_IN"}, {POLL_OUT, "POLL_OUT"}, {POLL_MSG, "POLL_MSG"},
                {POLL_ERR, "POLL_ERR"}, {POLL_PRI, "POLL_PRI"}, {POLL_HUP, "POLL_HUP"})

SCT_XLAT_DEFINE(sigsys_codes, Enum, "", {1, "SYS_SECCOMP"}, {2, "SYS_USER_DISPATCH"})

SCT_XLAT_DEFINE(sigprof_codes, Enum, "", {1, "PROF_SIG"})

SCT_XLAT_DEFINE(sigact_flags, Flags, "",
                {SA_RESTORER, "SA_RESTORER"}, {SA_ONSTACK, "SA_ONSTACK"}, {SA_RESTART, "SA_RESTART"},
                {SA_INTERRUPT, "SA_INTERRUPT"}, {SA_NODEFER, "SA_NODEFER"},
                {SA_RESETHAND, "SA_RESETHAND"}, {SA_SIGINFO, "SA_SIGINFO"},
                {SA_NOCLDSTOP, "SA_NOCLDSTOP"}, {SA_NOCLDWAIT, "SA_NOCLDWAIT"},
                {0x00000400, "SA_EXPOSE_TAGBITS"}, {0x00000800, "SA_UNSUPPORTED"})

SCT_XLAT_DEFINE(sa_handler_values, Enum, "", {0, "SIG_DFL"}, {1, "SIG_IGN"},
                {static_cast<uint64_t>(-1), "SIG_ERR"})

SCT_XLAT_DEFINE(sigprocmask_cmds, Enum, "SIG_???",
                {SIG_BLOCK, "SIG_BLOCK"}, {SIG_UNBLOCK, "SIG_UNBLOCK"}, {SIG_SETMASK, "SIG_SETMASK"})

SCT_XLAT_DEFINE(sigaltstack_flags, Flags, "",
                {SS_ONSTACK, "SS_ONSTACK"}, {SS_DISABLE, "SS_DISABLE"}, {SS_AUTODISARM, "SS_AUTODISARM"})
