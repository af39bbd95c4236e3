// -P PATH: does a syscall name one of the paths, or use a descriptor open on
// one? Asked twice with the same answer: by the output filter (which lines
// are printed) and by the ptrace engine at the entry stop, before any
// tampering, because strace 6.1 tampers (-e inject=) only with calls that
// pass -P, and counts only those for when=.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/tracee_memory.h"
#include "decode/decoder.h"
#include "syscalls/syscall_table.h"

namespace sct {

// paths: the -P arguments, each also in its resolved form. args: the raw
// argument registers; mem: the task's memory at this stop (may be null:
// then only descriptors are matched); fds: what descriptors refer to (null:
// /proc/PID/fd now).
bool call_touches_paths(pid_t tid, const SyscallRow* row, const uint64_t* args, TraceeMemory* mem,
                        const std::vector<std::string>& paths, FdResolver* fds = nullptr);

}  // namespace sct
