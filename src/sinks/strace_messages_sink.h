// strace's informational messages on stderr: "strace: Process N attached",
// "... detached". They are not part of the trace (never go to -o FILE).
#pragma once

#include <string>

#include "core/events.h"

namespace sct {

class StraceMessagesSink final : public EventSink {
 public:
  // announce_children: "Process N attached" for children found by -f;
  // strace says so only when the trace goes to stderr (not with -o FILE).
  // announce_detach: "Process N detached"; strace is silent about detaching
  // (-b execve) when it runs the command itself with -o FILE.
  StraceMessagesSink(std::string progname, bool quiet_attach, bool announce_children, bool announce_detach = true)
      : progname_(std::move(progname)),
        quiet_(quiet_attach),
        announce_children_(announce_children),
        announce_detach_(announce_detach) {}
  void task_attached(pid_t tid, pid_t parent, bool by_attach) override;
  void task_detached(pid_t tid) override;
  // -p with -f: strace announces the thread count once per process.
  void process_attached(pid_t pid, size_t threads) override;

 private:
  std::string progname_;
  bool quiet_;
  bool announce_children_;
  bool announce_detach_;
};

}  // namespace sct
