#include "sinks/strace_messages_sink.h"

#include <cstdio>

namespace sct {

void StraceMessagesSink::task_attached(pid_t tid, pid_t parent, bool by_attach) {
  // The command strace starts itself is not announced; children found by -f are.
  if (quiet_ || !announce_children_ || by_attach || parent == 0) return;
  fflush(nullptr);
  fprintf(stderr, "%s: Process %d attached\n", progname_.c_str(), tid);
}

void StraceMessagesSink::process_attached(pid_t pid, size_t threads) {
  if (quiet_) return;
  if (threads > 1)
    fprintf(stderr, "%s: Process %d attached with %zu threads\n", progname_.c_str(), pid, threads);
  else
    fprintf(stderr, "%s: Process %d attached\n", progname_.c_str(), pid);
}

void StraceMessagesSink::task_detached(pid_t tid) {
  if (quiet_ || !announce_detach_) return;
  fflush(nullptr);
  fprintf(stderr, "%s: Process %d detached\n", progname_.c_str(), tid);
}

}  // namespace sct
