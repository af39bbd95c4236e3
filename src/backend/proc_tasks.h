// The threads of a process, as /proc/PID/task lists them now: what -p
// attaches to (both engines).
#pragma once

#include <sys/types.h>

#include <vector>

namespace sct {

// Empty when the process is gone or /proc cannot be read.
std::vector<pid_t> threads_of(pid_t pid);

}  // namespace sct
