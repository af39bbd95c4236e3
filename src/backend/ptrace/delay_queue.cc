#include "backend/ptrace/delay_queue.h"

#include <errno.h>
#include <time.h>

namespace sct {

DelayQueue::~DelayQueue() {
  if (sigchld_blocked_) sigprocmask(SIG_SETMASK, &saved_mask_, nullptr);
}

int64_t DelayQueue::now_ns() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void DelayQueue::park(int64_t deadline_ns, Resumption r) {
  if (!sigchld_blocked_) {
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &saved_mask_);
    sigchld_blocked_ = true;
  }
  parked_.emplace(deadline_ns, r);
}

std::vector<DelayQueue::Resumption> DelayQueue::take_due(int64_t now) {
  std::vector<Resumption> due;
  auto end = parked_.upper_bound(now);
  for (auto it = parked_.begin(); it != end; ++it) due.push_back(it->second);
  parked_.erase(parked_.begin(), end);
  return due;
}

std::vector<DelayQueue::Resumption> DelayQueue::wait_and_take_due() {
  if (parked_.empty()) return {};
  int64_t now = now_ns();
  int64_t wait = parked_.begin()->first - now;
  if (wait > 0) {
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    struct timespec ts = {static_cast<time_t>(wait / 1000000000), static_cast<long>(wait % 1000000000)};
    // Returns on SIGCHLD (taken: wait4 will find the stop), on a handled
    // signal (EINTR) or at the deadline (EAGAIN).
    sigtimedwait(&chld, nullptr, &ts);
    now = now_ns();
  }
  return take_due(now);
}

void DelayQueue::forget(pid_t tid) {
  for (auto it = parked_.begin(); it != parked_.end();) {
    if (it->second.tid == tid)
      it = parked_.erase(it);
    else
      ++it;
  }
}

}  // namespace sct
