// -k / --stack-traces: the call stack of a ptrace-stopped task, as the lines
// Debian's strace 6.1 prints after a syscall, signal or exit line:
//   " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]"
//
// Why libunwind (not libdw): Debian builds strace 6.1 with
// "stack-trace=libunwind" (strace -V). The frames, where a walk stops and the
// symbol chosen for an address (libunwind takes the nearest function symbol
// below it, e.g. "erand48_r+0x1dd" inside a static function of libc, where
// libdw would give none) all come from the unwinder, so sctrace uses the same
// one, the way strace does (src/unwind-libunwind.c): one remote address space,
// a _UPT context per task, and strace's own /proc/TID/maps cache for the
// module path and the offset in brackets (the address minus the mapping's
// start plus its file offset: the raw return address, not address - 1).
//
// libunwind is dlopen()ed at the first -k use (runtime package libunwind8,
// which strace itself depends on), so that runs without -k do not map it.
//
// The maps cache is reread after a call that changes mappings (mmap, munmap,
// mprotect, brk, execve...) ended in any task, as strace's generation counter.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sct {

class StackUnwinder {
 public:
  // Loads libunwind (once); false, with the reason, when it cannot be.
  static bool load(std::string* error);

  StackUnwinder();  // walks nothing when libunwind cannot be loaded
  ~StackUnwinder();
  StackUnwinder(const StackUnwinder&) = delete;
  StackUnwinder& operator=(const StackUnwinder&) = delete;

  // strace captures the stack at the entry of these (execve, execveat, exit,
  // exit_group: after them the stack is gone) and prints it later: after the
  // exit line, or after "+++ exited" for calls that do not return.
  static bool captures_at_entry(long nr);
  // Calls after whose exit strace rereads the mappings.
  static bool changes_mappings(long nr);

  // The " > ..." lines (no newline) for tid, which must be ptrace-stopped.
  // queued: strace's form for a capture printed later, where a frame without
  // a symbol reads "(+0x0)" instead of "()".
  std::vector<std::string> walk(pid_t tid, bool queued);
  // Some task's call changed mappings: every task's cache is stale.
  void mappings_changed() { ++generation_; }
  // tid is gone (or was renamed by an exec): drop its context.
  void forget(pid_t tid);

 private:
  struct Mapping {
    uint64_t start = 0, end = 0, offset = 0;
    bool exec = false;
    std::string path;
  };
  struct TaskState {
    void* upt = nullptr;  // libunwind's ptrace accessor context
    std::vector<Mapping> maps;
    uint64_t generation = 0;
    bool have_maps = false;
  };

  TaskState& task(pid_t tid);
  // Rereads /proc/TID/maps when stale; false when there is nothing to walk with.
  bool refresh_maps(pid_t tid, TaskState& t);
  const Mapping* find(const TaskState& t, uint64_t ip) const;

  void* address_space_ = nullptr;  // unw_addr_space_t
  uint64_t generation_ = 1;
  std::map<pid_t, TaskState> tasks_;
};

}  // namespace sct
