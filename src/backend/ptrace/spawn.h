// Starting the command to trace.
#pragma once

#include <sys/types.h>

#include <string>

#include "backend/engine.h"

namespace sct {

// Forks and prepares the child: it stops itself with SIGSTOP before exec so
// the tracer can seize it, then execs the command (PATH search as execvp).
// Returns the child's pid, or -1 with *error set (strace's wording) when the
// command cannot be found or executed: nothing is traced then.
pid_t spawn_stopped_child(const TraceSpec& spec, std::string* error);

// Resolves the command as strace does before forking, so that a missing
// command is reported without tracing anything.
bool resolve_command(const std::string& name, std::string* path, std::string* error);

}  // namespace sct
