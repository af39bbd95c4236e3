// The strace face's trace output: lines exactly as strace 6.1 prints them.
//
// Lines go to one stream shared by every task, or with -ff to a stream per
// task (its own FILE.PID). A stream remembers which task's line is still
// open: another task starting a line ends it with " <unfinished ...>", and
// the call later resumes with "<... NAME resumed>". With one stream per task
// that never happens, as with strace -ff.
#pragma once

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/events.h"
#include "sinks/strace_dumpio.h"
#include "sinks/strace_render.h"

namespace sct {

struct StraceTextOptions {
  FILE* out = stderr;
  // -ff: opens the file of a new task (FILE.PID); closes it when the task is
  // gone. Unset: every task writes to out.
  std::function<FILE*(pid_t)> open_task_file;
  std::function<void(FILE*)> close_task_file;
  bool to_file = false;         // -o FILE: pid prefixes are "PID " not "[pid PID] "
  bool follow_forks = false;    // -f
  int timestamps = 0;           // -t 1, -tt 2, -ttt 3
  int timestamp_precision = 6;  // digits after the second for -tt/-ttt
  bool relative = false;        // -r
  int relative_precision = 6;
  bool syscall_times = false;   // -T
  int syscall_time_precision = 6;
  int column = 40;              // -a: where " = " goes
  bool instruction_pointer = false;  // -i
  bool syscall_numbers = false;      // -n
  std::vector<bool> signals;    // -e signal=: which "--- SIG" lines (empty: all)
  bool quiet_exit = false;      // -qq: no "+++ exited" lines
  FdSet read_fds, write_fds;    // -e read= / -e write=: hex dumps
  RenderOptions render;
};

class StraceTextSink final : public EventSink {
 public:
  explicit StraceTextSink(StraceTextOptions opt);
  ~StraceTextSink() override;

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
  struct Stream {
    FILE* file = nullptr;
    pid_t open_tid = 0;  // the task whose line is not yet ended
    size_t column = 0;
  };
  // What strace's -i/-n show for a task's non-syscall lines: its last call.
  struct LastCall {
    long nr = -1;
    uint64_t ip = 0;
  };

  Stream& stream(pid_t tid);
  // Starts a new line for tid: ends another task's open line with
  // " <unfinished ...>", then prints the pid prefix, timestamps, -n and -i.
  // ip_known: false for "+++ exited" lines, whose -i field is "[????????????????]".
  // prefix: whether the line gets the "[pid N]" prefix (want_pid_prefix()).
  void begin_line(pid_t tid, const EventTime& t, bool ip_known, bool prefix);
  // Takes the engine's -n/-i values for a signal or stop line, when it has them.
  void note_stop_context(pid_t tid, const EventContext& ctx);
  void write(Stream& s, const std::string& text);
  void end_line(Stream& s);  // "\n" and forget the open line
  // -k: the event's stack lines, after the line just ended.
  void write_stack(pid_t tid, const EventContext& ctx);
  void pad_to_column(Stream& s, std::string& text) const;
  bool want_pid_prefix() const;
  bool want_pid_prefix(size_t tasks) const;  // the rule, for that many traced tasks
  bool prefix_for(const EventContext& ctx) const;
  // -Y: the comm the task's prefix shows (its current one, or the last
  // known once it is gone).
  const std::string& task_comm(pid_t tid);
  bool separate() const { return static_cast<bool>(opt_.open_task_file); }
  void drop_task(pid_t tid);

  StraceTextOptions opt_;
  Stream shared_;
  std::map<pid_t, Stream> per_task_;      // -ff
  std::set<pid_t> live_;                  // traced tasks, for the prefix rule
  std::map<pid_t, std::string> pending_;  // tid -> name of its unfinished syscall
  std::map<pid_t, LastCall> last_call_;
  std::map<pid_t, std::string> comm_;     // -Y: each task's comm for its prefix
  int pid_width_ = 5;
  int64_t last_relative_ns_ = -1;
};

}  // namespace sct
