#include "decode/wait_status.h"

#include <sys/wait.h>

#include <fmt/format.h>

#include "xlat/signals.h"

namespace sct {

namespace {

const char* ptrace_event_name(unsigned ev) {
  switch (ev) {
    case 1: return "PTRACE_EVENT_FORK";
    case 2: return "PTRACE_EVENT_VFORK";
    case 3: return "PTRACE_EVENT_CLONE";
    case 4: return "PTRACE_EVENT_EXEC";
    case 5: return "PTRACE_EVENT_VFORK_DONE";
    case 6: return "PTRACE_EVENT_EXIT";
    case 7: return "PTRACE_EVENT_SECCOMP";
    case 128: return "PTRACE_EVENT_STOP";
    default: return nullptr;
  }
}

std::string hex(unsigned v) { return v ? fmt::format("{:#x}", v) : "0"; }

}  // namespace

Value decode_wait_status(int status) {
  std::string out;
  unsigned rest = static_cast<unsigned>(status);
  if (WIFSTOPPED(status)) {
    int sig = WSTOPSIG(status);
    out = fmt::format("{{WIFSTOPPED(s) && WSTOPSIG(s) == {}{}}}", signal_name_or_number(sig & 0x7f),
                      sig & 0x80 ? " | 0x80" : "");
    rest &= ~static_cast<unsigned>((sig << 8) | 0x7f);
  } else if (WIFSIGNALED(status)) {
    out = fmt::format("{{WIFSIGNALED(s) && WTERMSIG(s) == {}{}}}", signal_name_or_number(WTERMSIG(status)),
                      WCOREDUMP(status) ? " && WCOREDUMP(s)" : "");
    rest &= ~static_cast<unsigned>(WTERMSIG(status) | 0x80);
  } else if (WIFEXITED(status)) {
    out = fmt::format("{{WIFEXITED(s) && WEXITSTATUS(s) == {}}}", WEXITSTATUS(status));
    rest &= ~static_cast<unsigned>(WEXITSTATUS(status) << 8);
  } else if (WIFCONTINUED(status)) {
    out = "{WIFCONTINUED(s)}";
    rest &= ~0xffffu;
  } else {
    return Value::raw(hex(rest));
  }
  if (rest) {
    unsigned event = rest >> 16;
    if (event) {
      const char* n = ptrace_event_name(event);
      out += " | ";
      out += n ? std::string(n) : fmt::format("{:#x} /* PTRACE_EVENT_??? */", event);
      out += " << 16";
      rest &= 0xffff;
    }
    if (rest) out += " | " + hex(rest);
  }
  return Value::raw(out);
}

Value decode_wait_status_array(int status) {
  Value a = Value::array();
  a.push(decode_wait_status(status));
  return a;
}

}  // namespace sct
