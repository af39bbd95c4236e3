#include "backend/proc_syscall.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace sct {

namespace {

// The next space-separated number of text (decimal or 0x hex), advancing it.
bool next_number(std::string_view& text, uint64_t* out, bool allow_sign) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  size_t end = text.find_first_of(" \n");
  std::string word(text.substr(0, end));
  text.remove_prefix(end == std::string_view::npos ? text.size() : end);
  if (word.empty() || (!allow_sign && word[0] == '-')) return false;
  char* stop = nullptr;
  errno = 0;
  *out = word[0] == '-' ? static_cast<uint64_t>(strtoll(word.c_str(), &stop, 0)) : strtoull(word.c_str(), &stop, 0);
  return errno == 0 && stop && *stop == '\0';
}

}  // namespace

std::optional<ProcSyscall> parse_proc_syscall(std::string_view text) {
  ProcSyscall call;
  uint64_t nr = 0;
  if (!next_number(text, &nr, true)) return std::nullopt;  // "running", or empty
  call.nr = static_cast<long>(nr);
  if (call.nr < 0) return std::nullopt;
  for (uint64_t& arg : call.args)
    if (!next_number(text, &arg, false)) return std::nullopt;
  if (!next_number(text, &call.sp, false)) return std::nullopt;
  return call;
}

bool resumes_as_restart_syscall(const ProcSyscall& call) {
  constexpr long kPoll = 7, kNanosleep = 35, kFutex = 202, kClockNanosleep = 230;
  constexpr uint64_t kTimerAbstime = 1;
  constexpr uint64_t kFutexCmdMask = 0x7f, kFutexWait = 0, kFutexWaitBitset = 9;
  switch (call.nr) {
    case kNanosleep: return true;
    case kClockNanosleep: return !(call.args[1] & kTimerAbstime);  // absolute: the same call again
    case kPoll: return static_cast<int>(call.args[2]) >= 0;         // no timeout: the same call again
    case kFutex: {
      uint64_t cmd = call.args[1] & kFutexCmdMask;
      return (cmd == kFutexWait || cmd == kFutexWaitBitset) && call.args[3] != 0;
    }
    default: return false;
  }
}

std::optional<ProcSyscall> read_proc_syscall(pid_t pid, pid_t tid) {
  std::string path = "/proc/" + std::to_string(pid) + "/task/" + std::to_string(tid) + "/syscall";
  FILE* f = fopen(path.c_str(), "re");
  if (!f) return std::nullopt;
  char buf[256];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  return parse_proc_syscall(std::string_view(buf, n));
}

}  // namespace sct
