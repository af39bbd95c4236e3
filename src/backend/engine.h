// What the faces ask of an engine: a TraceSpec in, events out.
#pragma once

#include <sys/types.h>

#include <bitset>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/events.h"
#include "decode/decoder.h"
#include "filter/inject_spec.h"

namespace sct {

constexpr int kMaxSyscalls = 1024;

struct TraceSpec {
  std::vector<std::string> command;   // run this (argv), or
  std::vector<pid_t> attach_pids;     // attach to these (-p)
  bool follow_forks = false;          // -f
  bool attach_threads = true;         // -p: all threads of the process (strace does with -f)
  std::bitset<kMaxSyscalls> traced;   // syscalls to report (-e trace=)
  bool trace_all = true;              // traced covers every number (incl. unknown ones)
  bool decode = true;                 // run the decoders (D programs need only raw args)
  // -e read=/write= dump whole data buffers: the eBPF engine copies them up
  // to its capture limit instead of the -s bytes the trace line shows.
  bool capture_whole_buffers = false;
  // -n without --seccomp-bpf: signal and exit lines show the task's last
  // syscall even when it is not traced (the eBPF engine notes every one).
  bool track_last_syscall = false;
  // -Y: the eBPF engine records each task's comm with its calls (strace
  // reads them while the task is stopped; /proc is too late afterwards).
  bool capture_comms = false;
  DecodeOptions decode_options;
  // Environment changes for the command (-E), user to run as (-u).
  std::vector<std::string> env_set;
  std::vector<std::string> env_unset;
  std::string run_as_user;
  bool detach_on_execve = false;      // -b execve
  int daemonize = 0;                  // -D 1, -DD 2 (new process group), -DDD 3 (new session)
  InjectRules inject;                 // -e inject= / -e fault= (ptrace engine)
  // -P paths (each also resolved): strace tampers only with calls that pass
  // them (the output filter applies them to the lines).
  std::vector<std::string> trace_paths;
  // seccomp-bpf: -1 auto, 0 off, 1 on.
  int seccomp = -1;
  std::string progname = "sctrace";   // prefix of messages
  // eBPF engine: trace every process with one of these names (--comm), the
  // ring buffer's size in bytes (--bpf-buffer, 0: default), and -c alone
  // (count in the kernel; EngineResult::counts has the totals).
  std::vector<std::string> comms;
  size_t bpf_buffer = 0;
  bool counts_only = false;
  // Nothing is printed while tracing (strace -c): the engine need not probe
  // for pending stops before blocking in order to flush output first.
  bool quiet_until_end = false;
  // -k: after each traced call, signal and exit, the task's stack (ptrace
  // engine; EventContext::stack_trace).
  bool stack_traces = false;
};

struct EngineResult {
  int exit_status = 0;  // the command's wait status (for strace's own exit)
  bool have_status = false;
  std::string error;    // set when the engine could not start
  int interrupted_by = 0;  // the signal (SIGINT, SIGTERM...) that ended tracing early
  // Per-syscall totals counted in the kernel (eBPF, counts_only):
  // {nr, calls, errors, total ns}.
  std::vector<std::tuple<long, uint64_t, uint64_t, uint64_t>> counts;
  // Records the eBPF engine's ring buffer had no room for (--json reports them).
  uint64_t lost_events = 0;
};

}  // namespace sct
