// A wait status as strace prints it inside "[...]":
//   {WIFEXITED(s) && WEXITSTATUS(s) == 3}
//   {WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL && WCOREDUMP(s)}
//   {WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}, {WIFCONTINUED(s)}
// with ptrace events and leftover bits appended (" | PTRACE_EVENT_... << 16").
#pragma once

#include "core/value.h"

namespace sct {

// The text between the brackets, as a Raw value.
Value decode_wait_status(int status);
// The whole "[{...}]" array.
Value decode_wait_status_array(int status);

}  // namespace sct
