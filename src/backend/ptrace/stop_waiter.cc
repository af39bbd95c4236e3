#include "backend/ptrace/stop_waiter.h"

#include <errno.h>
#include <sched.h>
#include <sys/wait.h>
#include <time.h>

#include <cstdlib>

#include "backend/interrupt.h"

namespace sct {

namespace {

constexpr int64_t kDefaultSpinNs = 100 * 1000;

int64_t now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int usable_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return 1;
  return CPU_COUNT(&set);
}

}  // namespace

StopWaiter::StopWaiter() {
  if (const char* env = getenv("SCTRACE_SPIN_US")) {
    spin_limit_ns_ = std::atoll(env) * 1000;
  } else {
    spin_limit_ns_ = usable_cpus() >= 2 ? kDefaultSpinNs : 0;
  }
  if (spin_limit_ns_ < 0) spin_limit_ns_ = 0;
}

pid_t StopWaiter::poll(int* status, struct rusage* ru) {
  return wait4(-1, status, __WALL | WNOHANG, ru);
}

bool StopWaiter::spin_pays_off() {
  if (spin_limit_ns_ == 0) return false;
  if (waits_to_skip_ > 0) {
    --waits_to_skip_;
    return false;
  }
  return true;
}

pid_t StopWaiter::wait(int* status, struct rusage* ru) {
  if (spin_pays_off()) {
    int64_t deadline = now_ns() + spin_limit_ns_;
    do {
      // A signal for the tracer (Ctrl-C) does not interrupt a poll: look.
      if (g_interrupt_signal) {
        errno = EINTR;
        return -1;
      }
      pid_t pid = poll(status, ru);
      if (pid < 0) return pid;
      if (pid > 0) {
        ++polls_won_;
        losses_in_a_row_ = 0;
        return pid;
      }
    } while (now_ns() < deadline);
    ++polls_lost_;
    if (++losses_in_a_row_ >= kLossesInARow) {
      losses_in_a_row_ = 0;
      waits_to_skip_ = kSkipAfterLosses;
    }
  }
  return wait4(-1, status, __WALL, ru);
}

}  // namespace sct
