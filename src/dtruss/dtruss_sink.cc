#include "dtruss/dtruss_sink.h"

#include <fmt/format.h>

#include "dtruss/dtruss_layouts.h"
#include "dtruss/proc_thread_info.h"
#include "syscalls/arg_value.h"

namespace sct {

namespace {

std::string syscall_name(const SyscallCall& call) {
  if (const char* n = call.name()) return n;
  return fmt::format("syscall_{:#x}", call.nr);  // as strace names unknown numbers
}

int64_t to_us(int64_t ns) { return ns < 0 ? 0 : ns / 1000; }

}  // namespace

void DtrussSink::print_header_once() {
  // dtruss prints its header from dtrace:::BEGIN, once the target exists.
  if (header_printed_) return;
  header_printed_ = true;
  fputs(format_header(opt_.columns).c_str(), opt_.out);
}

pid_t DtrussSink::process_of(pid_t tid) {
  auto it = process_of_.find(tid);
  if (it != process_of_.end()) return it->second;
  pid_t pid = thread_group_of(tid);
  process_of_[tid] = pid;
  return pid;
}

DtrussStamp DtrussSink::stamp_for(pid_t tid) {
  DtrussStamp st;
  st.tid = tid;
  if (opt_.columns.printid) st.pid = process_of(tid);
  return st;
}

void DtrussSink::task_attached(pid_t tid, pid_t parent_tid, bool by_attach) {
  print_header_once();
  // A task born under -f (not the command itself, not a -p thread): dtruss
  // announces it at its first syscall.
  if (opt_.follow && parent_tid != 0 && !by_attach) unannounced_children_.insert(tid);
}

void DtrussSink::syscall_entry(const SyscallCall& call, const EventContext& ctx) {
  const pid_t tid = call.tid;
  const bool want_cpu = opt_.columns.relative || opt_.columns.cpu;
  if (unannounced_children_.erase(tid)) {
    DtrussStamp st = stamp_for(tid);
    if (opt_.columns.relative) st.relative_us = to_us(thread_cpu_ns(tid));
    fputs(format_fork_line(opt_.columns, st).c_str(), opt_.out);
  }
  std::string name = syscall_name(call);
  if (opt_.counts) ++counts_[name];  // dtruss counts every syscall, even under -t

  Pending& p = pending_[tid];
  p = Pending{};
  p.printing = dtruss_trace_matches(opt_.trace, name);
  if (!p.printing) return;
  if (want_cpu) p.entry_cpu_ns = thread_cpu_ns(tid);
  const DtrussLayout& lay = dtruss_layout(name);
  for (uint8_t i = 0; i < lay.nslots; ++i) {
    const DtrussSlot& slot = lay.slots[i];
    if (!dtruss_reads_at_entry(slot.fmt) || !ctx.mem) continue;
    uint64_t addr = call.args[slot.index];
    if (slot.fmt == DtrussArg::PathIfSet && addr == 0) continue;  // prints ""
    p.strings[slot.index] = capture_path(*ctx.mem, addr);
  }
}

void DtrussSink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) {
  auto it = pending_.find(call.tid);
  if (it == pending_.end()) return;
  Pending p = std::move(it->second);
  pending_.erase(it);
  if (!p.printing) return;

  DtrussRow row;
  std::string name = syscall_name(call);
  row.name = name;
  row.layout = &dtruss_layout(name);
  for (int i = 0; i < 6; ++i) row.args[i] = syscall_arg_as_declared(call.row, i, call.args[i]);
  row.ret = call.ret;
  row.err = call.error;
  for (int i = 0; i < 6; ++i) row.strings[i] = std::move(p.strings[i]);
  for (uint8_t i = 0; i < row.layout->nslots; ++i) {
    const DtrussSlot& slot = row.layout->slots[i];
    if (!dtruss_reads_at_exit(slot.fmt)) continue;
    // read/write: copyin(buf, return value), "" when the call failed;
    // pread/pwrite: copyin(buf, requested count).
    int64_t len = slot.fmt == DtrussArg::BufByRet ? (call.error ? 0 : call.ret)
                                                  : static_cast<int64_t>(call.args[2]);
    if (ctx.mem && len > 0)
      row.strings[slot.index] = capture_buffer(*ctx.mem, call.args[slot.index], len);
  }

  DtrussStamp st = stamp_for(call.tid);
  if (opt_.columns.relative || opt_.columns.cpu) {
    int64_t now_cpu = thread_cpu_ns(call.tid);
    st.relative_us = to_us(now_cpu);
    if (now_cpu >= 0 && p.entry_cpu_ns >= 0) st.cpu_us = to_us(now_cpu - p.entry_cpu_ns);
  }
  st.elapsed_us = to_us(ctx.time.mono_ns - entry_time.mono_ns);
  std::string line = format_prefix(opt_.columns, st) + format_body(row);
  fputs(line.c_str(), opt_.out);
}

void DtrussSink::forget(pid_t tid) {
  pending_.erase(tid);
  process_of_.erase(tid);
  unannounced_children_.erase(tid);
}

void DtrussSink::task_exited(pid_t tid, int, const EventContext&) { forget(tid); }
void DtrussSink::task_detached(pid_t tid) { forget(tid); }

void DtrussSink::task_renamed(pid_t old_tid, pid_t new_tid) {
  // A non-leader thread's execve: it continues as the leader, in flight.
  auto it = pending_.find(old_tid);
  if (it != pending_.end()) {
    pending_[new_tid] = std::move(it->second);
    pending_.erase(it);
  }
  process_of_.erase(old_tid);
  process_of_.erase(new_tid);
}

void DtrussSink::finish() {
  // dtruss's END clause, then the empty line dtrace(1) prints on exit.
  if (opt_.counts) fputs(format_counts(counts_).c_str(), opt_.out);
  fputc('\n', opt_.out);
  fflush(opt_.out);
}

}  // namespace sct
