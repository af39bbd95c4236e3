// Sends every event to several sinks in order (trace text and -C summary,
// messages...).
#pragma once

#include <vector>

#include "core/events.h"

namespace sct {

class FanoutSink final : public EventSink {
 public:
  void add(EventSink* s) { sinks_.push_back(s); }
  void syscall_entry(const SyscallCall& c, const EventContext& x) override {
    for (auto* s : sinks_) s->syscall_entry(c, x);
  }
  void syscall_exit(const SyscallCall& c, const EventContext& x, const EventTime& t) override {
    for (auto* s : sinks_) s->syscall_exit(c, x, t);
  }
  void signal_delivered(pid_t tid, const siginfo_t& si, const EventContext& x) override {
    for (auto* s : sinks_) s->signal_delivered(tid, si, x);
  }
  void group_stop(pid_t tid, int sig, const EventContext& x) override {
    for (auto* s : sinks_) s->group_stop(tid, sig, x);
  }
  void task_exited(pid_t tid, int st, const EventContext& x) override {
    for (auto* s : sinks_) s->task_exited(tid, st, x);
  }
  void task_attached(pid_t tid, pid_t parent, bool by_attach) override {
    for (auto* s : sinks_) s->task_attached(tid, parent, by_attach);
  }
  void process_attached(pid_t pid, size_t threads) override {
    for (auto* s : sinks_) s->process_attached(pid, threads);
  }
  void task_detached(pid_t tid) override {
    for (auto* s : sinks_) s->task_detached(tid);
  }
  void task_renamed(pid_t o, pid_t n) override {
    for (auto* s : sinks_) s->task_renamed(o, n);
  }
  void finish() override {
    for (auto* s : sinks_) s->finish();
  }

 private:
  std::vector<EventSink*> sinks_;
};

}  // namespace sct
