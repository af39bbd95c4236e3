// Starting the command to trace.
#pragma once

#include <sys/types.h>

#include <linux/filter.h>

#include <pwd.h>

#include <string>
#include <vector>

#include "backend/engine.h"

namespace sct {

// Forks and prepares the child: it stops itself with SIGSTOP before exec so
// the tracer can seize it, then execs the command (PATH search as execvp).
// Returns the child's pid, or -1 with *error set (strace's wording) when the
// command cannot be found or executed: nothing is traced then.
// With a seccomp program, the child installs it after the tracer has seized
// it and before exec (so that its own start-up syscalls cannot fail).
// exec_error_fd >= 0: a failed exec's errno is written there (an int) instead
// of the child printing "exec: ..." at once: a tracer that does not stop the
// child (eBPF) prints it after the failed execve's line, as strace's order is.
pid_t spawn_stopped_child(const TraceSpec& spec, std::string* error,
                          const std::vector<sock_filter>* seccomp_program = nullptr, int exec_error_fd = -1);

// Resolves the command as strace does before forking, so that a missing
// command is reported without tracing anything.
bool resolve_command(const std::string& name, std::string* path, std::string* error);

// Everything both ways of starting the command (spawn_stopped_child, and
// spawn_daemonized for -D) prepare before fork: after fork only async-signal-
// safe calls belong in the child.
struct PreparedCommand {
  std::string path;          // resolved as execvp would
  std::vector<char*> argv;   // points into spec.command; NULL-terminated
  struct passwd* user = nullptr;  // -u USER, or null
};
bool prepare_command(const TraceSpec& spec, PreparedCommand* out, std::string* error);

// In the process about to become the command: the signal dispositions the
// tracer started with (-I), -E's environment, and -u's identity. Exits 1 if
// the identity cannot be taken.
void enter_command_environment(const TraceSpec& spec, const PreparedCommand& cmd);

// Execs the command; on failure reports it as strace does (the traced child
// itself, after the failed execve was traced) and exits 1.
[[noreturn]] void exec_command(const TraceSpec& spec, const PreparedCommand& cmd, int exec_error_fd = -1);

}  // namespace sct
