#include "sinks/strace_text_sink.h"

#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#include <fmt/format.h>

#include "sinks/pid_comm.h"
#include "xlat/signals.h"
#if __has_include("decode/siginfo.h")
#include "decode/siginfo.h"
#define SCT_HAVE_SIGINFO 1
#endif

namespace sct {

namespace {

// strace sizes the pid column by the digits of the largest possible pid.
int pid_column_width() {
  FILE* f = fopen("/proc/sys/kernel/pid_max", "r");
  if (!f) return 5;
  long max = 0;
  if (fscanf(f, "%ld", &max) != 1) max = 32768;
  fclose(f);
  int digits = 0;
  for (long v = max - 1; v > 0; v /= 10) ++digits;
  return digits < 1 ? 5 : digits;
}

// "S.FFF" with prec digits of the fraction ("S" alone at precision 0).
std::string seconds(int64_t ns, int prec, int sec_width = 0) {
  int64_t frac = ns % 1000000000LL;
  for (int i = 9; i > prec; --i) frac /= 10;
  std::string s = fmt::format("{:{}}", ns / 1000000000LL, sec_width);
  if (prec) s += fmt::format(".{:0{}}", frac, prec);
  return s;
}

size_t expected_args(const SyscallCall& call) {
  if (call.total_args >= 0) return static_cast<size_t>(call.total_args);
  return call.row && call.row->name ? call.row->nargs : 6;
}

}  // namespace

StraceTextSink::StraceTextSink(StraceTextOptions opt) : opt_(std::move(opt)), pid_width_(pid_column_width()) {
  shared_.file = opt_.out;
}

StraceTextSink::~StraceTextSink() {
  for (auto& [tid, s] : per_task_)
    if (opt_.close_task_file) opt_.close_task_file(s.file);
}

bool StraceTextSink::want_pid_prefix() const { return want_pid_prefix(live_.size()); }

// A line printed later than its event (an eBPF record, an entry held by -z
// or -e status=) carries the task count of the event's time.
bool StraceTextSink::prefix_for(const EventContext& ctx) const {
  return ctx.tasks_then ? want_pid_prefix(ctx.tasks_then) : want_pid_prefix();
}

bool StraceTextSink::want_pid_prefix(size_t tasks) const {
  if (separate()) return false;
  if (opt_.to_file) return opt_.follow_forks || tasks > 1;
  return tasks > 1;
}

const std::string& StraceTextSink::task_comm(pid_t tid) {
  // strace keeps a comm per task, loaded when it first sees the task and
  // reloaded after every execve and prctl, traced or not. Reading it afresh
  // for each line shows the same name (a task renames itself only through
  // those calls), and sees an execve or prctl this tracer was not stopped
  // for; once the task is gone ("+++ exited"), the last name read stays.
  std::string now = proc_comm(tid);
  std::string& known = comm_[tid];
  if (!now.empty()) known = std::move(now);
  return known;
}

StraceTextSink::Stream& StraceTextSink::stream(pid_t tid) {
  if (!separate()) return shared_;
  auto it = per_task_.find(tid);
  if (it == per_task_.end()) {
    Stream s;
    s.file = opt_.open_task_file(tid);
    it = per_task_.emplace(tid, s).first;
  }
  return it->second;
}

void StraceTextSink::write(Stream& s, const std::string& text) {
  if (s.file) fwrite(text.data(), 1, text.size(), s.file);
  size_t nl = text.rfind('\n');
  s.column = nl == std::string::npos ? s.column + text.size() : text.size() - nl - 1;
}

void StraceTextSink::end_line(Stream& s) {
  write(s, "\n");
  s.open_tid = 0;
}

void StraceTextSink::pad_to_column(Stream& s, std::string& text) const {
  // strace pads to COLUMN-1, then prints " = ".
  size_t col = s.column + text.size();
  size_t target = opt_.column > 0 ? static_cast<size_t>(opt_.column - 1) : 0;
  if (col < target) text.append(target - col, ' ');
}

void StraceTextSink::begin_line(pid_t tid, const EventTime& t, bool ip_known, bool prefix) {
  Stream& s = stream(tid);
  if (s.open_tid != 0) {
    write(s, " <unfinished ...>");
    end_line(s);
  }
  std::string lead;
  if (prefix) {
    // -Y: the task's comm as last loaded (task_comm), inside the brackets;
    // with -o the pid is not padded when a comm follows it.
    std::string comm;
    if (opt_.render.pid_comm) render_pid_comm(task_comm(tid), opt_.render, comm);
    if (opt_.to_file)
      lead = comm.empty() ? fmt::format("{:<{}} ", tid, pid_width_) : fmt::format("{}{} ", tid, comm);
    else
      lead = fmt::format("[pid {:>{}}{}] ", tid, pid_width_, comm);
  }
  if (opt_.timestamps) {
    int64_t sec = t.wall_ns / 1000000000LL;
    int prec = opt_.timestamp_precision;
    if (opt_.timestamps >= 3) {
      lead += seconds(t.wall_ns, prec) + ' ';
    } else {
      time_t tt = static_cast<time_t>(sec);
      struct tm tm;
      localtime_r(&tt, &tm);
      lead += fmt::format("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
      if (opt_.timestamps == 2 && prec) lead += seconds(t.wall_ns % 1000000000LL, prec).substr(1);  // ".FFF"
      lead += ' ';
    }
  }
  if (opt_.relative) {
    int64_t delta = last_relative_ns_ < 0 ? 0 : t.mono_ns - last_relative_ns_;
    last_relative_ns_ = t.mono_ns;
    // With absolute timestamps too, strace puts the delta in "(+ ...)".
    std::string d = seconds(delta, opt_.relative_precision, 6);
    lead += opt_.timestamps ? "(+" + d + ") " : d + ' ';
  }
  const LastCall& last = last_call_[tid];
  if (opt_.syscall_numbers) lead += fmt::format("[{:4}] ", last.nr);
  if (opt_.instruction_pointer)
    lead += ip_known ? fmt::format("[{:016x}] ", last.ip) : std::string("[????????????????] ");
  s.column = 0;
  write(s, lead);
  s.open_tid = tid;
}

void StraceTextSink::syscall_entry(const SyscallCall& call, const EventContext& ctx) {
  last_call_[call.tid] = LastCall{call.nr, call.instruction_pointer};
  begin_line(call.tid, ctx.time, true, prefix_for(ctx));
  std::string text = call_name(call);
  text += '(';
  render_args(call, 0, call.entry_args, opt_.render, text);
  // strace prints the separator after the last entry argument right away
  // when more arguments follow at exit.
  if (call.entry_args > 0 && call.entry_args < expected_args(call)) text += ", ";
  write(stream(call.tid), text);
  pending_[call.tid] = call_name(call);
}

void StraceTextSink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) {
  // -Y: execve and prctl may rename the task. Note the name now: its exit
  // line may print no prefix, and the task's last line ("+++ exited") may
  // come when /proc no longer has it.
  if (opt_.render.pid_comm && call.row && (call.row->classes & kCommChange)) task_comm(call.tid);
  Stream& s = stream(call.tid);
  std::string text;
  if (s.open_tid != call.tid) {
    begin_line(call.tid, ctx.time, true, prefix_for(ctx));
    text = "<... " + call_name(call) + " resumed>";
  }
  render_args(call, call.entry_args, call.decoded.size(), opt_.render, text);
  text += ')';
  pending_.erase(call.tid);
  pad_to_column(s, text);
  text += " = ";
  text += render_return(call, opt_.render);
  if (opt_.syscall_times) {
    int64_t d = ctx.time.mono_ns - entry_time.mono_ns;
    text += " <" + seconds(d, opt_.syscall_time_precision) + ">";
  }
  write(s, text);
  end_line(s);
  if (ctx.mem && !(opt_.read_fds.empty() && opt_.write_fds.empty())) {
    std::string dump;
    append_dumpio(call, opt_.read_fds, opt_.write_fds, *ctx.mem, dump);
    if (!dump.empty()) write(s, dump);
  }
  write_stack(call.tid, ctx);
}

void StraceTextSink::write_stack(pid_t tid, const EventContext& ctx) {
  if (!ctx.stack_trace) return;
  Stream& s = stream(tid);
  for (const std::string& frame : *ctx.stack_trace) write(s, frame + "\n");
}

// A signal or stop line shows, with -n, the task's last syscall and, with
// -i, where the task is now, when the engine knows them (ptrace).
void StraceTextSink::note_stop_context(pid_t tid, const EventContext& ctx) {
  LastCall& last = last_call_[tid];
  if (ctx.last_syscall >= 0) last.nr = ctx.last_syscall;
  if (ctx.ip_known) last.ip = ctx.ip;
}

void StraceTextSink::signal_delivered(pid_t tid, const siginfo_t& si, const EventContext& ctx) {
  if (!opt_.signals.empty() &&
      (si.si_signo < 0 || static_cast<size_t>(si.si_signo) >= opt_.signals.size() || !opt_.signals[si.si_signo]))
    return;
  note_stop_context(tid, ctx);
  begin_line(tid, ctx.time, true, want_pid_prefix());
  std::string text = "--- " + signal_name_or_number(si.si_signo) + " ";
#ifdef SCT_HAVE_SIGINFO
  text += render_value(decode_siginfo(si), opt_.render);
#else
  text += fmt::format("{{si_signo={}}}", signal_name_or_number(si.si_signo));
#endif
  text += " ---";
  Stream& s = stream(tid);
  write(s, text);
  end_line(s);
  write_stack(tid, ctx);
}

void StraceTextSink::group_stop(pid_t tid, int sig, const EventContext& ctx) {
  if (!opt_.signals.empty() && (sig < 0 || static_cast<size_t>(sig) >= opt_.signals.size() || !opt_.signals[sig]))
    return;
  note_stop_context(tid, ctx);
  begin_line(tid, ctx.time, true, want_pid_prefix());
  Stream& s = stream(tid);
  write(s, "--- stopped by " + signal_name_or_number(sig) + " ---");
  end_line(s);
  write_stack(tid, ctx);
}

void StraceTextSink::task_exited(pid_t tid, int status, const EventContext& ctx) {
  // A task that dies inside a syscall (exit_group, or killed while blocked)
  // closes that syscall's line with "= ?".
  auto pend = pending_.find(tid);
  if (pend != pending_.end()) {
    Stream& s = stream(tid);
    std::string text;
    if (s.open_tid != tid) {
      begin_line(tid, ctx.time, true, want_pid_prefix());
      text = "<... " + pend->second + " resumed>";
    }
    bool exit_call = pend->second == "exit_group" || pend->second == "exit";
    text += exit_call ? ")" : " <unfinished ...>)";
    pad_to_column(s, text);
    text += " = ?";
    write(s, text);
    end_line(s);
    pending_.erase(pend);
  }
  if (!opt_.quiet_exit) {
    // strace's -n shows the task's last syscall, traced or not. An engine
    // that does not know it (eBPF) reports only traced ones; a normal exit
    // went through exit or exit_group: name exit_group unless the last call
    // seen was exit.
    LastCall& last = last_call_[tid];
    if (ctx.last_syscall >= 0)
      last.nr = ctx.last_syscall;
    else if (WIFEXITED(status) && last.nr != SYS_exit)
      last.nr = SYS_exit_group;
    begin_line(tid, ctx.time, false, want_pid_prefix());
    Stream& s = stream(tid);
    if (WIFEXITED(status))
      write(s, fmt::format("+++ exited with {} +++", WEXITSTATUS(status)));
    else
      write(s, fmt::format("+++ killed by {} {}+++", signal_name_or_number(WTERMSIG(status)),
                           WCOREDUMP(status) ? "(core dumped) " : ""));
    end_line(s);
  }
  // -k: exit/exit_group's stack, captured at entry (strace prints it as it
  // lets the task go, after "+++ exited").
  write_stack(tid, ctx);
  drop_task(tid);
}

void StraceTextSink::task_attached(pid_t tid, pid_t, bool) {
  live_.insert(tid);
  // -Y: strace loads a task's comm when it first learns of it.
  if (opt_.render.pid_comm) comm_[tid] = proc_comm(tid);
  // strace -ff creates a task's file as soon as it is traced, even if the
  // task never prints a line.
  if (separate()) stream(tid);
}

void StraceTextSink::task_renamed(pid_t old_tid, pid_t new_tid) {
  live_.erase(old_tid);
  live_.insert(new_tid);
  if (auto c = comm_.find(old_tid); c != comm_.end()) {
    comm_[new_tid] = c->second;
    comm_.erase(old_tid);
  }
  auto pend = pending_.find(old_tid);
  if (pend != pending_.end()) {
    pending_[new_tid] = pend->second;
    pending_.erase(old_tid);
  }
  auto last = last_call_.find(old_tid);
  if (last != last_call_.end()) {
    last_call_[new_tid] = last->second;
    last_call_.erase(old_tid);
  }
  if (separate()) {
    // The leader's file carries on; the vanished thread's file is closed.
    auto it = per_task_.find(old_tid);
    if (it != per_task_.end()) {
      Stream moved = it->second;
      per_task_.erase(it);
      auto leader = per_task_.find(new_tid);
      if (leader != per_task_.end() && opt_.close_task_file) {
        opt_.close_task_file(moved.file);
      } else {
        per_task_[new_tid] = moved;
      }
      if (per_task_[new_tid].open_tid == old_tid) per_task_[new_tid].open_tid = new_tid;
    }
  } else if (shared_.open_tid == old_tid) {
    shared_.open_tid = new_tid;
  }
}

void StraceTextSink::task_detached(pid_t tid) {
  Stream& s = stream(tid);
  if (s.open_tid == tid) {
    write(s, " <detached ...>");
    end_line(s);
  }
  drop_task(tid);
}

void StraceTextSink::drop_task(pid_t tid) {
  pending_.erase(tid);
  live_.erase(tid);
  comm_.erase(tid);
  last_call_.erase(tid);
  if (separate()) {
    auto it = per_task_.find(tid);
    if (it != per_task_.end()) {
      if (it->second.open_tid != 0) end_line(it->second);
      if (opt_.close_task_file) opt_.close_task_file(it->second.file);
      per_task_.erase(it);
    }
  }
}

void StraceTextSink::finish() {
  if (shared_.open_tid != 0) end_line(shared_);
  for (auto& [tid, s] : per_task_) {
    if (s.open_tid != 0) end_line(s);
    if (s.file) fflush(s.file);
  }
  if (shared_.file) fflush(shared_.file);
}

}  // namespace sct
