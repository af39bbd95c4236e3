#include "dtrace/event_adapter.h"

#include <sys/wait.h>

#include <string_view>

#include "dtrace/task_info.h"
#include "syscalls/arg_value.h"

namespace sct::dtrace {

void DtraceEventSink::note_task(pid_t tid) {
  if (first_task_ == 0) {
    first_task_ = tid;
    if (targets_.empty()) targets_.insert(tid);
  }
}

const TaskInfo& DtraceEventSink::task(pid_t tid) {
  auto it = tasks_.find(tid);
  if (it == tasks_.end()) {
    TaskInfo info;
    bool ok = hooks_.read_task ? hooks_.read_task(tid, &info) : read_task_info(tid, &info);
    if (!ok) {
      auto fb = fallback_.find(tid);
      if (fb != fallback_.end()) info = fb->second;
      info.pid = tid;
    }
    it = tasks_.emplace(tid, info).first;
  }
  return it->second;
}

void DtraceEventSink::fire(const Probe* probe, const SyscallCall& call, const EventContext& ctx, bool is_return) {
  Firing f;
  f.probe = probe;
  if (!is_return) {
    for (int i = 0; i < 6; ++i) f.args[i] = syscall_arg_as_declared(call.row, i, call.args[i]);
  } else if (call.error != 0) {
    f.args[0] = f.args[1] = uint64_t(int64_t(-1));
    f.errno_value = call.error;
  } else {
    f.args[0] = f.args[1] = uint64_t(call.ret);
  }
  f.tid = call.tid;
  f.task = task(call.tid);
  f.cpu = ctx.cpu < 0 ? 0 : ctx.cpu;
  f.timestamp = uint64_t(ctx.time.mono_ns);
  f.walltimestamp = ctx.time.wall_ns;
  pid_t tid = call.tid;
  f.vtimestamp = [tid]() { return thread_cpu_ns(tid); };
  f.mem = ctx.mem;
  interp_.fire(f);
  if (interp_.exited() && !exit_reported_) {
    exit_reported_ = true;
    if (hooks_.on_exit) hooks_.on_exit();
  }
}

void DtraceEventSink::syscall_entry(const SyscallCall& call, const EventContext& ctx) {
  std::lock_guard<std::mutex> g(lock_);
  note_task(call.tid);
  if (call.row && (call.row->classes & kCommChange) && ctx.mem) {
    // The comm an exec gives: the file name's last component, 15 bytes at most.
    int path_arg = std::string_view(call.row->name) == "execveat" ? 1 : 0;
    bool terminated = false;
    if (auto path = ctx.mem->read_cstring(call.args[path_arg], 4096, &terminated)) {
      size_t slash = path->rfind('/');
      exec_name_[call.tid] = (slash == std::string::npos ? *path : path->substr(slash + 1)).substr(0, 15);
    }
  }
  if (interp_.exited()) return;
  const Probe* p = catalog_.syscall(call.nr, false);
  if (p && interp_.enabled(p->id)) fire(p, call, ctx, false);
}

void DtraceEventSink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& /*entry_time*/) {
  std::lock_guard<std::mutex> g(lock_);
  note_task(call.tid);
  // A successful exec changes the task's name (and possibly its tid).
  if (call.row && (call.row->classes & kCommChange)) {
    auto name = exec_name_.find(call.tid);
    if (call.error == 0) {
      tasks_.erase(call.tid);
      if (name != exec_name_.end()) fallback_[call.tid].execname = name->second;
    }
    if (name != exec_name_.end()) exec_name_.erase(name);
  }
  if (interp_.exited() || call.no_return) return;
  const Probe* p = catalog_.syscall(call.nr, true);
  if (p && interp_.enabled(p->id)) fire(p, call, ctx, true);
}

void DtraceEventSink::task_exited(pid_t tid, int wait_status, const EventContext& /*ctx*/) {
  std::lock_guard<std::mutex> g(lock_);
  interp_.thread_exited(tid);
  tasks_.erase(tid);
  fallback_.erase(tid);
  exec_name_.erase(tid);
  if (targets_.erase(tid) && hooks_.on_target_exit) hooks_.on_target_exit(tid, wait_status);
}

void DtraceEventSink::task_attached(pid_t tid, pid_t parent_tid, bool /*by_attach*/) {
  std::lock_guard<std::mutex> g(lock_);
  note_task(tid);
  // A new task starts with its parent's name.
  if (parent_tid > 0 && !fallback_.count(tid)) {
    auto parent = tasks_.find(parent_tid);
    if (parent != tasks_.end()) fallback_[tid] = parent->second;
    else if (auto fb = fallback_.find(parent_tid); fb != fallback_.end()) fallback_[tid] = fb->second;
  }
}

void DtraceEventSink::task_renamed(pid_t old_tid, pid_t new_tid) {
  std::lock_guard<std::mutex> g(lock_);
  tasks_.erase(old_tid);
  tasks_.erase(new_tid);
  interp_.thread_exited(old_tid);
}

}  // namespace sct::dtrace
