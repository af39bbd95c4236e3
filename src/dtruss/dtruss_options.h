// dtruss's command line: `dtruss [-acdefholLs] [-t syscall] [-b size]
// { -p PID | -n name | -W name | command }`. One table of options carries
// the letter, the argument, the help line and what the option sets
// (DESIGN.md idea 8); parsing follows the shell's getopts, as dtruss (a
// shell script) does: options first, the first non-option word starts the
// command, letters may be grouped (-ef) and arguments attached (-topen).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "dtruss/dtruss_format.h"

namespace sct {

struct DtrussConfig {
  std::vector<std::string> command;
  pid_t pid = 0;               // -p
  bool have_pid = false;
  std::string name;            // -n (system-wide, by process name)
  bool have_name = false;
  std::string wait_name;       // -W (wait for a process of this name)
  bool have_wait = false;
  std::string trace;           // -t: only this syscall ("" = all)
  std::string bufsize = "4m";  // -b: dtrace's dynvarsize; no meaning here
  bool counts = false;         // -c
  bool relative = false;       // -d
  bool elapsed = false;        // -e
  bool follow = false;         // -f
  bool cpu = false;            // -o
  bool stack = false;          // -s
  int printid = 0;             // dtruss's opt_printid: 1 by -l/-a, -1 by -L
  bool show_help = false;      // -h
};

struct DtrussCliError {
  std::string message;  // "" for -h/no command: only the usage is printed
  bool show_usage = true;
};

// Parses argv (argv[0] is "dtruss"). On error, *err says what to print.
std::optional<DtrussConfig> parse_dtruss_args(int argc, char** argv, DtrussCliError* err);

// Refuses what this dtruss cannot do (-s, an unknown -t name) with a
// message; nullopt when the config can run. (-n/-W also need the eBPF
// engine, which only dtruss_main can ask for.)
std::optional<std::string> dtruss_unsupported(const DtrussConfig& cfg);

// Which columns print: dtruss's option logic (-f and -n turn PID/THRD on
// unless -L; -a turns everything on).
DtrussColumns dtruss_columns(const DtrussConfig& cfg);

// The usage text (dtruss prints it on stderr and exits 1).
std::string dtruss_usage();

}  // namespace sct
