#include "cli/strace_options.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "decode/decoder.h"
#include "xlat/signals.h"

namespace sct {

namespace {

enum class Arg { None, Required, Optional };

enum class Opt {
  Help, Version, Output, Append, Follow, OutputSeparately, StringLimit, Expr, Trace, Signal, Status,
  Quiet, Abbrev, Verbose, Raw, Read, Write, DecodeFdsQ, Successful, Failed, AbsTime, RelTime, SyscallTimes,
  Summary, SummaryOnly, WallClock, SortBy, Columns, Overhead, DecodeFds, TracePath, Attach, QuietFlag,
  VerboseFlag, HexStrings, Column, ConstStyle, Env, User, InstrPointer, SyscallNumber, Interruptible,
  Daemonize, DetachOn, StackTraces, Seccomp, NoSeccomp, Json, Backend, Comm, BpfBuffer, DecodePids,
  Inject, Fault, Kvm, Debug, Tips, PidnsTranslation, Secontext,
};

struct OptionRow {
  char short_name;  // 0: long only
  const char* long_name;
  Arg arg;
  Opt id;
  const char* help;
};

// The table -h is generated from. Order is the order of the help text.
constexpr OptionRow kOptions[] = {
    {'e', nullptr, Arg::Required, Opt::Expr, "a qualifying expression: OPTION=[!]all or OPTION=[!]VAL1[,VAL2]..."},
    {'E', "env", Arg::Required, Opt::Env, "put VAR=VAL in the environment for command, or remove VAR"},
    {'p', "attach", Arg::Required, Opt::Attach, "trace process with process id PID, may be repeated"},
    {'u', "user", Arg::Required, Opt::User, "run command as USERNAME handling setuid and/or setgid"},
    {'b', "detach-on", Arg::Required, Opt::DetachOn, "detach on execve syscall"},
    {'D', "daemonize", Arg::Optional, Opt::Daemonize, "run tracer process as a grandchild, not as a parent"},
    {'f', "follow-forks", Arg::None, Opt::Follow, "follow forks (-ff: with output into separate files)"},
    {0, "output-separately", Arg::None, Opt::OutputSeparately, "output into separate files (FILE.PID)"},
    {'I', "interruptible", Arg::Required, Opt::Interruptible, "1 anywhere, 2 waiting, 3 never, 4 never_tstp"},
    {0, "trace", Arg::Required, Opt::Trace, "trace only specified syscalls: [!][?]{SYSCALL|%GROUP|all|/REGEX|none}"},
    {0, "signal", Arg::Required, Opt::Signal, "trace only the specified set of signals"},
    {0, "status", Arg::Required, Opt::Status, "print only syscalls with these return statuses"},
    {'P', "trace-path", Arg::Required, Opt::TracePath, "trace accesses to PATH"},
    {'z', "successful-only", Arg::None, Opt::Successful, "print only syscalls that returned without an error code"},
    {'Z', "failed-only", Arg::None, Opt::Failed, "print only syscalls that returned with an error code"},
    {'a', "columns", Arg::Required, Opt::Column, "alignment COLUMN for printing syscall results (default 40)"},
    {0, "abbrev", Arg::Required, Opt::Abbrev, "abbreviate output for the syscalls in SET"},
    {0, "verbose", Arg::Required, Opt::Verbose, "dereference structures for the syscalls in SET"},
    {0, "raw", Arg::Required, Opt::Raw, "print undecoded arguments for the syscalls in SET"},
    {0, "read", Arg::Required, Opt::Read, "dump the data read from the file descriptors in SET"},
    {0, "write", Arg::Required, Opt::Write, "dump the data written to the file descriptors in SET"},
    {0, "quiet", Arg::Optional, Opt::Quiet, "suppress messages: attach, exit, path-resolution, personality, thread-execve"},
    {0, "decode-fds", Arg::Optional, Opt::DecodeFds, "what file descriptor details to decode: path, socket, dev, pidfd, all"},
    {'i', "instruction-pointer", Arg::None, Opt::InstrPointer, "print instruction pointer at time of syscall"},
    {'k', "stack-traces", Arg::None, Opt::StackTraces, "obtain stack trace between each syscall"},
    {'n', "syscall-number", Arg::None, Opt::SyscallNumber, "print syscall number"},
    {'o', "output", Arg::Required, Opt::Output, "send trace output to FILE instead of stderr"},
    {'A', "output-append-mode", Arg::None, Opt::Append, "open the file provided in the -o option in append mode"},
    {'q', nullptr, Arg::None, Opt::QuietFlag, "suppress messages about attaching, detaching, etc. (-qq, -qqq: more)"},
    {'r', "relative-timestamps", Arg::Optional, Opt::RelTime, "print relative timestamp (precision s, ms, us, ns)"},
    {'s', "string-limit", Arg::Required, Opt::StringLimit, "limit length of print strings to STRSIZE chars (default 32)"},
    {0, "absolute-timestamps", Arg::Optional, Opt::AbsTime, "set the format of absolute timestamps"},
    {0, "timestamps", Arg::Optional, Opt::AbsTime, "the same as --absolute-timestamps"},
    {'t', nullptr, Arg::None, Opt::AbsTime, "print absolute timestamp (-tt: with usecs, -ttt: UNIX time)"},
    {'T', "syscall-times", Arg::Optional, Opt::SyscallTimes, "print time spent in each syscall"},
    {'v', "no-abbrev", Arg::None, Opt::VerboseFlag, "verbose mode: print entities unabbreviated"},
    {'x', "strings-in-hex", Arg::Optional, Opt::HexStrings, "print non-ASCII strings in hex (-xx: all strings)"},
    {'X', "const-print-style", Arg::Required, Opt::ConstStyle, "set the FORMAT for named constants: raw, abbrev, verbose"},
    {'y', nullptr, Arg::None, Opt::DecodeFds, "print paths associated with file descriptor arguments (-yy: all)"},
    {'Y', "decode-pids", Arg::Optional, Opt::DecodePids, "print command names associated with PIDs"},
    {'c', "summary-only", Arg::None, Opt::SummaryOnly, "count time, calls, and errors for each syscall and report summary"},
    {'C', "summary", Arg::None, Opt::Summary, "like -c, but also print the regular output"},
    {'O', "summary-syscall-overhead", Arg::Required, Opt::Overhead, "set overhead for tracing syscalls"},
    {'S', "summary-sort-by", Arg::Required, Opt::SortBy, "sort by: time, min-time, max-time, avg-time, calls, errors, name, nothing"},
    {'U', "summary-columns", Arg::Required, Opt::Columns, "show specific columns in the summary report"},
    {'w', "summary-wall-clock", Arg::None, Opt::WallClock, "summarise syscall latency (default is system time)"},
    {0, "seccomp-bpf", Arg::None, Opt::Seccomp, "enable seccomp-bpf filtering (sctrace: on by default where safe)"},
    {0, "no-seccomp-bpf", Arg::None, Opt::NoSeccomp, "never install a seccomp-bpf filter"},
    {0, "json", Arg::None, Opt::Json, "print JSON Lines instead of strace text (sctrace)"},
    {0, "backend", Arg::Required, Opt::Backend, "engine: ptrace (default), bpf, auto (sctrace)"},
    {0, "comm", Arg::Required, Opt::Comm, "bpf: trace every process whose command name is NAME (sctrace)"},
    {0, "bpf-buffer", Arg::Required, Opt::BpfBuffer, "bpf: ring buffer size in bytes (sctrace)"},
    {0, "inject", Arg::Required, Opt::Inject, "tamper with syscalls in SET: error=, retval=, signal=, syscall=, delay_enter=, delay_exit=, when="},
    {0, "fault", Arg::Required, Opt::Fault, "fail syscalls in SET (error=ERRNO, default ENOSYS; when=)"},
    {0, "kvm", Arg::Required, Opt::Kvm, "print exit reason of kvm vcpu (accepted; sctrace does not decode KVM_RUN)"},
    {'d', "debug", Arg::None, Opt::Debug, "enable debug output to stderr (accepted; sctrace prints none)"},
    {0, "tips", Arg::Optional, Opt::Tips, "show strace tips (accepted; sctrace shows none)"},
    {'h', "help", Arg::None, Opt::Help, "print help message"},
    {'V', "version", Arg::None, Opt::Version, "print version"},
    // strace 6.1's undocumented spellings (no help line): accepted alike.
    {0, "daemonised", Arg::Optional, Opt::Daemonize, nullptr},
    {0, "daemonized", Arg::Optional, Opt::Daemonize, nullptr},
    {0, "failing-only", Arg::None, Opt::Failed, nullptr},
    {0, "signals", Arg::Required, Opt::Signal, nullptr},
    {0, "silent", Arg::Optional, Opt::Quiet, nullptr},
    {0, "silence", Arg::Optional, Opt::Quiet, nullptr},
    {0, "pidns-translation", Arg::None, Opt::PidnsTranslation, nullptr},
    {0, "secontext", Arg::Optional, Opt::Secontext, nullptr},
};

// getopt_long lists an ambiguous prefix's possibilities in the order of
// strace's own option table; names sharing a first letter, in that order
// (names not here, sctrace's own, follow in kOptions order).
constexpr std::string_view kStraceLongOrder[] = {
    "attach", "absolute-timestamps", "abbrev", "columns", "const-print-style", "detach-on", "debug", "daemonize",
    "daemonised", "daemonized", "decode-fds", "decode-pids", "follow-forks", "failed-only", "failing-only", "fault",
    "instruction-pointer", "interruptible", "inject", "output-append-mode", "output-separately", "output",
    "relative-timestamps", "raw", "read", "summary-only", "summary", "stack-traces", "syscall-number",
    "summary-syscall-overhead", "string-limit", "summary-sort-by", "syscall-times", "summary-columns",
    "summary-wall-clock", "strings-in-hex", "successful-only", "seccomp-bpf", "signals", "status", "silent",
    "silence", "secontext", "trace-path", "timestamps", "tips", "trace", "version", "verbose",
};

size_t strace_order(std::string_view name) {
  for (size_t i = 0; i < std::size(kStraceLongOrder); ++i)
    if (kStraceLongOrder[i] == name) return i;
  return std::size(kStraceLongOrder);
}

const OptionRow* find_short(char c) {
  for (const auto& r : kOptions)
    if (r.short_name == c) return &r;
  return nullptr;
}

// sctrace's own long options. Prefixes are matched against strace's options
// first, so that every prefix strace accepts (--n is --no-abbrev) or rejects
// as ambiguous (--c: --columns, --const-print-style) means the same here;
// only a prefix that matches none of strace's options can name one of these.
constexpr std::string_view kSctraceOwnLong[] = {"no-seccomp-bpf", "json", "backend", "comm", "bpf-buffer"};

bool is_sctrace_own(std::string_view name) {
  return std::find(std::begin(kSctraceOwnLong), std::end(kSctraceOwnLong), name) != std::end(kSctraceOwnLong);
}

const OptionRow* find_long(std::string_view name, CliError* error) {
  for (const auto& r : kOptions)
    if (r.long_name && name == r.long_name) return &r;
  // getopt_long accepts unambiguous prefixes: strace's names, else sctrace's.
  for (bool own : {false, true}) {
    const OptionRow* prefix_match = nullptr;
    int prefix_count = 0;
    std::vector<std::string_view> matches;
    for (const auto& r : kOptions) {
      if (!r.long_name || is_sctrace_own(r.long_name) != own) continue;
      if (std::string_view(r.long_name).substr(0, name.size()) != name) continue;
      if (!prefix_match || prefix_match->id != r.id) ++prefix_count;
      prefix_match = &r;
      matches.push_back(r.long_name);
    }
    if (prefix_count == 1) return prefix_match;
    if (prefix_count > 1) {
      std::stable_sort(matches.begin(), matches.end(),
                       [](std::string_view a, std::string_view b) { return strace_order(a) < strace_order(b); });
      error->message = "option '--" + std::string(name) + "' is ambiguous; possibilities:";
      for (auto m : matches) error->message += " '--" + std::string(m) + "'";
      error->show_try_help = true;
      return nullptr;
    }
  }
  error->message = "unrecognized option '--" + std::string(name) + "'";
  error->show_try_help = true;
  return nullptr;
}

bool parse_uint(std::string_view s, long long* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::string str(s);
  errno = 0;
  long long v = strtoll(str.c_str(), &end, 10);
  if (*end || errno || v < 0) return false;
  *out = v;
  return true;
}

// Precision words of the time options: s, ms, us, ns -> digits.
bool parse_precision(std::string_view s, int* digits) {
  if (s == "s") *digits = 0;
  else if (s == "ms") *digits = 3;
  else if (s == "us") *digits = 6;
  else if (s == "ns") *digits = 9;
  else return false;
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) return out;
    start = p + 1;
  }
}

class Parser {
 public:
  explicit Parser(CliError* error) : error_(error) {}

  bool fail(std::string msg, bool try_help = false) {
    error_->message = std::move(msg);
    error_->show_try_help = try_help;
    return false;
  }

  bool qualify(std::string_view expr) {
    std::string_view qual = "trace";
    std::string_view value = expr;
    size_t eq = expr.find('=');
    if (eq != std::string_view::npos) {
      qual = expr.substr(0, eq);
      value = expr.substr(eq + 1);
      // strace only treats the part before '=' as a qualifier if it is one.
      static constexpr std::string_view kQualifiers[] = {
          "trace", "t", "abbrev", "a", "verbose", "v", "raw", "x", "signal", "signals", "s", "read", "reads",
          "r", "write", "writes", "w", "fault", "inject", "status", "quiet", "silent", "silence", "q",
          "decode-fds", "decode-fd", "decode-pids", "decode-pid", "kvm"};
      bool known = false;
      for (auto q : kQualifiers) known |= q == qual;
      if (!known) {
        qual = "trace";
        value = expr;
      }
    }
    if (qual == "trace" || qual == "t") return trace(value);
    if (qual == "signal" || qual == "signals" || qual == "s") return signal_set(value);
    if (qual == "status") return status_set(value);
    if (qual == "quiet" || qual == "silent" || qual == "silence" || qual == "q") return quiet_set(value);
    if (qual == "decode-fds" || qual == "decode-fd") return decode_fds(value);
    if (qual == "decode-pids" || qual == "decode-pid") return decode_pids(value);
    if (qual == "abbrev" || qual == "a" || qual == "verbose" || qual == "v" || qual == "raw" || qual == "x") {
      SyscallSet set;
      std::string err;
      if (!parse_syscall_set(value, &set, &err)) return fail(err);
      // Applied per call by the decoders (DecodeOptions::for_call).
      if (qual == "raw" || qual == "x") cfg.raw_calls = set;
      if (qual == "abbrev" || qual == "a") cfg.abbrev_calls = set;
      if (qual == "verbose" || qual == "v") cfg.verbose_calls = set;
      return true;
    }
    if (qual == "read" || qual == "reads" || qual == "r") return fd_set(value, &cfg.read_fds);
    if (qual == "write" || qual == "writes" || qual == "w") return fd_set(value, &cfg.write_fds);
    if (qual == "inject" || qual == "fault") {
      std::string err;
      if (!parse_inject_spec(value, qual == "fault", &cfg.inject, &err, &cfg.warnings)) return fail(err);
      return true;
    }
    // kvm=vcpu decodes KVM_RUN exits; without /dev/kvm there is nothing to decode.
    if (value != "vcpu") return fail("invalid -e kvm= argument: '" + std::string(value) + "'");
    return true;
  }

  // A descriptor set for read=/write=: "all", "none", numbers, "!" in front.
  bool fd_set(std::string_view value, FdSet* out) {
    FdSet set;
    bool negate = false;
    while (!value.empty() && value[0] == '!') {
      negate = !negate;
      value.remove_prefix(1);
    }
    for (auto tok : split(value, ',')) {
      long long n = 0;
      if (tok == "all") {
        set.fds.clear();
        set.negated = true;
      } else if (tok == "none") {
      } else if (parse_uint(tok, &n) && n <= 0x7fffffff) {
        if (!set.negated) set.fds.insert(static_cast<int>(n));
      } else {
        return fail("invalid descriptor '" + std::string(tok) + "'");
      }
    }
    if (negate) set.negated = !set.negated;
    *out = set;
    return true;
  }

  bool trace(std::string_view value) {
    std::string err;
    if (!parse_syscall_set(value, &cfg.trace, &err)) return fail(err);
    cfg.trace_given = true;
    return true;
  }

  bool signal_set(std::string_view value) {
    bool negate = !value.empty() && value[0] == '!';
    if (negate) value.remove_prefix(1);
    std::vector<bool> set(65, false);
    for (auto tok : split(value, ',')) {
      if (tok == "all") {
        set.assign(65, true);
      } else if (tok == "none") {
      } else if (auto sig = signal_parse(tok)) {
        set[static_cast<size_t>(*sig)] = true;
      } else {
        return fail("invalid signal '" + std::string(tok) + "'");
      }
    }
    if (negate) set.flip();
    cfg.signals = set;
    return true;
  }

  bool status_set(std::string_view value) {
    bool negate = !value.empty() && value[0] == '!';
    if (negate) value.remove_prefix(1);
    bool s = false, f = false, u = false, n = false, d = false;
    for (auto tok : split(value, ',')) {
      if (tok == "all") s = f = u = n = d = true;
      else if (tok == "none") {}
      else if (tok == "successful") s = true;
      else if (tok == "failed") f = true;
      else if (tok == "unfinished") u = true;
      else if (tok == "unavailable") n = true;
      else if (tok == "detached") d = true;
      else return fail("invalid status '" + std::string(tok) + "'");
    }
    if (negate) s = !s, f = !f, u = !u, n = !n, d = !d;
    cfg.status_filter = true;
    cfg.show_successful = s, cfg.show_failed = f, cfg.show_unfinished = u, cfg.show_unavailable = n,
    cfg.show_detached = d;
    return true;
  }

  bool quiet_set(std::string_view value) {
    bool negate = !value.empty() && value[0] == '!';
    if (negate) value.remove_prefix(1);
    bool a = false, e = false, p = false, r = false, t = false;
    for (auto tok : split(value, ',')) {
      if (tok == "all") a = e = p = r = t = true;
      else if (tok == "none") {}
      else if (tok == "attach") a = true;
      else if (tok == "exit" || tok == "exits") e = true;
      else if (tok == "personality") p = true;
      else if (tok == "path-resolution") r = true;
      else if (tok == "thread-execve" || tok == "superseded") t = true;
      else return fail("invalid quiet '" + std::string(tok) + "'");
    }
    if (negate) a = !a, e = !e, p = !p, r = !r, t = !t;
    cfg.quiet_attach = a, cfg.quiet_exit = e, cfg.quiet_personality = p, cfg.quiet_path_resolution = r,
    cfg.quiet_thread_execve = t;
    return true;
  }

  // --decode-pids=comm,pidns (-Y is comm): checked as strace does; the
  // last one given wins. comm appends "<comm>" to pids; pidns has nothing to
  // translate in one pid namespace (docs/options-audit.md).
  bool decode_pids(std::string_view value) {
    bool comm = false;
    for (auto tok : split(value, ',')) {
      if (tok != "comm" && tok != "pidns" && tok != "all" && tok != "none")
        return fail("invalid decode-pids '" + std::string(tok) + "'");
      if (tok == "comm" || tok == "all") comm = true;
    }
    cfg.decode_pid_comm = comm;
    return true;
  }

  // --tips=[[id:]ID][,[format:]FORMAT]: checked as strace does (ID a
  // non-negative int or "random"; FORMAT none, compact or full); sctrace
  // shows no tips.
  bool tips(std::string_view value) {
    for (auto tok : split(value, ',')) {
      bool id = tok.substr(0, 3) == "id:", format = tok.substr(0, 7) == "format:";
      if (id) tok.remove_prefix(3);
      if (format) tok.remove_prefix(7);
      long long n = 0;
      bool is_id = tok == "random" || (parse_uint(tok, &n) && n <= 0x7fffffff);
      bool is_format = tok == "none" || tok == "compact" || tok == "full";
      if (id ? !is_id : format ? !is_format : !(is_id || is_format)) return false;
    }
    return true;
  }

  bool decode_fds(std::string_view value) {
    int classes = 0;
    for (auto tok : split(value, ',')) {
      if (tok == "all") classes = kDecodeFdAll;
      else if (tok == "none") {}
      else if (tok == "path") classes |= kDecodeFdPath;
      else if (tok == "socket") classes |= kDecodeFdSocket;
      else if (tok == "dev") classes |= kDecodeFdDev;
      else if (tok == "pidfd") classes |= kDecodeFdPidfd;
      else return fail("invalid decode-fds '" + std::string(tok) + "'");
    }
    cfg.decode_fds = classes;
    return true;
  }

  bool apply(const OptionRow& row, std::optional<std::string_view> arg, bool is_long) {
    // strace names the option as it was spelt: "-s" or "--string-limit".
    auto bad_arg = [&](const char* what) {
      std::string name = is_long && row.long_name ? std::string("--") + row.long_name : std::string(what);
      return fail("invalid " + name + " argument: '" + std::string(*arg) + "'", true);
    };
    long long n = 0;
    switch (row.id) {
      case Opt::Help: cfg.show_help = true; return true;
      case Opt::Version: cfg.show_version = true; return true;
      case Opt::Output: cfg.output = std::string(*arg); return true;
      case Opt::Append: cfg.output_append = true; return true;
      case Opt::Follow:
        if (is_long)
          cfg.follow_long = true;
        else
          ++cfg.follow_short;
        return true;
      case Opt::OutputSeparately:
        cfg.output_separately = true;
        cfg.output_separately_long = true;
        return true;
      case Opt::StringLimit:
        if (!parse_uint(*arg, &n)) return bad_arg("-s");
        cfg.string_limit = static_cast<size_t>(n);
        return true;
      case Opt::Expr: return qualify(*arg);
      case Opt::Trace: return trace(*arg);
      case Opt::Signal: return signal_set(*arg);
      case Opt::Status: return status_set(*arg);
      case Opt::Quiet: return arg ? quiet_set(*arg) : apply(*find_short('q'), std::nullopt, false);
      case Opt::Abbrev: return qualify("abbrev=" + std::string(*arg));
      case Opt::Verbose: return qualify("verbose=" + std::string(*arg));
      case Opt::Raw: return qualify("raw=" + std::string(*arg));
      case Opt::Read: return fd_set(*arg, &cfg.read_fds);
      case Opt::Write: return fd_set(*arg, &cfg.write_fds);
      case Opt::DecodeFdsQ: return decode_fds(*arg);
      case Opt::Successful:
      case Opt::Failed:
        // strace warns that only the last of several -z/-Z counts.
        if (++cfg.status_flag_count == 2)
          cfg.warnings.push_back(
              "Only the last of -z/--successful-only/-Z/--failed-only options will take effect. "
              "See status qualifier for more complex filters.");
        return status_set(row.id == Opt::Successful ? "successful" : "failed");
      case Opt::AbsTime:
        if (!is_long) {
          if (cfg.absolute_timestamps_given) return t_conflict();
          ++cfg.timestamps;
          cfg.t_given = true;
          return true;
        }
        if (cfg.t_given) return t_conflict();
        cfg.absolute_timestamps_given = true;
        return absolute_timestamps(arg.value_or(""));
      case Opt::RelTime:
        cfg.relative = true;
        if (arg && !parse_precision(*arg, &cfg.relative_precision)) return bad_arg("--relative-timestamps");
        return true;
      case Opt::SyscallTimes:
        cfg.syscall_times = true;
        if (arg && !parse_precision(*arg, &cfg.syscall_time_precision)) return bad_arg("--syscall-times");
        return true;
      case Opt::Summary:
      case Opt::SummaryOnly: {
        int want = row.id == Opt::Summary ? 2 : 1;
        if (cfg.summary && cfg.summary != want)
          return fail("-c/--summary-only and -C/--summary are mutually exclusive", true);
        cfg.summary = want;
        return true;
      }
      case Opt::WallClock: cfg.summary_wall_clock = true; return true;
      case Opt::SortBy: {
        static constexpr std::string_view kSorts[] = {"time", "time_total", "total_time", "min-time", "min_time",
            "shortest", "time_min", "max-time", "max_time", "longest", "time_max", "avg-time", "avg_time",
            "time_avg", "calls", "count", "errors", "error", "name", "syscall", "syscall_name", "nothing", "none"};
        bool ok = false;
        for (auto s : kSorts) ok |= s == *arg;
        if (!ok) return fail("invalid sortby: '" + std::string(*arg) + "'", true);
        cfg.sort_given = true;
        cfg.sort_by = std::string(*arg);
        return true;
      }
      case Opt::Columns: return summary_columns(*arg);
      case Opt::Overhead: {
        std::string s(*arg);
        char* end = nullptr;
        double v = strtod(s.c_str(), &end);
        std::string unit(end);
        double mult = 1000;  // microseconds by default
        if (unit == "s") mult = 1e9;
        else if (unit == "ms") mult = 1e6;
        else if (unit == "us" || unit.empty()) mult = 1e3;
        else if (unit == "ns") mult = 1;
        else return bad_arg("-O");
        if (end == s.c_str() || v < 0) return bad_arg("-O");
        cfg.overhead_ns = static_cast<int64_t>(v * mult);
        return true;
      }
      case Opt::DecodeFds:
        if (!is_long) {
          cfg.decode_fds = cfg.decode_fds ? kDecodeFdAll : kDecodeFdPath;  // -y paths, -yy all
          return true;
        }
        return decode_fds(arg.value_or("path"));
      case Opt::TracePath: cfg.paths.emplace_back(*arg); return true;
      case Opt::Attach:
        for (auto tok : split(*arg, ',')) {
          // strace also splits on spaces so that -p "$(pidof x)" works.
          for (auto t : split(tok, ' ')) {
            if (t.empty()) continue;
            if (!parse_uint(t, &n) || n <= 0 || n > 0x7fffffff)
              return fail("Invalid process id: '" + std::string(t) + "'");
            cfg.pids.push_back(static_cast<pid_t>(n));
          }
        }
        return true;
      case Opt::QuietFlag:
        ++cfg.quiet;
        cfg.quiet_attach = cfg.quiet_personality = true;
        if (cfg.quiet >= 2) cfg.quiet_exit = true;
        if (cfg.quiet >= 3) cfg.quiet_path_resolution = cfg.quiet_thread_execve = true;
        return true;
      case Opt::VerboseFlag: cfg.abbrev_calls = syscall_set_of(false); return true;
      case Opt::HexStrings:
        if (!is_long) {
          cfg.hex_strings = std::min(cfg.hex_strings + 1, 2);
          return true;
        }
        if (!arg || *arg == "all") cfg.hex_strings = 2;
        else if (*arg == "non-ascii") cfg.hex_strings = 1;
        else if (*arg == "non-ascii-chars") cfg.hex_strings = 3;
        else if (*arg == "none") cfg.hex_strings = 0;
        else return bad_arg("--strings-in-hex");
        return true;
      case Opt::Column:
        if (!parse_uint(*arg, &n)) return bad_arg("-a");
        cfg.column = static_cast<int>(n);
        return true;
      case Opt::ConstStyle:
        if (*arg == "raw") cfg.xlat_style = 1;
        else if (*arg == "abbrev") cfg.xlat_style = 0;
        else if (*arg == "verbose") cfg.xlat_style = 2;
        else return bad_arg("-X");
        return true;
      case Opt::Env: {
        std::string s(*arg);
        if (s.find('=') != std::string::npos) cfg.env_set.push_back(s);
        else cfg.env_unset.push_back(s);
        return true;
      }
      case Opt::User: cfg.user = std::string(*arg); return true;
      case Opt::InstrPointer: cfg.instruction_pointer = true; return true;
      case Opt::SyscallNumber: cfg.syscall_numbers = true; return true;
      case Opt::Interruptible:
        if (*arg == "1" || *arg == "anywhere") cfg.interruptible = 1;
        else if (*arg == "2" || *arg == "waiting") cfg.interruptible = 2;
        else if (*arg == "3" || *arg == "never") cfg.interruptible = 3;
        else if (*arg == "4" || *arg == "never_tstp") cfg.interruptible = 4;
        else return bad_arg("-I");
        return true;
      case Opt::Daemonize:
        if (!is_long || !arg) {
          ++cfg.daemonize;
          return true;
        }
        if (*arg == "grandchild") cfg.daemonize = 1;
        else if (*arg == "pgroup" || *arg == "pgrp") cfg.daemonize = 2;
        else if (*arg == "session") cfg.daemonize = 3;
        else return bad_arg("--daemonize");
        return true;
      case Opt::DetachOn:
        if (*arg != "execve") return fail("Syscall '" + std::string(*arg) + "' for -b isn't supported");
        cfg.detach_on_execve = true;
        return true;
      case Opt::StackTraces: cfg.stack_traces = true; return true;
      case Opt::Seccomp:
        cfg.seccomp = 1;
        cfg.seccomp_given = true;
        return true;
      case Opt::NoSeccomp: cfg.seccomp = 0; return true;
      case Opt::Json: cfg.json = true; return true;
      case Opt::Backend:
        if (*arg != "ptrace" && *arg != "bpf" && *arg != "auto") return bad_arg("--backend");
        cfg.backend = std::string(*arg);
        return true;
      case Opt::Comm: cfg.comms.emplace_back(*arg); return true;
      case Opt::BpfBuffer:
        if (!parse_uint(*arg, &n) || n < 4096) return bad_arg("--bpf-buffer");
        cfg.bpf_buffer = static_cast<size_t>(n);
        return true;
      case Opt::DecodePids: return decode_pids(arg ? *arg : "comm");
      case Opt::Inject: return qualify("inject=" + std::string(*arg));
      case Opt::Fault: return qualify("fault=" + std::string(*arg));
      case Opt::Kvm: return qualify("kvm=" + std::string(*arg));
      case Opt::Tips: return !arg || tips(*arg) || bad_arg("--tips");
      case Opt::Debug:
      case Opt::PidnsTranslation: return true;  // one pid namespace here: nothing to translate
      case Opt::Secontext:
        // As Debian's strace, which is built without SELinux support.
        return fail("SELinux context printing (--secontext option) is not supported by this build of strace");
    }
    return true;
  }

  bool t_conflict() { return fail("-t and --absolute-timestamps cannot be provided simultaneously"); }

  // -U: strace's column names; each column at most once.
  bool summary_columns(std::string_view value) {
    static constexpr std::string_view kNames[][5] = {
        {"time-percent", "time_percent"},
        {"total-time", "total_time", "time"},
        {"min-time", "shortest", "min_time", "time_min"},
        {"max-time", "longest", "max_time", "time_max"},
        {"avg-time", "avg_time", "time_avg"},
        {"calls", "count"},
        {"errors", "error"},
        {"name", "syscall", "syscall_name", "syscall-name"},
    };
    std::vector<bool> seen(std::size(kNames), false);
    size_t pos = 0;
    for (auto tok : split(value, ',')) {
      size_t found = std::size(kNames);
      for (size_t c = 0; c < std::size(kNames); ++c)
        for (auto n : kNames[c])
          if (!n.empty() && n == tok) found = c;
      if (found == std::size(kNames)) return fail("unknown column name: '" + std::string(tok) + "'", true);
      if (seen[found])
        return fail("call summary column has been provided more than once: '" + std::string(tok) +
                        "' (-U option residual: '" + std::string(value.substr(pos)) + "')",
                    true);
      seen[found] = true;
      pos += tok.size() + 1;
    }
    cfg.summary_columns = std::string(value);
    cfg.summary_columns_given = true;
    return true;
  }

  bool absolute_timestamps(std::string_view value) {
    // [[format:]FORMAT[,[precision:]PRECISION]]
    if (value.empty()) {
      cfg.timestamps = std::max(cfg.timestamps, 1);
      return true;
    }
    for (auto tok : split(value, ',')) {
      std::string_view v = tok;
      if (v.substr(0, 7) == "format:") v.remove_prefix(7);
      else if (v.substr(0, 10) == "precision:") v.remove_prefix(10);
      int digits;
      if (v == "none") cfg.timestamps = 0;
      else if (v == "time") cfg.timestamps = std::max(cfg.timestamps, 1) == 3 ? 3 : std::max(cfg.timestamps, 1);
      else if (v == "unix") cfg.timestamps = 3;
      else if (parse_precision(v, &digits)) {
        cfg.timestamp_precision = digits;
        if (cfg.timestamps == 0) cfg.timestamps = 1;
        if (cfg.timestamps == 1 && digits > 0) cfg.timestamps = 2;
      } else {
        return fail("invalid --absolute-timestamps argument: '" + std::string(value) + "'", true);
      }
    }
    return true;
  }

  bool parse(int argc, char** argv) {
    int i = 1;
    for (; i < argc; ++i) {
      std::string_view a = argv[i];
      if (a == "--") {
        ++i;
        break;
      }
      if (a.size() < 2 || a[0] != '-') break;  // the command starts here
      if (a[1] == '-') {
        std::string_view body = a.substr(2);
        std::optional<std::string_view> val;
        size_t eq = body.find('=');
        if (eq != std::string_view::npos) {
          val = body.substr(eq + 1);
          body = body.substr(0, eq);
        }
        const OptionRow* row = find_long(body, error_);
        if (!row) return false;
        if (row->arg == Arg::None && val)
          return fail("option '--" + std::string(row->long_name) + "' doesn't allow an argument", true);
        if (row->arg == Arg::Required && !val) {
          if (i + 1 >= argc) return fail("option '--" + std::string(row->long_name) + "' requires an argument", true);
          val = argv[++i];
        }
        if (!apply(*row, val, true)) return false;
        if (cfg.show_help) return true;  // strace prints -h's text at once: later errors do not count
        continue;
      }
      for (size_t k = 1; k < a.size(); ++k) {
        const OptionRow* row = find_short(a[k]);
        if (!row) return fail(std::string("invalid option -- '") + a[k] + "'", true);
        if (row->arg == Arg::Required) {
          std::string_view val;
          if (k + 1 < a.size()) {
            val = a.substr(k + 1);
          } else if (i + 1 < argc) {
            val = argv[++i];
          } else {
            return fail(std::string("option requires an argument -- '") + a[k] + "'", true);
          }
          if (!apply(*row, val, false)) return false;
          break;
        }
        if (!apply(*row, std::nullopt, false)) return false;
        if (cfg.show_help) return true;
      }
    }
    for (; i < argc; ++i) cfg.command.emplace_back(argv[i]);
    return true;
  }

  StraceConfig cfg;

 private:
  CliError* error_;
};

}  // namespace

// strace's checks of options against each other, after parsing, in its
// order: errors (with the -h hint) first, then warnings that let it go on.
bool check_combinations(StraceConfig& cfg, CliError* error) {
  auto fail = [&](std::string msg, bool try_help = true) {
    error->message = std::move(msg);
    error->show_try_help = try_help;
    return false;
  };
  // -f/-ff and --follow-forks/--output-separately are two spellings that
  // strace 6.1 will not mix; -f's count then decides separate output, even
  // over --output-separately ("-f --output-separately" is one file).
  if (cfg.follow_short && cfg.follow_long) return fail("-f and --follow-forks cannot be provided simultaneously", false);
  if (cfg.follow_short >= 2 && cfg.output_separately_long)
    return fail("-ff and --output-separately cannot be provided simultaneously", false);
  if (cfg.follow_short) {
    cfg.follow = cfg.follow_short;
    cfg.output_separately = cfg.follow_short >= 2;
  } else if (cfg.follow_long) {
    cfg.follow = 1;
  }
  if (cfg.daemonize && cfg.command.empty()) return fail("PROG [ARGS] must be specified with -D/--daemonize");
  if (cfg.daemonize > 3)
    return fail("Too many -D's (" + std::to_string(cfg.daemonize) + "), maximum supported -D count is 3");
  if (cfg.output_separately && cfg.summary)
    return fail("(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive");
  if (cfg.summary_wall_clock && !cfg.summary)
    return fail("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
  if (cfg.summary_columns_given && !cfg.summary)
    return fail("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)");
  const bool piped = !cfg.output.empty() && (cfg.output[0] == '|' || cfg.output[0] == '!');
  if (piped && cfg.output_separately)
    return fail("piping the output and -ff/--output-separately are mutually exclusive");
  if (cfg.sort_given && !cfg.summary)
    cfg.warnings.push_back("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
  if (cfg.summary == 1) {
    if (cfg.instruction_pointer) cfg.warnings.push_back("-i/--instruction-pointer has no effect with -c/--summary-only");
    if (cfg.stack_traces) cfg.warnings.push_back("-k/--stack-traces has no effect with -c/--summary-only");
    if (cfg.syscall_numbers) cfg.warnings.push_back("-n/--syscall-number has no effect with -c/--summary-only");
    if (cfg.relative) cfg.warnings.push_back("-r/--relative-timestamps has no effect with -c/--summary-only");
  }
  if (cfg.output_separately_long && cfg.output.empty())
    cfg.warnings.push_back("--output-separately has no effect without -o/--output");
  if (cfg.output.empty()) cfg.output_separately = false;
  if (cfg.seccomp_given && cfg.follow == 0) {
    cfg.warnings.push_back("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
    cfg.seccomp = 0;
  }
  return true;
}

std::optional<StraceConfig> parse_strace_args(int argc, char** argv, CliError* error) {
  Parser p(error);
  p.cfg.trace.numbers.set();
  p.cfg.trace.unknown_numbers = true;
  if (!p.parse(argc, argv)) return std::nullopt;
  if (p.cfg.show_help || p.cfg.show_version) return p.cfg;
  if (p.cfg.command.empty() && p.cfg.pids.empty() && p.cfg.comms.empty()) {
    error->message = "must have PROG [ARGS] or -p PID";
    error->show_try_help = true;
    return std::nullopt;
  }
  if (!check_combinations(p.cfg, error)) return std::nullopt;
  return p.cfg;
}

std::string strace_help_text(const std::string& progname) {
  std::string out = "Usage: " + progname + " [OPTIONS] { -p PID | PROG [ARGS] }\n"
                    "       " + progname + " dtruss [OPTIONS] { -p PID | PROG [ARGS] }\n"
                    "       " + progname + " dtrace [OPTIONS] { -n PROGRAM | -s FILE } [-c CMD | -p PID]\n\n"
                    "A system call tracer: strace's options and output; dtruss and DTrace's on Linux.\n\n";
  for (const auto& r : kOptions) {
    if (!r.help) continue;  // an undocumented alias
    std::string names;
    if (r.short_name) names += std::string("-") + r.short_name;
    if (r.long_name) {
      if (!names.empty()) names += ", ";
      names += std::string("--") + r.long_name;
      if (r.arg == Arg::Required) names += "=ARG";
      if (r.arg == Arg::Optional) names += "[=ARG]";
    } else if (r.arg == Arg::Required) {
      names += " ARG";
    }
    out += "  " + names + "\n                 " + r.help + "\n";
  }
  return out;
}

}  // namespace sct
