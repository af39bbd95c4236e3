#include "backend/bpf/fatal_signals.h"

#include <sys/wait.h>

namespace sct {

std::optional<siginfo_t> FatalSignals::at_exit(pid_t tid, pid_t tgid, int status) {
  if (held_.erase(tid) == 0) return std::nullopt;
  if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL) {
    auto gen = generated_.find({tgid, WTERMSIG(status)});
    if (gen != generated_.end()) return gen->second;
  }
  // A real SIGKILL: ptrace never stops a task for SIGKILL, so strace shows
  // only "+++ killed by SIGKILL +++", and so do we.
  return std::nullopt;
}

}  // namespace sct
