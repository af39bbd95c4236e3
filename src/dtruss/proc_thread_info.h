// What dtruss's D script gets from the kernel for free and a ptrace tracer
// must read from /proc: a thread's process id (D's pid, for the PID/THRD
// column) and its on-CPU time (D's vtimestamp, for RELATIVE and CPU).
#pragma once

#include <sys/types.h>

#include <cstdint>

namespace sct {

// The thread's total on-CPU time in ns: the first field of
// /proc/<tid>/schedstat (sum_exec_runtime, exact while the thread is stopped,
// as a ptrace stop leaves it). -1 when unavailable.
int64_t thread_cpu_ns(pid_t tid);

// The thread's process (its Tgid in /proc/<tid>/status); tid when unknown.
pid_t thread_group_of(pid_t tid);

}  // namespace sct
