// What the built-ins execname/pid/ppid/uid/gid need about a task, read from
// /proc/<tid>/stat and /proc/<tid>/status. The adapter caches it per tid and
// refreshes it after an exec (the comm changes).
#pragma once

#include <sys/types.h>

#include "dtrace/firing.h"

namespace sct::dtrace {

// False if the task is gone.
bool read_task_info(pid_t tid, TaskInfo* out);
// The parent's tgid, or -1.
int32_t parent_pid(int32_t pid);
// Nanoseconds the thread has run on a CPU (/proc/<tid>/schedstat), or 0.
uint64_t thread_cpu_ns(pid_t tid);

}  // namespace sct::dtrace
