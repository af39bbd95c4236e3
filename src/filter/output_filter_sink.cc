#include "filter/output_filter_sink.h"

#include "filter/path_match.h"

namespace sct {

OutputFilterSink::OutputFilterSink(OutputFilterOptions opt, EventSink& next) : opt_(std::move(opt)), next_(next) {}

bool OutputFilterSink::touches_path(const SyscallCall& call, const EventContext& ctx) const {
  return call_touches_paths(call.tid, call.row, call.args, ctx.mem, opt_.paths, ctx.fds);
}

void OutputFilterSink::syscall_entry(const SyscallCall& call, const EventContext& ctx) {
  if (!opt_.paths.empty()) {
    bool pass = touches_path(call, ctx);
    passed_[call.tid] = pass;
    if (!pass) return;
  }
  if (opt_.status_filter) {
    auto& held = held_[call.tid] = {call, ctx};
    held.second.mem = nullptr;  // not valid later
    if (!held.second.tasks_then) held.second.tasks_then = live_.size();  // the engine's own count comes first
    return;
  }
  next_.syscall_entry(call, ctx);
}

void OutputFilterSink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) {
  if (!opt_.paths.empty()) {
    auto it = passed_.find(call.tid);
    bool pass = it != passed_.end() && it->second;
    if (it != passed_.end()) passed_.erase(it);
    if (!pass) return;
  }
  if (opt_.status_filter) {
    auto it = held_.find(call.tid);
    if (it == held_.end()) return;
    bool ok = call.failed() ? opt_.failed : opt_.successful;
    if (ok) {
      next_.syscall_entry(it->second.first, it->second.second);
      next_.syscall_exit(call, ctx, entry_time);
    }
    held_.erase(it);
    return;
  }
  next_.syscall_exit(call, ctx, entry_time);
}

void OutputFilterSink::task_exited(pid_t tid, int status, const EventContext& ctx) {
  auto it = held_.find(tid);
  if (it != held_.end()) {
    // A call the task never returned from: "unfinished" (exit_group is one).
    if (opt_.unfinished) next_.syscall_entry(it->second.first, it->second.second);
    held_.erase(it);
  }
  passed_.erase(tid);
  live_.erase(tid);
  next_.task_exited(tid, status, ctx);
}

void OutputFilterSink::task_detached(pid_t tid) {
  auto it = held_.find(tid);
  if (it != held_.end()) {
    if (opt_.detached) next_.syscall_entry(it->second.first, it->second.second);
    held_.erase(it);
  }
  passed_.erase(tid);
  live_.erase(tid);
  next_.task_detached(tid);
}

void OutputFilterSink::task_renamed(pid_t o, pid_t n) {
  auto it = held_.find(o);
  if (it != held_.end()) {
    held_[n] = it->second;
    held_.erase(o);
  }
  auto p = passed_.find(o);
  if (p != passed_.end()) {
    passed_[n] = p->second;
    passed_.erase(o);
  }
  if (live_.erase(o)) live_.insert(n);
  next_.task_renamed(o, n);
}

}  // namespace sct
