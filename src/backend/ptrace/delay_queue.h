// -e inject=...:delay_enter=/delay_exit= without stopping the world.
//
// A delayed task must stay stopped for the delay while every other tracee
// runs and is traced as usual (strace 6.1 arms a timer and restarts the task
// from the timer's signal handler). Sleeping in the tracer would hold every
// tracee that stops meanwhile. Instead the engine parks the task's
// resumption here with its deadline and, while any is parked, waits for
// "some tracee stopped OR the earliest deadline passed":
// - every tracee stop sends the tracer SIGCHLD, so SIGCHLD is blocked (from
//   the first park on) and taken with sigtimedwait(deadline). A stop that
//   happens between the engine's last wait4(WNOHANG) and the sigtimedwait
//   leaves SIGCHLD pending, so it is never missed (no race, unlike a timer
//   signal that interrupts a blocking wait4);
// - a handled interrupt signal (Ctrl-C under -I 2) interrupts it (EINTR),
//   so the engine still sees g_interrupt_signal promptly.
// The tracer forks nothing after tracing has started, so the blocked
// SIGCHLD reaches no command; the mask is restored when the queue goes.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <cstdint>
#include <map>
#include <vector>

namespace sct {

class DelayQueue {
 public:
  // How the task is to be resumed once its delay is over.
  struct Resumption {
    pid_t tid;
    int request;  // PTRACE_SYSCALL or PTRACE_CONT
    int sig;      // signal to deliver (0: none)
  };

  DelayQueue() = default;
  DelayQueue(const DelayQueue&) = delete;
  DelayQueue& operator=(const DelayQueue&) = delete;
  ~DelayQueue();

  // Keeps tid stopped until CLOCK_MONOTONIC reaches deadline_ns.
  void park(int64_t deadline_ns, Resumption r);
  bool empty() const { return parked_.empty(); }
  // Sleeps until a tracee may have stopped (SIGCHLD), a handled signal
  // arrived, or the earliest deadline passed; returns the resumptions due
  // now (possibly none), removed from the queue.
  std::vector<Resumption> wait_and_take_due();
  // The task is gone (killed while parked) or detached: nothing to resume.
  void forget(pid_t tid);

  static int64_t now_ns();

 private:
  std::vector<Resumption> take_due(int64_t now);

  std::multimap<int64_t, Resumption> parked_;  // by deadline
  bool sigchld_blocked_ = false;
  sigset_t saved_mask_;
};

}  // namespace sct
