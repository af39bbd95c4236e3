// A signal that kills a process arrives, without ptrace, as SIGKILL: the
// kernel turns a fatal signal into a group exit (complete_signal) and each
// thread then dequeues SIGKILL. A ptrace tracer sees the signal itself, with
// its siginfo ("--- SIGTERM {si_code=SI_USER, ...} ---"), and so does strace.
// So a delivered SIGKILL is held until the task's exit: when the exit status
// names another signal, that signal's line is shown, with the siginfo it was
// generated with; a real SIGKILL shows no line (ptrace never stops a task for
// SIGKILL: strace prints only "+++ killed by SIGKILL +++").
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <map>
#include <optional>
#include <set>

namespace sct {

class FatalSignals {
 public:
  // A signal generated for process tgid (kept: it may be the fatal one).
  void generated(pid_t tgid, const siginfo_t& info) { generated_[{tgid, info.si_signo}] = info; }
  // A delivered SIGKILL for tid: held (not shown) until its exit.
  void hold_kill(pid_t tid) { held_.insert(tid); }
  // At tid's exit with wait status: the signal line to show, if one was held.
  std::optional<siginfo_t> at_exit(pid_t tid, pid_t tgid, int status);

 private:
  std::map<std::pair<pid_t, int>, siginfo_t> generated_;
  std::set<pid_t> held_;
};

}  // namespace sct
