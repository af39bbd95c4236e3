// The ptrace engine: runs or attaches to processes and reports their
// syscalls, signals and exits to one EventSink.
#pragma once

#include "backend/engine.h"

namespace sct {

// Runs until every traced task has exited or been detached (Ctrl-C/SIGTERM
// detach from -p targets and kill a spawned command only as strace does).
// Returns the command's wait status for the caller to mirror.
EngineResult run_ptrace_engine(const TraceSpec& spec, EventSink& sink);

}  // namespace sct
