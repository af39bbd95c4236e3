// Tables of the time family: clock ids, itimer kinds, timer flags,
// sigevent notification kinds.
#pragma once

#include "xlat/xlat.h"

namespace sct::xlat {

extern const Xlat clocks;          // CLOCK_REALTIME...
extern const Xlat itimer_which;    // ITIMER_REAL...
extern const Xlat timer_flags;     // TIMER_ABSTIME
extern const Xlat sigev_notify;    // SIGEV_SIGNAL...

}  // namespace sct::xlat
