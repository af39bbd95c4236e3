// -Y (--decode-pids=comm): a task's command name, as strace reads it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace sct {

// /proc/PID/comm without its newline, read now; empty when the task is
// gone or the file is unreadable (strace then prints the pid alone).
std::string proc_comm(int64_t pid);

}  // namespace sct
