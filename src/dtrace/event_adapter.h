// Turns an engine's events into probe firings: syscall_entry fires
// syscall:vmlinux:NAME:entry with the raw arguments; syscall_exit fires
// :return with arg0 = arg1 = the return value, or -1 and errno on failure
// (the illumos/macOS convention the reference recommends; dtruss's
// "= -1 Err#2" depends on it). The adapter knows nothing of which engine
// feeds it: ptrace today, eBPF (system-wide) later.
//
// Every call into the interpreter holds `lock`, because profile ticks fire
// from another thread.
#pragma once

#include <sys/types.h>

#include <functional>
#include <mutex>
#include <set>
#include <unordered_map>

#include "core/events.h"
#include "dtrace/interpreter.h"
#include "dtrace/probes.h"

namespace sct::dtrace {

class DtraceEventSink final : public EventSink {
 public:
  struct Hooks {
    // exit() ran in a clause (called once, with the lock held).
    std::function<void()> on_exit;
    // A target process (-c/-p) ended; its wait status.
    std::function<void(pid_t, int)> on_target_exit;
    // Reads execname/pid/ppid/uid/gid of a task; /proc by default (tests fake it).
    std::function<bool(pid_t, TaskInfo*)> read_task;
  };

  DtraceEventSink(Interpreter& interp, const ProbeCatalog& catalog, std::mutex& lock, Hooks hooks)
      : interp_(interp), catalog_(catalog), lock_(lock), hooks_(std::move(hooks)) {}

  // Pids whose exit ends the run (the -p pids; the -c pid once known).
  void add_target(pid_t pid) { targets_.insert(pid); }
  // The first task reported is the -c command when no target is known yet.
  pid_t first_task() const { return first_task_; }

  void syscall_entry(const SyscallCall& call, const EventContext& ctx) override;
  void syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) override;
  void task_exited(pid_t tid, int wait_status, const EventContext& ctx) override;
  void task_attached(pid_t tid, pid_t parent_tid, bool by_attach) override;
  void task_renamed(pid_t old_tid, pid_t new_tid) override;

 private:
  void fire(const Probe* probe, const SyscallCall& call, const EventContext& ctx, bool is_return);
  const TaskInfo& task(pid_t tid);
  void note_task(pid_t tid);

  Interpreter& interp_;
  const ProbeCatalog& catalog_;
  std::mutex& lock_;
  Hooks hooks_;
  std::unordered_map<pid_t, TaskInfo> tasks_;
  // What is known of a task when /proc no longer has it (events may arrive
  // after the task is gone): the name its exec gave it, or its parent's.
  std::unordered_map<pid_t, TaskInfo> fallback_;
  std::unordered_map<pid_t, std::string> exec_name_;  // at exec entry, until its exit
  std::set<pid_t> targets_;
  pid_t first_task_ = 0;
  bool exit_reported_ = false;
};

}  // namespace sct::dtrace
