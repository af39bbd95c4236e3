// strace -D / -DD / -DDD: the tracer runs as a detached grandchild and the
// command keeps the tracer's original process (same pid, same parent: the
// shell that started us), so that its parent can wait for it and signal it.
#pragma once

#include <sys/types.h>

#include <string>

#include "backend/engine.h"

namespace sct {

// Forks twice, as strace does. In the original process (which never returns
// from here) waits until the tracer has seized it, then execs the command.
// Returns, in the grandchild (the tracer from now on: -DD in a new process
// group, -DDD in a new session), the pid of the original process, already
// seized with `options` and asked to stop (PTRACE_INTERRUPT). Returns -1 with
// *error set (strace's wording) when it cannot.
pid_t spawn_daemonized(const TraceSpec& spec, unsigned options, std::string* error);

}  // namespace sct
