#include "cli/injected_note_sink.h"

#include <string>

#include "backend/ptrace/syscall_tamper.h"
#include "xlat/errnos.h"

namespace sct {

void InjectedNoteSink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) {
  const std::string& note = call.ret_comment;
  const bool annotated = note.rfind("(INJECTED", 0) == 0 || note.rfind(kDelayedNote, 0) == 0;
  const bool raw = call.nr >= 0 && call.nr < static_cast<long>(raw_.numbers.size())
                           ? raw_.numbers.test(static_cast<size_t>(call.nr))
                           : raw_.unknown_numbers;
  if (!call.failed() || !annotated || raw) {
    next_.syscall_exit(call, ctx, entry_time);
    return;
  }
  // strace's print_err_ret: "-1 ENAME (message)", or "(errno N)" unnamed;
  // the kernel's restart codes print "?" for the value.
  SyscallCall shown = call;
  const char* name = errno_name(call.error);
  const char* message = errno_message(call.error);
  std::string text = call.error >= 512 && call.error <= 516 ? "? " : "-1 ";
  if (name) {
    text += name;
    if (message) text += std::string(" (") + message + ")";
  } else {
    text += "(errno " + std::to_string(call.error) + ")";
  }
  shown.retval = Value::raw(text);
  shown.error = 0;
  shown.ret = 0;  // nothing was read: no -e read= dump
  next_.syscall_exit(shown, ctx, entry_time);
}

}  // namespace sct
