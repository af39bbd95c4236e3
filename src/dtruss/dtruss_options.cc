#include "dtruss/dtruss_options.h"

#include <fmt/format.h>

#include <cstring>
#include <span>

#include "syscalls/syscall_table.h"

namespace sct {

namespace {

using Apply = void (*)(DtrussConfig&, const char* arg);

struct DtrussOption {
  char letter;
  const char* arg;   // nullptr: a flag
  const char* help;  // as dtruss's usage puts it, plus what differs on Linux
  Apply apply;
};

// In dtruss's usage order.
constexpr DtrussOption kOptions[] = {
    {'p', "PID", "examine this PID", [](DtrussConfig& c, const char* a) { c.have_pid = true, c.pid = atoi(a); }},
    {'n', "name", "examine this process name (root: the eBPF engine)",
     [](DtrussConfig& c, const char* a) { c.have_name = true, c.name = a; }},
    {'t', "syscall", "examine this syscall only (-t open also matches openat)",
     [](DtrussConfig& c, const char* a) { c.trace = a; }},
    {'W', "name", "wait for a process matching this name (root: the eBPF engine)",
     [](DtrussConfig& c, const char* a) { c.have_wait = true, c.wait_name = a; }},
    {'a', nullptr, "print all details",
     [](DtrussConfig& c, const char*) {
       c.counts = c.relative = c.elapsed = c.follow = c.cpu = true;
       c.printid = 1;
     }},
    {'c', nullptr, "print syscall counts", [](DtrussConfig& c, const char*) { c.counts = true; }},
    {'d', nullptr, "print relative times (us)", [](DtrussConfig& c, const char*) { c.relative = true; }},
    {'e', nullptr, "print elapsed times (us)", [](DtrussConfig& c, const char*) { c.elapsed = true; }},
    {'f', nullptr, "follow children", [](DtrussConfig& c, const char*) { c.follow = true; }},
    {'l', nullptr, "force printing pid/lwpid", [](DtrussConfig& c, const char*) { c.printid = 1; }},
    {'o', nullptr, "print on cpu times", [](DtrussConfig& c, const char*) { c.cpu = true; }},
    {'s', nullptr, "print stack backtraces (not supported yet)", [](DtrussConfig& c, const char*) { c.stack = true; }},
    {'L', nullptr, "don't print pid/lwpid", [](DtrussConfig& c, const char*) { c.printid = -1; }},
    {'b', "bufsize", "dynamic variable buf size (accepted, no effect)",
     [](DtrussConfig& c, const char* a) { c.bufsize = a; }},
    {'h', nullptr, "print this help", [](DtrussConfig& c, const char*) { c.show_help = true; }},
};

const DtrussOption* find_option(char letter) {
  for (const auto& o : kOptions)
    if (o.letter == letter) return &o;
  return nullptr;
}

bool all_digits(const char* s) {
  if (!*s) return false;
  for (; *s; ++s)
    if (*s < '0' || *s > '9') return false;
  return true;
}

// dtrace's size syntax: digits with an optional k/m/g/t suffix.
bool valid_size(const std::string& s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0) return false;
  std::string rest = s.substr(digits);
  return rest.empty() || (rest.size() == 1 && strchr("kKmMgGtT", rest[0]));
}

}  // namespace

std::optional<DtrussConfig> parse_dtruss_args(int argc, char** argv, DtrussCliError* err) {
  DtrussConfig cfg;
  int i = 1;
  for (; i < argc; ++i) {
    const char* word = argv[i];
    if (strcmp(word, "--") == 0) {
      ++i;
      break;
    }
    if (word[0] != '-' || word[1] == '\0') break;  // the command starts here
    for (const char* p = word + 1; *p; ++p) {
      const DtrussOption* opt = find_option(*p);
      if (!opt) {
        err->message = fmt::format("illegal option -- {}", *p);
        return std::nullopt;
      }
      if (!opt->arg) {
        opt->apply(cfg, nullptr);
        continue;
      }
      const char* value = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : nullptr);
      if (!value) {
        err->message = fmt::format("option requires an argument -- {}", *p);
        return std::nullopt;
      }
      opt->apply(cfg, value);
      if (opt->letter == 'p' && !all_digits(value)) {
        err->message = fmt::format("invalid PID '{}'", value);
        err->show_usage = false;
        return std::nullopt;
      }
      break;  // the rest of the word was the argument
    }
  }
  if (cfg.show_help) {
    err->message.clear();
    return std::nullopt;
  }
  for (; i < argc; ++i) cfg.command.push_back(argv[i]);

  // dtruss's option logic: without -p/-n/-W the words are the command; with
  // none, the usage.
  bool has_target = cfg.have_pid || cfg.have_name || cfg.have_wait;
  if (!has_target && cfg.command.empty()) {
    err->message.clear();
    return std::nullopt;
  }
  if (has_target && !cfg.command.empty()) {
    // dtruss ignores these words silently; saying so avoids a surprise.
    err->message = fmt::format("a command ('{}') cannot be given with -p, -n or -W", cfg.command[0]);
    err->show_usage = false;
    return std::nullopt;
  }
  if (cfg.trace == "exec") cfg.trace = "execve";  // dtruss's own translation
  if (!valid_size(cfg.bufsize)) {
    err->message = fmt::format("invalid buffer size '{}' for -b (e.g. 4m)", cfg.bufsize);
    err->show_usage = false;
    return std::nullopt;
  }
  return cfg;
}

std::optional<std::string> dtruss_unsupported(const DtrussConfig& cfg) {
  if (cfg.stack) return "-s (stack backtraces) is not supported yet: sctrace cannot unwind user stacks";
  if (!cfg.trace.empty() && cfg.trace != "open" && syscall_number(cfg.trace) < 0)
    return fmt::format("unknown syscall '{}' for -t (Linux names: openat, newfstatat, pread64, ...)", cfg.trace);
  return std::nullopt;
}

DtrussColumns dtruss_columns(const DtrussConfig& cfg) {
  DtrussColumns cols;
  // dtruss: -f and -n turn the PID column on unless -L; -l and -a force it.
  // (dtruss's -L alone leaves opt_printid at -1, true in D, so it still
  // printed the column; here -L always hides it.)
  cols.printid = cfg.printid == 1 || ((cfg.follow || cfg.have_name) && cfg.printid != -1);
  cols.relative = cfg.relative;
  cols.elapsed = cfg.elapsed;
  cols.cpu = cfg.cpu;
  return cols;
}

std::string dtruss_usage() {
  std::string out = "USAGE: dtruss [-acdefholLs] [-t syscall] { -p PID | -n name | command | -W name }\n\n";
  for (const auto& o : kOptions) {
    std::string flag = fmt::format("-{}{}{}", o.letter, o.arg ? " " : "", o.arg ? o.arg : "");
    out += fmt::format("{:10}{:<16}# {}\n", "", flag, o.help);
  }
  out +=
      "   eg,\n"
      "       dtruss df -h       # run and examine \"df -h\"\n"
      "       dtruss -p 1871     # examine PID 1871\n"
      "       dtruss -n tar      # examine all processes called \"tar\"\n"
      "       dtruss -f test.sh  # run test.sh and follow children\n"
      "\n"
      "   on Linux (sctrace dtruss):\n"
      "       syscall names are Linux's: openat, newfstatat, pread64, rt_sigprocmask, ...\n"
      "       -t open traces open and openat (glibc's open() calls openat); -t exec is execve\n"
      "       output goes to stderr; times are in microseconds\n"
      "       -s is not supported yet (no user stack traces)\n"
      "       -n and -W trace system-wide: root and the eBPF engine; the name is matched\n"
      "       exactly (its first 15 bytes, as the kernel keeps it), until Ctrl-C\n"
      "       see docs/dtruss.md for how each syscall's arguments print\n";
  return out;
}

}  // namespace sct
