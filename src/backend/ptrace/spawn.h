// Starting the command to trace.
#pragma once

#include <sys/types.h>

#include <linux/filter.h>

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
pid_t spawn_stopped_child(const TraceSpec& spec, std::string* error,
                          const std::vector<sock_filter>* seccomp_program = nullptr);

// Resolves the command as strace does before forking, so that a missing
// command is reported without tracing anything.
bool resolve_command(const std::string& name, std::string* path, std::string* error);

}  // namespace sct
