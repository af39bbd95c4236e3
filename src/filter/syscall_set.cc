#include "filter/syscall_set.h"

#include <regex.h>

#include <vector>

#include "syscalls/syscall_table.h"

namespace sct {

namespace {

struct ClassName {
  const char* name;
  uint32_t bits;
};

// strace 6.1 accepts the %-less spellings only for the historical classes.
constexpr ClassName kClasses[] = {
    {"%desc", kTraceDesc},       {"%file", kTraceFile},           {"%memory", kTraceMemory},
    {"%process", kTraceProcess}, {"%signal", kTraceSignal},       {"%ipc", kTraceIpc},
    {"%network", kTraceNetwork}, {"%net", kTraceNetwork},         {"%stat", kTraceStat},
    {"%lstat", kTraceLstat},     {"%fstat", kTraceFstat},         {"%%stat", kTraceStatLike},
    {"%statfs", kTraceStatfs},   {"%fstatfs", kTraceFstatfs},     {"%%statfs", kTraceStatfsLike},
    {"%pure", kTracePure},       {"%creds", kTraceCreds},         {"%clock", kTraceClock},
    {"desc", kTraceDesc},        {"file", kTraceFile},            {"memory", kTraceMemory},
    {"process", kTraceProcess},  {"signal", kTraceSignal},        {"ipc", kTraceIpc},
    {"network", kTraceNetwork},
};

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

// Names strace 6.1 knows only in its other x86_64 personalities (i386, x32):
// "-e trace=send" is accepted and selects no 64-bit syscall.
constexpr std::string_view kOtherPersonalityNames[] = {
    "waitpid", "break", "oldstat", "umount", "stime", "oldfstat", "stty", "gtty", "nice", "ftime", "prof",
    "signal", "lock", "mpx", "ulimit", "oldolduname", "sigaction", "sgetmask", "ssetmask", "sigsuspend",
    "sigpending", "oldlstat", "readdir", "socketcall", "olduname", "idle", "vm86old", "ipc", "sigreturn",
    "sigprocmask", "bdflush", "_llseek", "_newselect", "vm86", "ugetrlimit", "mmap2", "truncate64",
    "ftruncate64", "stat64", "lstat64", "fstat64", "lchown32", "getuid32", "getgid32", "geteuid32",
    "getegid32", "setreuid32", "setregid32", "getgroups32", "setgroups32", "fchown32", "setresuid32",
    "getresuid32", "setresgid32", "getresgid32", "chown32", "setuid32", "setgid32", "setfsuid32",
    "setfsgid32", "fcntl64", "sendfile64", "statfs64", "fstatfs64", "fadvise64_64", "send", "recv",
    "clock_gettime64", "clock_settime64", "clock_adjtime64", "clock_getres_time64", "clock_nanosleep_time64",
    "timer_gettime64", "timer_settime64", "timerfd_gettime64", "timerfd_settime64", "utimensat_time64",
    "pselect6_time64", "ppoll_time64", "io_pgetevents_time64", "recvmmsg_time64", "mq_timedsend_time64",
    "mq_timedreceive_time64", "semtimedop_time64", "rt_sigtimedwait_time64", "futex_time64",
    "sched_rr_get_interval_time64",
};

bool other_personality_name(std::string_view name) {
  for (auto n : kOtherPersonalityNames)
    if (n == name) return true;
  return false;
}

// Adds one token to set; false when it names nothing. A regex that does
// not compile sets *regex_error (strace's "regcomp: RE: MESSAGE", fatal
// even for a ?-optional token).
bool add_token(std::string_view tok, SyscallSet* set, std::string* regex_error) {
  if (tok == "all") {
    set->numbers.set();
    set->unknown_numbers = true;
    return true;
  }
  if (tok == "none") return true;
  // Only the names strace 6.1 knows (syscall_table.h: strace61_knows).
  if (uint32_t cls = syscall_class_by_name(tok)) {
    for (long nr : syscall_numbers())
      if (strace61_knows(nr) && (syscall_row(nr)->classes & cls)) set->numbers.set(static_cast<size_t>(nr));
    return true;
  }
  if (!tok.empty() && tok[0] == '/') {
    std::string pattern(tok.substr(1));
    regex_t re;
    if (int rc = regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_NOSUB); rc != 0) {
      char message[256];
      regerror(rc, &re, message, sizeof message);
      *regex_error = "regcomp: " + pattern + ": " + message;
      return false;
    }
    // A pattern that matches no name is an error, as in strace 6.1.
    bool matched = false;
    for (long nr : syscall_numbers())
      if (strace61_knows(nr) && regexec(&re, syscall_row(nr)->name, 0, nullptr, 0) == 0) {
        set->numbers.set(static_cast<size_t>(nr));
        matched = true;
      }
    regfree(&re);
    return matched;
  }
  // A number: decimal digits only ("05" too), below the largest table's end.
  if (!tok.empty() && tok.size() <= 9 && tok.find_first_not_of("0123456789") == std::string_view::npos) {
    long n = std::stol(std::string(tok));
    if (n >= kStrace61NumberLimit) return false;
    if (strace61_knows(n)) set->numbers.set(static_cast<size_t>(n));
    return true;
  }
  long nr = syscall_number(tok);
  if (nr >= 0 && strace61_knows(nr)) {
    set->numbers.set(static_cast<size_t>(nr));
    return true;
  }
  return other_personality_name(tok);
}

}  // namespace

uint32_t syscall_class_by_name(std::string_view name) {
  for (const auto& c : kClasses)
    if (name == c.name) return c.bits;
  return 0;
}

bool parse_syscall_set(std::string_view spec, SyscallSet* set, std::string* error) {
  *set = SyscallSet{};
  set->unknown_numbers = false;
  bool negate = false;
  std::string_view body = spec;
  if (!body.empty() && body[0] == '!') {
    negate = true;
    body.remove_prefix(1);
  }
  // Empty tokens are skipped ("open,,close"); a list with none at all is an
  // error naming the whole list, as strace says "invalid system call ','".
  bool any_token = false;
  for (std::string_view tok : split_commas(body)) {
    if (tok.empty()) continue;
    any_token = true;
    bool optional = false;
    while (!tok.empty() && tok[0] == '?') {
      optional = true;
      tok.remove_prefix(1);
    }
    // Personality suffixes: only the native 64-bit one selects anything here.
    std::string_view name = tok;
    bool other_personality = false;
    size_t at = tok.rfind('@');
    if (at != std::string_view::npos && tok[0] != '/') {
      std::string_view pers = tok.substr(at + 1);
      if (pers == "64") {
        name = tok.substr(0, at);
      } else if (pers == "32" || pers == "x32") {
        name = tok.substr(0, at);
        other_personality = true;
      }
    }
    std::string regex_error;
    SyscallSet ignored;
    bool named = add_token(name, other_personality ? &ignored : set, &regex_error);
    if (!regex_error.empty()) {
      *error = regex_error;
      return false;
    }
    if (!named && !optional) {
      *error = "invalid system call '" + std::string(tok) + "'";
      return false;
    }
  }
  if (!any_token) {
    *error = "invalid system call '" + std::string(body) + "'";
    return false;
  }
  if (negate) {
    set->numbers.flip();
    set->unknown_numbers = !set->unknown_numbers;
  }
  // strace 6.1 traces (raw, verbose, unabbreviated) every number it has no
  // name for, whatever the set says: those are always in.
  for (size_t nr = 0; nr < set->numbers.size(); ++nr)
    if (!strace61_knows(static_cast<long>(nr))) set->numbers.set(nr);
  set->unknown_numbers = true;
  return true;
}

}  // namespace sct
