// The strace face's trace output: lines exactly as strace 6.1 prints them.
#pragma once

#include <cstdio>
#include <map>
#include <set>
#include <string>

#include "core/events.h"
#include "sinks/strace_render.h"

namespace sct {

struct StraceTextOptions {
  FILE* out = stderr;
  bool to_file = false;         // -o FILE: pid prefixes are "PID " not "[pid PID] "
  bool follow_forks = false;    // -f
  int timestamps = 0;           // -t 1, -tt 2, -ttt 3
  int timestamp_precision = 6;  // digits after the second for -tt/-ttt (issue 8: =ms/us/ns)
  bool relative = false;        // -r
  bool syscall_times = false;   // -T
  int syscall_time_precision = 6;
  bool print_signals = true;    // -e signal=none turns the --- lines off
  bool quiet_exit = false;      // -qqq: no "+++ exited" lines
  RenderOptions render;
};

class StraceTextSink final : public EventSink {
 public:
  explicit StraceTextSink(StraceTextOptions opt);

  void syscall_entry(const SyscallCall& call, const EventContext& ctx) override;
  void syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) override;
  void signal_delivered(pid_t tid, const siginfo_t& si, const EventContext& ctx) override;
  void group_stop(pid_t tid, int sig, const EventContext& ctx) override;
  void task_exited(pid_t tid, int wait_status, const EventContext& ctx) override;
  void task_attached(pid_t tid, pid_t parent, bool by_attach) override;
  void task_renamed(pid_t old_tid, pid_t new_tid) override;
  void task_detached(pid_t tid) override;
  void finish() override;

 private:
  // Starts a new line for tid: ends another task's open line with
  // " <unfinished ...>", then prints the pid prefix and timestamps.
  void begin_line(pid_t tid, const EventTime& t);
  void write(const std::string& s);
  void end_line();  // "\n" and forget the open line
  size_t column() const { return column_; }
  bool want_pid_prefix() const;

  StraceTextOptions opt_;
  std::set<pid_t> live_;                  // traced tasks, for the prefix rule
  std::map<pid_t, std::string> pending_;  // tid -> name of its unfinished syscall
  pid_t open_tid_ = 0;                    // the task whose line is not yet ended
  size_t column_ = 0;
  int pid_width_ = 5;
  int64_t last_relative_ns_ = -1;
};

}  // namespace sct
