// -Y (--decode-pids=comm): a task's command name, as strace reads it.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>

namespace sct {

// Comms known from elsewhere than /proc: the eBPF engine's, which the kernel
// recorded with the event being printed (strace reads /proc while the task
// is stopped there; the eBPF engine prints later, after renames and reaps).
class CommSource {
 public:
  virtual ~CommSource() = default;
  // The comm of pid when the event happened; "" when the task was gone
  // then; nullopt when not known (proc_comm reads /proc).
  virtual std::optional<std::string> comm(int64_t pid) const = 0;
};

// While set (not owned; nullptr: none), proc_comm asks it first. Set by the
// engine around the events of one record, on the thread that prints them.
void set_comm_source(const CommSource* source);
const CommSource* comm_source();

// The comm of pid: from the comm source when it knows it, else
// /proc/PID/comm without its newline, read now; empty when the task is gone
// or the file is unreadable (strace then prints the pid alone).
std::string proc_comm(int64_t pid);

}  // namespace sct
