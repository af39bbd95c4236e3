// The strace face's command line: one table of options (short, long,
// argument, help) from which parsing and -h are both derived (DESIGN.md
// idea 8). Parsing follows strace 6.1's getopt rules and error messages.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "filter/inject_spec.h"
#include "filter/syscall_set.h"
#include "sinks/strace_dumpio.h"

namespace sct {

inline SyscallSet syscall_set_of(bool every) {
  SyscallSet s;
  if (every) s.numbers.set();
  s.unknown_numbers = every;
  return s;
}

struct StraceConfig {
  std::vector<std::string> command;
  std::vector<pid_t> pids;
  std::string output;              // -o FILE ("" = stderr)
  bool output_append = false;      // -A
  int follow = 0;                  // -f 1, -ff 2 (after check_combinations)
  int follow_short = 0;            // -f count
  bool follow_long = false;        // --follow-forks
  bool output_separately = false;  // -ff / --output-separately
  bool output_separately_long = false;
  size_t string_limit = 32;        // -s
  SyscallSet trace;                // -e trace=
  bool trace_given = false;
  std::vector<bool> signals = std::vector<bool>(65, true);  // -e signal=
  bool status_filter = false;      // -e status= / -z / -Z
  bool show_successful = true, show_failed = true, show_unfinished = true, show_unavailable = true,
       show_detached = true;
  int timestamps = 0;              // -t -tt -ttt
  int timestamp_precision = -1;    // -1: the default for the format
  bool relative = false;           // -r
  int relative_precision = 6;
  bool syscall_times = false;      // -T
  int syscall_time_precision = 6;
  int summary = 0;                 // -c 1 (only), -C 2 (with trace)
  bool summary_wall_clock = false; // -w
  std::string sort_by = "time";    // -S
  std::string summary_columns;     // -U
  int64_t overhead_ns = -1;        // -O
  int decode_fds = 0;              // DecodeFdClass bits: -y path, -yy all
  bool decode_pid_comm = false;    // -Y, --decode-pids=comm
  std::vector<std::string> paths;  // -P
  int quiet = 0;                   // -q count
  bool quiet_attach = false, quiet_exit = false, quiet_personality = false, quiet_path_resolution = false,
       quiet_thread_execve = false;
  bool verbose = false;            // -v
  int hex_strings = 0;             // -x 1, -xx 2, --strings-in-hex=non-ascii-chars 3
  FdSet read_fds, write_fds;       // -e read= / -e write=
  int column = 40;                 // -a
  // -e raw=SET, -e verbose=SET, -e abbrev=SET (-v is abbrev=none), the last
  // of each kind given; strace's defaults: raw=none, verbose=all, abbrev=all.
  SyscallSet raw_calls = syscall_set_of(false), verbose_calls = syscall_set_of(true),
             abbrev_calls = syscall_set_of(true);
  int xlat_style = 0;              // -X abbrev 0, raw 1, verbose 2
  std::vector<std::string> env_set, env_unset;  // -E
  std::string user;                // -u
  bool instruction_pointer = false;  // -i
  bool syscall_numbers = false;    // -n
  int interruptible = 0;           // -I (0: default)
  int daemonize = 0;               // -D count
  bool detach_on_execve = false;   // -b execve
  InjectRules inject;              // -e inject= / -e fault=
  bool stack_traces = false;       // -k
  int seccomp = -1;                // --seccomp-bpf / --no-seccomp-bpf
  bool json = false;               // --json (sctrace's own)
  std::string backend = "ptrace";  // --backend=ptrace|bpf|auto
  std::vector<std::string> comms;  // --comm NAME (bpf)
  size_t bpf_buffer = 0;           // --bpf-buffer SIZE
  // Bookkeeping for strace's cross-option checks and warnings.
  int status_flag_count = 0;       // -z/-Z seen
  bool t_given = false, absolute_timestamps_given = false;
  bool summary_columns_given = false, sort_given = false, seccomp_given = false;
  std::vector<std::string> warnings;  // printed as "PROG: warning text" before tracing
  bool show_help = false;
  bool show_version = false;
};

struct CliError {
  std::string message;  // without the "progname: " prefix
  bool show_try_help = false;
};

// Parses argv[1..]. Returns nullopt and fills *error on bad input.
std::optional<StraceConfig> parse_strace_args(int argc, char** argv, CliError* error);

// The -h text, generated from the option table.
std::string strace_help_text(const std::string& progname);

}  // namespace sct
