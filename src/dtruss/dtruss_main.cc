// The dtruss face, top to bottom: parse -> refuse what cannot run -> build
// the spec -> run the engine into the dtruss sink -> exit 0, as dtrace(1)
// does once its command has finished (whatever the command's own status).
#include "dtruss/dtruss_main.h"

#include <cstdio>
#include <string>

#include "backend/bpf/bpf_engine.h"
#include "backend/interrupt.h"
#include "backend/ptrace/ptrace_engine.h"
#include "dtruss/dtruss_layouts.h"
#include "dtruss/dtruss_options.h"
#include "dtruss/dtruss_sink.h"
#include "syscalls/syscall_table.h"

namespace sct {

namespace {

constexpr const char* kProg = "dtruss";

int usage_error(const DtrussCliError& err) {
  if (!err.message.empty()) fprintf(stderr, "%s: %s\n", kProg, err.message.c_str());
  // dtruss prints its usage on stderr and exits 1, for -h too.
  if (err.show_usage) fputs(dtruss_usage().c_str(), stderr);
  return 1;
}

TraceSpec build_spec(const DtrussConfig& cfg) {
  TraceSpec spec;
  spec.progname = kProg;
  spec.command = cfg.command;
  if (cfg.have_pid) spec.attach_pids.push_back(cfg.pid);
  // -n/-W: every process of that name, selected in the kernel by its comm
  // (which keeps 15 bytes). dtruss also matched either name being a prefix
  // of the other; here the match is exact.
  const std::string& name = cfg.have_name ? cfg.name : cfg.wait_name;
  if (cfg.have_name || cfg.have_wait) spec.comms.push_back(name.substr(0, 15));
  spec.follow_forks = cfg.follow;
  spec.attach_threads = true;  // dtruss's `pid == PID` matches every thread
  spec.decode = false;         // dtruss prints raw registers and its own strings
  spec.traced.set();           // every syscall, unless -t narrows it below
  // -t alone: stop only at the traced syscalls (seccomp makes the rest free).
  // -c counts every syscall and -f announces children at their first
  // syscall, so those need every stop.
  if (!cfg.trace.empty() && !cfg.counts && !cfg.follow) {
    spec.trace_all = false;
    spec.traced.reset();
    for (long nr : syscall_numbers()) {
      const SyscallRow* row = syscall_row(nr);
      if (row && row->name && dtruss_trace_matches(cfg.trace, row->name)) spec.traced.set(static_cast<size_t>(nr));
    }
  }
  if (!spec.comms.empty()) {
    // The eBPF engine copies only what the decoders would print: decode,
    // with strings as long as dtrace's (strsize 256).
    spec.decode = true;
    spec.decode_options.string_limit = kDtraceStrsize;
  }
  return spec;
}

}  // namespace

int dtruss_main(int argc, char** argv) {
  DtrussCliError err;
  auto parsed = parse_dtruss_args(argc, argv, &err);
  if (!parsed) return usage_error(err);
  const DtrussConfig& cfg = *parsed;
  if (auto why = dtruss_unsupported(cfg)) {
    fprintf(stderr, "%s: %s\n", kProg, why->c_str());
    return 1;
  }

  // Output goes to stderr (dtruss runs dtrace >&2), in large blocks: the
  // engine flushes whenever it is about to wait for the tracees.
  static char stderr_buffer[1 << 16];
  setvbuf(stderr, stderr_buffer, _IOFBF, sizeof stderr_buffer);

  DtrussSinkOptions sink_opt;
  sink_opt.out = stderr;
  sink_opt.columns = dtruss_columns(cfg);
  sink_opt.counts = cfg.counts;
  sink_opt.follow = cfg.follow;
  sink_opt.trace = cfg.trace;
  DtrussSink sink(sink_opt);

  // -n/-W need to see every process: only the eBPF engine can.
  const bool system_wide = cfg.have_name || cfg.have_wait;
  std::string why;
  if (system_wide && !bpf_engine_available(&why)) {
    fprintf(stderr, "%s: %s needs system-wide tracing, which needs root and the eBPF engine: %s\n", kProg,
            cfg.have_name ? "-n NAME" : "-W NAME", why.c_str());
    return 1;
  }

  TraceSpec spec = build_spec(cfg);
  // Ctrl-C: detach from a -p target and leave it running; a spawned command
  // gets the signal, as under strace; -n/-W stop there.
  install_interrupt_handlers();
  if (system_wide) sink.print_header_once();
  EngineResult result = system_wide ? run_bpf_engine(spec, sink) : run_ptrace_engine(spec, sink);
  fflush(stderr);
  if (!result.error.empty() && !result.have_status) {
    // Attach failures were reported by the engine as they happened.
    if (!spec.command.empty()) fprintf(stderr, "%s: %s\n", kProg, result.error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace sct
