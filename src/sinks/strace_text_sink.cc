#include "sinks/strace_text_sink.h"

#include <sys/wait.h>
#include <time.h>

#include <fmt/format.h>

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

}  // namespace

StraceTextSink::StraceTextSink(StraceTextOptions opt) : opt_(opt), pid_width_(pid_column_width()) {}

bool StraceTextSink::want_pid_prefix() const {
  if (opt_.to_file) return opt_.follow_forks || live_.size() > 1;
  return live_.size() > 1;
}

void StraceTextSink::write(const std::string& s) {
  fwrite(s.data(), 1, s.size(), opt_.out);
  size_t nl = s.rfind('\n');
  column_ = nl == std::string::npos ? column_ + s.size() : s.size() - nl - 1;
}

void StraceTextSink::end_line() {
  write("\n");
  open_tid_ = 0;
}

void StraceTextSink::begin_line(pid_t tid, const EventTime& t) {
  if (open_tid_ != 0) {
    write(" <unfinished ...>");
    end_line();
  }
  std::string lead;
  if (want_pid_prefix()) {
    if (opt_.to_file)
      lead = fmt::format("{:<{}} ", tid, pid_width_);
    else
      lead = fmt::format("[pid {:>{}}] ", tid, pid_width_);
  }
  if (opt_.timestamps) {
    int64_t sec = t.wall_ns / 1000000000LL;
    int64_t nsec = t.wall_ns % 1000000000LL;
    int prec = opt_.timestamp_precision;
    int64_t frac = nsec;
    for (int i = 9; i > prec; --i) frac /= 10;
    if (opt_.timestamps >= 3) {
      lead += prec ? fmt::format("{}.{:0{}} ", sec, frac, prec) : fmt::format("{} ", sec);
    } else {
      time_t tt = static_cast<time_t>(sec);
      struct tm tm;
      localtime_r(&tt, &tm);
      lead += fmt::format("{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
      if (opt_.timestamps == 2 && prec) lead += fmt::format(".{:0{}}", frac, prec);
      lead += ' ';
    }
  }
  if (opt_.relative) {
    int64_t delta = last_relative_ns_ < 0 ? 0 : t.mono_ns - last_relative_ns_;
    last_relative_ns_ = t.mono_ns;
    lead += fmt::format("{:6}.{:06} ", delta / 1000000000LL, (delta % 1000000000LL) / 1000);
  }
  column_ = 0;
  write(lead);
  open_tid_ = tid;
}

namespace {

size_t expected_args(const SyscallCall& call) {
  if (call.total_args >= 0) return static_cast<size_t>(call.total_args);
  return call.row && call.row->name ? call.row->nargs : 6;
}

}  // namespace

void StraceTextSink::syscall_entry(const SyscallCall& call, const EventContext& ctx) {
  begin_line(call.tid, ctx.time);
  std::string text = call_name(call);
  text += '(';
  render_args(call, 0, call.entry_args, opt_.render, text);
  // strace prints the separator after the last entry argument right away
  // when more arguments follow at exit.
  if (call.entry_args > 0 && call.entry_args < expected_args(call)) text += ", ";
  write(text);
  pending_[call.tid] = call_name(call);
}

void StraceTextSink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) {
  std::string text;
  if (open_tid_ != call.tid) {
    begin_line(call.tid, ctx.time);
    text = "<... " + call_name(call) + " resumed>";
  }
  render_args(call, call.entry_args, call.decoded.size(), opt_.render, text);
  text += ')';
  write(text);
  pending_.erase(call.tid);
  text.clear();
  if (column() < 39) text.append(39 - column(), ' ');
  text += " = ";
  text += render_return(call, opt_.render);
  if (opt_.syscall_times) {
    int64_t d = ctx.time.mono_ns - entry_time.mono_ns;
    int prec = opt_.syscall_time_precision;
    int64_t frac = d % 1000000000LL;
    for (int i = 9; i > prec; --i) frac /= 10;
    text += prec ? fmt::format(" <{}.{:0{}}>", d / 1000000000LL, frac, prec)
                 : fmt::format(" <{}>", d / 1000000000LL);
  }
  write(text);
  end_line();
}

void StraceTextSink::signal_delivered(pid_t tid, const siginfo_t& si, const EventContext& ctx) {
  if (!opt_.print_signals) return;
  begin_line(tid, ctx.time);
  std::string text = "--- " + signal_name_or_number(si.si_signo) + " ";
#ifdef SCT_HAVE_SIGINFO
  text += render_value(decode_siginfo(si), opt_.render);
#else
  text += fmt::format("{{si_signo={}}}", signal_name_or_number(si.si_signo));
#endif
  text += " ---";
  write(text);
  end_line();
}

void StraceTextSink::group_stop(pid_t tid, int sig, const EventContext& ctx) {
  if (!opt_.print_signals) return;
  begin_line(tid, ctx.time);
  write("--- stopped by " + signal_name_or_number(sig) + " ---");
  end_line();
}

void StraceTextSink::task_exited(pid_t tid, int status, const EventContext& ctx) {
  // A task that dies inside a syscall (exit_group, or killed while blocked)
  // closes that syscall's line with "= ?".
  auto pend = pending_.find(tid);
  if (pend != pending_.end()) {
    std::string text;
    if (open_tid_ != tid) {
      begin_line(tid, ctx.time);
      text = "<... " + pend->second + " resumed>";
    }
    bool exit_call = pend->second == "exit_group" || pend->second == "exit";
    text += exit_call ? ")" : " <unfinished ...>)";
    write(text);
    text.clear();
    if (column() < 39) text.append(39 - column(), ' ');
    text += " = ?";
    write(text);
    end_line();
    pending_.erase(pend);
  }
  if (!opt_.quiet_exit) {
    begin_line(tid, ctx.time);
    if (WIFEXITED(status))
      write(fmt::format("+++ exited with {} +++", WEXITSTATUS(status)));
    else
      write(fmt::format("+++ killed by {} {}+++", signal_name_or_number(WTERMSIG(status)),
                        WCOREDUMP(status) ? "(core dumped) " : ""));
    end_line();
  }
  live_.erase(tid);
}

void StraceTextSink::task_attached(pid_t tid, pid_t, bool) { live_.insert(tid); }

void StraceTextSink::task_renamed(pid_t old_tid, pid_t new_tid) {
  live_.erase(old_tid);
  live_.insert(new_tid);
  auto pend = pending_.find(old_tid);
  if (pend != pending_.end()) {
    pending_[new_tid] = pend->second;
    pending_.erase(old_tid);
  }
  if (open_tid_ == old_tid) open_tid_ = new_tid;
}

void StraceTextSink::task_detached(pid_t tid) {
  if (open_tid_ == tid) {
    write(" <detached ...>");
    end_line();
  }
  pending_.erase(tid);
  live_.erase(tid);
}

void StraceTextSink::finish() {
  if (open_tid_ != 0) end_line();
  fflush(opt_.out);
}

}  // namespace sct
