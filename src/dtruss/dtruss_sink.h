// The dtruss text sink: turns the engine's events into dtruss's output.
//
// dtruss's D script saves the arguments and times at syscall entry and
// prints one row at return; a syscall that never returns (exit_group, a
// successful execve's vanished thread) prints nothing, but -c counts it at
// entry. Paths are copied at entry (execve's are gone after it succeeds),
// read/write buffers at exit (their length is the return value).
#pragma once

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "core/events.h"
#include "dtruss/dtruss_format.h"

namespace sct {

struct DtrussSinkOptions {
  FILE* out = stderr;
  DtrussColumns columns;
  bool counts = false;   // -c: the CALL/COUNT table at the end
  bool follow = false;   // -f: announce each new child with a fork() row
  std::string trace;     // -t: rows only for this syscall ("" = all)
};

class DtrussSink final : public EventSink {
 public:
  explicit DtrussSink(DtrussSinkOptions opt) : opt_(std::move(opt)) {}

  void syscall_entry(const SyscallCall& call, const EventContext& ctx) override;
  void syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) override;
  void task_attached(pid_t tid, pid_t parent_tid, bool by_attach) override;
  void task_exited(pid_t tid, int wait_status, const EventContext& ctx) override;
  void task_detached(pid_t tid) override;
  void task_renamed(pid_t old_tid, pid_t new_tid) override;
  void finish() override;

  // dtruss prints its header from dtrace:::BEGIN. With a command or -p the
  // first traced task triggers it (no header when the target cannot be
  // traced); system-wide (-n/-W) it is printed at once.
  void print_header_once();

 private:
  // What dtruss's entry clause saves in self-> variables.
  struct Pending {
    bool printing = false;       // a row is due at exit (not filtered by -t)
    int64_t entry_cpu_ns = -1;   // vstart
    DtrussString strings[6];     // paths copied at entry
  };

  DtrussStamp stamp_for(pid_t tid);
  pid_t process_of(pid_t tid);
  void forget(pid_t tid);

  DtrussSinkOptions opt_;
  bool header_printed_ = false;
  std::unordered_map<pid_t, Pending> pending_;
  std::unordered_map<pid_t, pid_t> process_of_;  // tid -> pid (Tgid)
  std::set<pid_t> unannounced_children_;         // -f: no fork() row yet
  std::map<std::string, uint64_t> counts_;
};

}  // namespace sct
