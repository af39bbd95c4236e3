// Signal names as strace 6.1 prints them on x86_64, checked against the
// oracle (kill(pid, N) for N in 0..70 under strace -e trace=kill):
// 1..31 by their usual names (6 is SIGABRT, 29 SIGIO, no SIGIOT/SIGPOLL/SIGCLD),
// 32 is SIGRTMIN, 33..64 are SIGRT_1..SIGRT_32, anything else is a number.
// Note that strace counts real-time signals from the kernel's 32, not from
// glibc's SIGRTMIN (34), so glibc's SIGRTMIN prints as SIGRT_2.
#include "xlat/signals.h"

#include <charconv>
#include <strings.h>

namespace sct {
namespace {

constexpr int kSigRtMin = 32;

// Index = signal number; names without the "SIG" prefix.
constexpr const char* kStandard[kSigRtMin] = {
    nullptr, "HUP",  "INT",    "QUIT", "ILL",  "TRAP", "ABRT",   "BUS",
    "FPE",   "KILL", "USR1",   "SEGV", "USR2", "PIPE", "ALRM",   "TERM",
    "STKFLT", "CHLD", "CONT",  "STOP", "TSTP", "TTIN", "TTOU",   "URG",
    "XCPU",  "XFSZ", "VTALRM", "PROF", "WINCH", "IO",  "PWR",    "SYS",
};

bool iequal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequal(s.substr(0, prefix.size()), prefix);
}

// A whole decimal number, or nullopt.
std::optional<int> parse_decimal(std::string_view s) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
  int n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return n;
}

}  // namespace

std::string signal_name(int sig) {
  if (sig > 0 && sig < kSigRtMin) return std::string("SIG") + kStandard[sig];
  if (sig == kSigRtMin) return "SIGRTMIN";
  if (sig > kSigRtMin && sig <= kMaxSignal) return "SIGRT_" + std::to_string(sig - kSigRtMin);
  return {};
}

std::string signal_name_or_number(int sig) {
  std::string name = signal_name(sig);
  return name.empty() ? std::to_string(sig) : name;
}

// As strace's -e signal= does: case-insensitive, "SIG" optional, and a bare
// number 0..255 is taken as is (strace accepts e.g. signal=65).
std::optional<int> signal_parse(std::string_view s) {
  if (auto n = parse_decimal(s)) {
    if (*n > 255) return std::nullopt;
    return n;
  }
  if (istarts_with(s, "SIG")) s.remove_prefix(3);
  for (int i = 1; i < kSigRtMin; ++i)
    if (iequal(s, kStandard[i])) return i;
  if (iequal(s, "RTMIN")) return kSigRtMin;
  if (istarts_with(s, "RT_")) {
    auto n = parse_decimal(s.substr(3));
    if (n && *n >= 1 && *n <= kMaxSignal - kSigRtMin) return kSigRtMin + *n;
  }
  return std::nullopt;
}

}  // namespace sct
