// Values from <time.h>, <sys/time.h>, <signal.h>, in strace 6.1's order.
#include "xlat/time_clocks.h"

#include <signal.h>
#include <sys/time.h>
#include <time.h>

#ifndef CLOCK_SGI_CYCLE
#define CLOCK_SGI_CYCLE 10
#endif

SCT_XLAT_DEFINE(clocks, Enum, "CLOCK_???",
                {CLOCK_REALTIME, "CLOCK_REALTIME"}, {CLOCK_MONOTONIC, "CLOCK_MONOTONIC"},
                {CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID"},
                {CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID"}, {CLOCK_MONOTONIC_RAW, "CLOCK_MONOTONIC_RAW"},
                {CLOCK_REALTIME_COARSE, "CLOCK_REALTIME_COARSE"},
                {CLOCK_MONOTONIC_COARSE, "CLOCK_MONOTONIC_COARSE"}, {CLOCK_BOOTTIME, "CLOCK_BOOTTIME"},
                {CLOCK_REALTIME_ALARM, "CLOCK_REALTIME_ALARM"}, {CLOCK_BOOTTIME_ALARM, "CLOCK_BOOTTIME_ALARM"},
                {CLOCK_SGI_CYCLE, "CLOCK_SGI_CYCLE"}, {CLOCK_TAI, "CLOCK_TAI"})

SCT_XLAT_DEFINE(itimer_which, Enum, "ITIMER_???",
                {ITIMER_REAL, "ITIMER_REAL"}, {ITIMER_VIRTUAL, "ITIMER_VIRTUAL"}, {ITIMER_PROF, "ITIMER_PROF"})

SCT_XLAT_DEFINE(timer_flags, Flags, "", {TIMER_ABSTIME, "TIMER_ABSTIME"})

SCT_XLAT_DEFINE(sigev_notify, Enum, "SIGEV_???",
                {SIGEV_SIGNAL, "SIGEV_SIGNAL"}, {SIGEV_NONE, "SIGEV_NONE"}, {SIGEV_THREAD, "SIGEV_THREAD"},
                {SIGEV_THREAD_ID, "SIGEV_THREAD_ID"})
