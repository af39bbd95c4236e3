// What an engine reports and sinks consume. Engines (ptrace, eBPF) produce
// these events in the order the tracees made them; every face (strace text,
// -c summary, JSON, dtruss, D programs) is an EventSink.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "decode/decoder.h"

namespace sct {

struct EventTime {
  int64_t wall_ns = 0;  // CLOCK_REALTIME, for -t/-tt/-ttt and walltimestamp
  int64_t mono_ns = 0;  // CLOCK_MONOTONIC, for -T/-r and D's timestamp
  int64_t cpu_ns = -1;  // the tracee's system CPU time at this stop (-c), -1 if unknown
};

// Context that comes with each event: the time and, while the tracee is
// stopped (ptrace) or from the captured bytes (eBPF), its memory.
struct EventContext {
  EventTime time;
  TraceeMemory* mem = nullptr;
  int cpu = -1;
  // At signal, group-stop and exit events (ptrace engine): what strace's -n
  // and -i print there, the last syscall the task entered, traced or not
  // (-1: unknown), and its instruction pointer at this stop.
  long last_syscall = -1;
  uint64_t ip = 0;
  bool ip_known = false;
  // What the task's descriptors referred to at this event, when the engine
  // keeps track (eBPF: the descriptor may be closed by the time the event is
  // read); null: read /proc/PID/fd now (ptrace: the task is stopped).
  FdResolver* fds = nullptr;
  // Events reported after the fact (eBPF engine: a call whole after its
  // exit; an entry held by -z/-e status= until its exit decides): how many
  // traced tasks there were at the event's time, which decides its
  // "[pid N]" prefix as strace decides it then (0: not known; the count now).
  size_t tasks_then = 0;
  // -k (ptrace engine): the task's stack as strace's " > ..." lines, printed
  // after this event's line (a syscall's exit, a signal, a stop, an exit);
  // null when not asked for. Valid during the call only.
  const std::vector<std::string>* stack_trace = nullptr;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // call.decoded holds the entry-phase values (when the spec asks for decoding).
  virtual void syscall_entry(const SyscallCall& /*call*/, const EventContext& /*ctx*/) {}
  // call is complete: ret/error set, all values decoded. entry_time is when
  // the same call entered.
  virtual void syscall_exit(const SyscallCall& /*call*/, const EventContext& /*ctx*/, const EventTime& /*entry_time*/) {}
  // A signal about to be delivered to tid (strace's "--- SIGCHLD {...} ---").
  virtual void signal_delivered(pid_t /*tid*/, const siginfo_t& /*si*/, const EventContext& /*ctx*/) {}
  // A group-stop (strace's "--- stopped by SIGSTOP ---").
  virtual void group_stop(pid_t /*tid*/, int /*sig*/, const EventContext& /*ctx*/) {}
  // The task ended; status as from waitpid.
  virtual void task_exited(pid_t /*tid*/, int /*wait_status*/, const EventContext& /*ctx*/) {}
  // A new task is traced: parent_tid is 0 for the command we started, -1 for
  // a child whose parent is not known yet, else the parent (fork/clone under
  // -f); by_attach for -p targets and their threads.
  virtual void task_attached(pid_t /*tid*/, pid_t /*parent_tid*/, bool /*by_attach*/) {}
  // -p PID: the process and how many of its threads were seized.
  virtual void process_attached(pid_t /*pid*/, size_t /*threads*/) {}
  // Detached (end of -p tracing).
  virtual void task_detached(pid_t /*tid*/) {}
  // An exec by a non-leader thread changed the task's id to the leader's.
  virtual void task_renamed(pid_t /*old_tid*/, pid_t /*new_tid*/) {}
  // End of the trace: flush.
  virtual void finish() {}
};

}  // namespace sct
