// strace prints " (INJECTED)" / " (DELAYED)" after a tampered call's result,
// also after the error message of a call that failed: "= -1 ENOENT (No such
// file or directory) (INJECTED)". The engine puts the note in the call's
// ret_comment, which the text renderer prints only after a successful
// result; this decorator in front of the strace text sink turns a failed,
// annotated result into its rendered text so that the note follows it.
// Only the text output is decorated: -c, -Z and JSON still see the failure.
// Calls printed raw (-e raw=) are left alone: the renderer prints the note
// after their raw result itself (sinks/strace_render.cc).
#pragma once

#include "core/events.h"
#include "filter/syscall_set.h"

namespace sct {

class InjectedNoteSink : public EventSink {
 public:
  // raw: the -e raw= set (those calls' results are printed undecoded).
  InjectedNoteSink(EventSink& next, const SyscallSet& raw) : next_(next), raw_(raw) {}

  void syscall_entry(const SyscallCall& call, const EventContext& ctx) override { next_.syscall_entry(call, ctx); }
  void syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) override;
  void signal_delivered(pid_t tid, const siginfo_t& si, const EventContext& ctx) override {
    next_.signal_delivered(tid, si, ctx);
  }
  void group_stop(pid_t tid, int sig, const EventContext& ctx) override { next_.group_stop(tid, sig, ctx); }
  void task_exited(pid_t tid, int wait_status, const EventContext& ctx) override {
    next_.task_exited(tid, wait_status, ctx);
  }
  void task_attached(pid_t tid, pid_t parent_tid, bool by_attach) override {
    next_.task_attached(tid, parent_tid, by_attach);
  }
  void process_attached(pid_t pid, size_t threads) override { next_.process_attached(pid, threads); }
  void task_detached(pid_t tid) override { next_.task_detached(tid); }
  void task_renamed(pid_t old_tid, pid_t new_tid) override { next_.task_renamed(old_tid, new_tid); }
  void finish() override { next_.finish(); }

 private:
  EventSink& next_;
  SyscallSet raw_;
};

}  // namespace sct
