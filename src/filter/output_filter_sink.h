// Filters applied after decoding, in front of the output sinks:
//  -P PATH: only syscalls that name PATH or use a descriptor open on it;
//  -z, -Z, -e status=: only calls that ended a given way. The entry half of
//  such a call is held back until its exit decides, so a line is printed
//  whole or not at all (strace does the same).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/events.h"

namespace sct {

struct OutputFilterOptions {
  std::vector<std::string> paths;  // -P (each also as its resolved form)
  bool status_filter = false;
  bool successful = true, failed = true, unfinished = true, unavailable = true, detached = true;
};

class OutputFilterSink final : public EventSink {
 public:
  OutputFilterSink(OutputFilterOptions opt, EventSink& next);

  void syscall_entry(const SyscallCall& call, const EventContext& ctx) override;
  void syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) override;
  void signal_delivered(pid_t tid, const siginfo_t& si, const EventContext& ctx) override {
    next_.signal_delivered(tid, si, ctx);
  }
  void group_stop(pid_t tid, int sig, const EventContext& ctx) override { next_.group_stop(tid, sig, ctx); }
  void task_exited(pid_t tid, int status, const EventContext& ctx) override;
  void task_attached(pid_t tid, pid_t parent, bool by_attach) override {
    live_.insert(tid);
    next_.task_attached(tid, parent, by_attach);
  }
  void process_attached(pid_t pid, size_t threads) override { next_.process_attached(pid, threads); }
  void task_detached(pid_t tid) override;
  void task_renamed(pid_t o, pid_t n) override;
  void finish() override { next_.finish(); }

 private:
  bool touches_path(const SyscallCall& call, const EventContext& ctx) const;

  OutputFilterOptions opt_;
  EventSink& next_;
  std::map<pid_t, std::pair<SyscallCall, EventContext>> held_;  // entries awaiting their exit
  std::map<pid_t, bool> passed_;                                  // -P verdict per call in flight
  // The traced tasks, as the sinks after this one count them: a held entry
  // is stamped with their number (EventContext::tasks_then), because strace
  // writes the held line into a buffer at entry and so decides its "[pid N]"
  // prefix then, not when the line is printed.
  std::set<pid_t> live_;
};

}  // namespace sct
