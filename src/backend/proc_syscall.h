// The call a task is blocked in, from /proc/PID/task/TID/syscall: what a
// tracer that attaches to a waiting task needs to show that call (strace
// shows it: its attach restarts the call, and the call stops at entry).
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace sct {

struct ProcSyscall {
  long nr = -1;
  uint64_t args[6] = {};
  uint64_t sp = 0;
};

// "NR A1 A2 A3 A4 A5 A6 SP PC" (the arguments in hex); nothing for
// "running" (on a CPU: not known) or "-1 SP PC" (asleep, not in a call).
std::optional<ProcSyscall> parse_proc_syscall(std::string_view text);

// Whether a ptrace tracer that attaches to a task blocked in this call sees it
// resumed as restart_syscall: the calls the kernel restarts through their
// restart block (-ERESTART_RESTARTBLOCK) when the attach interrupts them:
// relative sleeps, poll with a timeout, futex waits with a timeout. strace
// then prints "restart_syscall(<... resuming interrupted read ...>".
bool resumes_as_restart_syscall(const ProcSyscall& call);

// The same, read for task tid of process pid.
std::optional<ProcSyscall> read_proc_syscall(pid_t pid, pid_t tid);

}  // namespace sct
