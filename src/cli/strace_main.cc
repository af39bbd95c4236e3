// The strace face, top to bottom: parse -> build the spec -> pick sinks ->
// run the engine -> mirror the command's exit status.
#include "cli/strace_main.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "backend/bpf/backend_choice.h"
#include "backend/bpf/bpf_engine.h"
#include "backend/interrupt.h"
#include "backend/ptrace/ptrace_engine.h"
#include "backend/ptrace/stack_unwinder.h"
#include "cli/injected_note_sink.h"
#include "cli/strace_options.h"
#include "cli/strace_output.h"
#include "filter/output_filter_sink.h"
#include "sinks/fanout_sink.h"
#include "sinks/json_sink.h"
#include "sinks/strace_messages_sink.h"
#include "sinks/strace_text_sink.h"
#include "sinks/summary_sink.h"

namespace sct {

namespace {

std::string program_name(const char* argv0) {
  // strace prefixes messages with the name it was invoked by.
  return argv0 && *argv0 ? argv0 : "sctrace";
}

int usage_error(const std::string& prog, const CliError& err) {
  fprintf(stderr, "%s: %s\n", prog.c_str(), err.message.c_str());
  if (err.show_try_help) fprintf(stderr, "Try '%s -h' for more information.\n", prog.c_str());
  return 1;
}

// -e raw=/verbose=/abbrev= (and -v) as the decoders take them: plain flags
// when a qualifier says the same for every syscall, else a per-call table.
void set_qualifiers(const StraceConfig& cfg, DecodeOptions* o) {
  auto uniform = [](const SyscallSet& s, bool* value) {
    bool none = s.numbers.none() && !s.unknown_numbers;
    *value = s.all();
    return s.all() || none;
  };
  bool raw = false, deref = true, abbrev = true;
  bool same = uniform(cfg.raw_calls, &raw) & uniform(cfg.verbose_calls, &deref) & uniform(cfg.abbrev_calls, &abbrev);
  // With a table, the global flags are the widest reading: the eBPF capture
  // plan sizes its copies from them.
  o->raw = same && raw;
  o->deref = !same || deref;
  o->abbrev = same && abbrev;
  o->verbose = !o->abbrev;
  if (same) return;
  auto q = std::make_shared<SyscallQualifiers>();
  auto bits = [](const SyscallSet& s) {
    std::vector<bool> v(kMaxSyscalls);
    for (int i = 0; i < kMaxSyscalls; ++i) v[static_cast<size_t>(i)] = s.numbers[static_cast<size_t>(i)];
    return v;
  };
  q->raw = bits(cfg.raw_calls);
  q->deref = bits(cfg.verbose_calls);
  q->abbrev = bits(cfg.abbrev_calls);
  q->raw_unknown = cfg.raw_calls.unknown_numbers;
  q->deref_unknown = cfg.verbose_calls.unknown_numbers;
  q->abbrev_unknown = cfg.abbrev_calls.unknown_numbers;
  o->per_call = std::move(q);
}

TraceSpec build_spec(const StraceConfig& cfg, const std::string& prog) {
  TraceSpec spec;
  spec.progname = prog;
  spec.command = cfg.command;
  spec.attach_pids = cfg.pids;
  spec.follow_forks = cfg.follow > 0;
  spec.attach_threads = cfg.follow > 0;
  spec.traced = cfg.trace.numbers;
  spec.trace_all = cfg.trace.unknown_numbers;
  // -c alone prints no arguments: do not decode them (strace does not either).
  spec.decode = !(cfg.summary == 1 && !cfg.json);
  spec.quiet_until_end = cfg.summary == 1 && !cfg.json;
  spec.decode_options.string_limit = cfg.string_limit;
  spec.decode_options.hex_strings = cfg.hex_strings;
  set_qualifiers(cfg, &spec.decode_options);
  spec.decode_options.decode_fds = cfg.decode_fds;
  spec.decode_options.strace61_names = true;  // syscalls newer than strace 6.1 print as it prints them
  spec.capture_whole_buffers = !cfg.read_fds.empty() || !cfg.write_fds.empty();
  spec.env_set = cfg.env_set;
  spec.env_unset = cfg.env_unset;
  spec.run_as_user = cfg.user;
  spec.detach_on_execve = cfg.detach_on_execve;
  spec.inject = cfg.inject;
  spec.daemonize = cfg.daemonize;
  spec.seccomp = cfg.seccomp;
  // -n prints, on signal and exit lines, the task's last syscall even when it
  // is filtered out: strace 6.1 (without --seccomp-bpf) stops at every call,
  // so sctrace's own default filter would hide it.
  if (cfg.syscall_numbers && spec.seccomp < 0) spec.seccomp = 0;
  spec.track_last_syscall = cfg.syscall_numbers && cfg.seccomp != 1;
  spec.capture_comms = cfg.decode_pid_comm;
  // -k (no effect with -c, as in strace): the same holds for the stacks, and
  // strace rereads a task's mappings after every mmap/munmap/execve it sees.
  spec.stack_traces = cfg.stack_traces && cfg.summary != 1;
  if (spec.stack_traces && spec.seccomp < 0) spec.seccomp = 0;
  return spec;
}

// Ends sctrace the way the traced command ended, as strace does: the same
// exit code, or death by the same signal (without a core file of our own).
[[noreturn]] void mirror_exit(const EngineResult& result) {
  fflush(nullptr);
  // Interrupted (Ctrl-C, SIGTERM): after detaching, strace dies of that signal.
  int st = result.interrupted_by ? result.interrupted_by : result.exit_status;
  if (!result.have_status && !result.interrupted_by) exit(0);
  if (result.interrupted_by || WIFSIGNALED(st)) {
    int sig = result.interrupted_by ? result.interrupted_by : WTERMSIG(st);
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    kill(getpid(), sig);
    exit(128 + sig);  // only if the signal did not kill us
  }
  exit(WIFEXITED(st) ? WEXITSTATUS(st) : 1);
}

}  // namespace

int strace_main(int argc, char** argv) {
  const std::string prog = program_name(argv[0]);
  CliError err;
  auto parsed = parse_strace_args(argc, argv, &err);
  if (!parsed) return usage_error(prog, err);
  StraceConfig& cfg = *parsed;
  if (cfg.show_help) {
    fputs(strace_help_text(prog).c_str(), stdout);
    return 0;
  }
  if (cfg.show_version) {
    // strace's wording (scripts parse "-- version N"), then our own line.
    printf("%s -- version 6.1 (sctrace 0.1)\n"
           "sctrace: a system call tracer with strace 6.1's options and output.\n"
           "Optional features enabled: stack-trace=libunwind stack-demangle seccomp-bpf ebpf\n",
           prog.c_str());
    return 0;
  }
  for (const auto& w : cfg.warnings) fprintf(stderr, "%s: %s\n", prog.c_str(), w.c_str());

  // Large blocks for syscall storms; the engine flushes whenever it is about
  // to wait for the tracees, so every line still appears promptly.
  static char stderr_buffer[1 << 16];
  setvbuf(stderr, stderr_buffer, _IOFBF, sizeof stderr_buffer);
  StraceOutput output(prog, cfg.output, cfg.output_append, cfg.output_separately);
  std::string open_error;
  if (!output.open(&open_error)) {
    fprintf(stderr, "%s: %s\n", prog.c_str(), open_error.c_str());
    return 1;
  }
  FILE* out = output.main();

  TraceSpec spec = build_spec(cfg, prog);

  StraceTextOptions text_opt;
  text_opt.out = out;
  if (output.per_task()) {
    text_opt.open_task_file = [&output](pid_t tid) { return output.open_task(tid); };
    text_opt.close_task_file = [&output](FILE* f) { output.close_task(f); };
  }
  text_opt.to_file = output.to_file();
  text_opt.follow_forks = cfg.follow > 0;
  text_opt.timestamps = cfg.timestamps;
  text_opt.timestamp_precision = cfg.timestamp_precision >= 0 ? cfg.timestamp_precision : 6;
  text_opt.relative = cfg.relative;
  text_opt.relative_precision = cfg.relative_precision;
  text_opt.syscall_times = cfg.syscall_times;
  text_opt.syscall_time_precision = cfg.syscall_time_precision;
  text_opt.column = cfg.column;
  text_opt.instruction_pointer = cfg.instruction_pointer;
  text_opt.syscall_numbers = cfg.syscall_numbers;
  text_opt.signals = cfg.signals;
  text_opt.quiet_exit = cfg.quiet_exit;
  text_opt.read_fds = cfg.read_fds;
  text_opt.write_fds = cfg.write_fds;
  text_opt.render.hex_strings = cfg.hex_strings;
  text_opt.render.raw = cfg.raw_calls.all();
  text_opt.render.xlat_style = static_cast<XlatStyle>(cfg.xlat_style);
  text_opt.render.pid_comm = cfg.decode_pid_comm;
  StraceTextSink text(text_opt);
  // strace is quiet about attaching with -o FILE PROG (its default -q): that
  // is the -D command's "Process N attached".
  const bool quiet_attach = cfg.quiet_attach || (!cfg.output.empty() && !cfg.command.empty());
  StraceMessagesSink messages(prog, quiet_attach, cfg.output.empty(), cfg.output.empty() || !cfg.pids.empty());

  SummaryOptions summary_opt;
  summary_opt.out = out;
  summary_opt.wall_clock = cfg.summary_wall_clock;
  summary_opt.sort_by = cfg.sort_by;
  summary_opt.columns = cfg.summary_columns;
  summary_opt.overhead_ns = cfg.overhead_ns;
  SummarySink summary(summary_opt);

  JsonSink json(out);

  // -e inject=: failed tampered calls print " (INJECTED)" after the error.
  InjectedNoteSink noted_text(text, cfg.raw_calls);
  FanoutSink outputs;
  if (cfg.json)
    outputs.add(&json);
  else if (cfg.summary != 1)
    outputs.add(cfg.inject.empty() ? static_cast<EventSink*>(&text) : &noted_text);
  if (cfg.summary) outputs.add(&summary);

  OutputFilterOptions filter_opt;
  for (const auto& p : cfg.paths) {
    filter_opt.paths.push_back(p);
    // strace also matches the resolved form of each -P path, and says so.
    char resolved[PATH_MAX];
    if (realpath(p.c_str(), resolved) && p != resolved) {
      filter_opt.paths.emplace_back(resolved);
      if (!cfg.quiet_path_resolution)
        fprintf(stderr, "%s: Requested path \"%s\" resolved into \"%s\"\n", prog.c_str(), p.c_str(), resolved);
    }
  }
  filter_opt.status_filter = cfg.status_filter;
  filter_opt.successful = cfg.show_successful;
  filter_opt.failed = cfg.show_failed;
  filter_opt.unfinished = cfg.show_unfinished;
  filter_opt.unavailable = cfg.show_unavailable;
  filter_opt.detached = cfg.show_detached;
  OutputFilterSink filtered(filter_opt, outputs);
  spec.trace_paths = filter_opt.paths;

  FanoutSink sinks;
  sinks.add(&messages);
  if (filter_opt.paths.empty() && !filter_opt.status_filter)
    sinks.add(&outputs);
  else
    sinks.add(&filtered);

  // -I: strace's default is 2 (Ctrl-C detaches), 3 with -o FILE PROG (the
  // tracer ignores it; the command gets it from the terminal), 4 with -D.
  int interruptible = cfg.interruptible;
  if (!interruptible && cfg.daemonize) interruptible = 4;
  if (!interruptible && !cfg.output.empty() && !cfg.command.empty()) interruptible = 3;
  if (!interruptible) interruptible = 2;
  install_strace_signal_policy(interruptible);
  bool backend_fatal = false;
  // Tampering and -D are done with ptrace: the eBPF engine cannot do either.
  std::string backend = cfg.backend;
  if (!cfg.inject.empty() || cfg.daemonize || spec.stack_traces) {
    if (backend == "bpf") {
      fprintf(stderr, "%s: --backend=bpf: %s needs the ptrace engine\n", prog.c_str(),
              cfg.daemonize         ? "-D/--daemonize"
              : spec.stack_traces   ? "-k/--stack-traces"
                                    : "-e inject=/fault=");
      return 1;
    }
    backend = "ptrace";
  }
  std::string unwind_error;
  if (spec.stack_traces && !StackUnwinder::load(&unwind_error)) {
    fprintf(stderr, "%s: -k/--stack-traces: %s\n", prog.c_str(), unwind_error.c_str());
    return 1;
  }
  const bool use_bpf = choose_bpf_backend(backend, prog, &backend_fatal);
  if (backend_fatal) return 1;
  if (use_bpf) {
    spec.comms = cfg.comms;
    spec.bpf_buffer = cfg.bpf_buffer;
    spec.counts_only = cfg.summary == 1 && !cfg.json;
  }
  EngineResult result = use_bpf ? run_bpf_engine(spec, sinks) : run_ptrace_engine(spec, sinks);
  // -c under eBPF: counted in the kernel; the table is filled and finished here.
  for (const auto& [nr, calls, errors, ns] : result.counts)
    summary.add_totals(SyscallTotals{nr, calls, errors, static_cast<int64_t>(ns)});
  if (spec.counts_only) sinks.finish();
  // The text output's "N events lost" is on stderr; JSON carries it in the trace.
  if (cfg.json && result.lost_events) json.report_lost(result.lost_events);
  output.close();
  if (g_fatal_exit) return 1;  // e.g. a -ff file could not be opened
  if (!result.error.empty() && !result.have_status && spec.command.size()) {
    fprintf(stderr, "%s: %s\n", prog.c_str(), result.error.c_str());
    return 1;
  }
  if (!result.error.empty() && !spec.attach_pids.empty() && !result.have_status) {
    // Every -p target failed to attach: strace's status is 1.
    return 1;
  }
  mirror_exit(result);
}

}  // namespace sct
