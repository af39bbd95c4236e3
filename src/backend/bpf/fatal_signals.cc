#include "backend/bpf/fatal_signals.h"

#include <sys/wait.h>

namespace sct {

std::optional<siginfo_t> FatalSignals::at_exit(pid_t tid, pid_t tgid, int status) {
  auto held = held_.find(tid);
  if (held == held_.end()) return std::nullopt;
  siginfo_t info = held->second;
  held_.erase(held);
  if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL) {
    auto gen = generated_.find({tgid, WTERMSIG(status)});
    if (gen != generated_.end()) return gen->second;
  }
  return info;
}

}  // namespace sct
