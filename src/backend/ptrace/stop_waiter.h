// Waiting for the next tracee stop, with a short poll before sleeping.
//
// Why poll: on these VMs a tracee stop costs ~50 us, and much of it is the
// tracer's CPU going idle and being woken again (a halt and an interrupt
// through the hypervisor). A tracee in a syscall-heavy stretch stops again
// a few microseconds after it is resumed, so polling wait4(WNOHANG) for up
// to ~100 us catches the next stop without the tracer ever sleeping:
// measured here, a 1-byte dd storm under -o ran in ~0.62x the time and a
// fork+exec loop in ~0.82x (docs/ptrace-engine.md, "Waiting for a stop").
//
// The poll is bounded and adaptive, so a tracee that blocks (read from a
// terminal, sleep) costs at most a few polls before the waiter stops
// polling for a while; with a single usable CPU it never polls (the tracer
// would only delay the tracee it waits for). SCTRACE_SPIN_US sets the poll
// limit in microseconds (0: never poll).
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <cstdint>

namespace sct {

class StopWaiter {
 public:
  // Reads SCTRACE_SPIN_US and the CPUs this process may run on.
  StopWaiter();
  // For tests: a fixed poll limit (0: none).
  explicit StopWaiter(int64_t spin_limit_ns) : spin_limit_ns_(spin_limit_ns) {}

  // A stop that is already waiting, or 0 (wait4 with WNOHANG).
  pid_t poll(int* status, struct rusage* ru);
  // The next stop: polls up to the limit (when polling pays off lately),
  // then sleeps in wait4. Returns wait4's result (-1 with errno on error,
  // EINTR included).
  pid_t wait(int* status, struct rusage* ru);

  int64_t spin_limit_ns() const { return spin_limit_ns_; }
  // How the polls went, for tests and SCTRACE_SPIN_STATS.
  uint64_t polls_won() const { return polls_won_; }
  uint64_t polls_lost() const { return polls_lost_; }

 private:
  bool spin_pays_off();

  int64_t spin_limit_ns_ = 0;
  // After this many polls in a row ran out, stop polling for kSkipAfterLosses
  // waits: a blocked tracee costs a few polls, not one per stop.
  static constexpr int kLossesInARow = 4;
  static constexpr int kSkipAfterLosses = 64;
  int losses_in_a_row_ = 0;
  int waits_to_skip_ = 0;
  uint64_t polls_won_ = 0;
  uint64_t polls_lost_ = 0;
};

}  // namespace sct
