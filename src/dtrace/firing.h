// One probe firing as the interpreter sees it: which probe, its arguments,
// and the context the built-in variables read. Engines' events are turned
// into Firings by the adapter (event_adapter.h); tests build them directly.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>

namespace sct {
class TraceeMemory;
}

namespace sct::dtrace {

struct Probe;

struct TaskInfo {
  std::string execname;  // comm, at most 15 characters
  int32_t pid = 0;       // tgid
  int32_t ppid = 0;      // tgid of the parent
  uint32_t uid = 0;
  uint32_t gid = 0;
};

struct Firing {
  const Probe* probe = nullptr;
  uint64_t args[10] = {};
  int32_t errno_value = 0;
  int32_t tid = 0;
  TaskInfo task;
  int cpu = 0;
  uint64_t timestamp = 0;      // CLOCK_MONOTONIC ns
  int64_t walltimestamp = 0;   // CLOCK_REALTIME ns
  std::function<uint64_t()> vtimestamp;  // on-CPU ns of the thread, read only when used
  TraceeMemory* mem = nullptr;           // the task's memory while it is stopped
};

}  // namespace sct::dtrace
