// Syscall tampering for the ptrace engine: strace 6.1's -e inject= and
// -e fault= (rules parsed by filter/inject_spec.h).
//
// How a call is tampered with, as strace does it:
// - at the entry stop the call is counted (per task and syscall: when=
//   counts each thread's own calls); when this invocation is selected and the
//   rule sets a result, the syscall number (orig_rax) becomes -1, which the
//   kernel refuses with ENOSYS without side effects, or the pure syscall
//   named by syscall=;
// - at the exit stop the return register (rax) gets -ERRNO or the retval,
//   and the call is reported with that result and " (INJECTED)";
// - signal= is delivered by resuming the entry stop with the signal (the
//   tracee sees si_code=SI_KERNEL, as under strace); a seccomp stop cannot
//   deliver one, so then the exit stop does;
// - poke_enter= / poke_exit= write bytes where an argument points, before
//   the call is decoded; the note is " (INJECTED: args)";
// - delay_enter= / delay_exit= keep the task stopped that long before it is
//   resumed (the engine parks it: backend/ptrace/delay_queue.h, other tasks
//   run meanwhile); the call is reported with " (DELAYED)".
// Only traced calls (-e trace=) are tampered with, never the command's
// start-up before its execve: the seccomp filter therefore already stops at
// every call a rule can select.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>

#include "decode/decoder.h"
#include "filter/inject_spec.h"

namespace sct {

// The note strace prints after a tampered call's result; the strace text
// output prints it after the error message of a failed call too
// (cli/injected_note_sink.h).
constexpr const char* kInjectedNote = "(INJECTED)";
constexpr const char* kDelayedNote = "(DELAYED)";

class SyscallTamper {
 public:
  SyscallTamper(const InjectRules& rules, std::string progname) : rules_(rules), progname_(std::move(progname)) {}

  bool active() const { return !rules_.empty(); }

  // At the entry stop of a traced call (not during start-up), before it is
  // decoded. at_seccomp_stop: the stop is PTRACE_EVENT_SECCOMP, whose
  // resumption cannot deliver a signal: signal= then waits for the exit stop.
  void on_entry(pid_t tid, long nr, const uint64_t* args, bool at_seccomp_stop);
  // At its exit stop, before decoding: sets the result the tracee will see
  // and updates *rval / *is_error to it.
  void on_exit(pid_t tid, int64_t* rval, bool* is_error);
  // After decoding the exit: appends strace's notes to the call's result.
  void annotate(pid_t tid, SyscallCall& call);
  // Just before the task is resumed from a stop: returns the signal to
  // resume with (an injected one if sig is 0) and sets *delay_ns to how long
  // the task must first stay stopped (0: none).
  int before_resume(pid_t tid, int sig, int64_t* delay_ns);
  // The task is gone: its counters go with it (a new task starts afresh).
  void forget(pid_t tid) { tasks_.erase(tid); }

 private:
  struct Counter {
    uint16_t first, last;
  };
  struct TaskState {
    std::map<long, Counter> counters;  // per syscall, as strace's per-tcb inject_vec copy
    const InjectRule* rule = nullptr;  // the current call's, when selected
    bool tampered = false;             // the syscall number was replaced
    bool delayed = false;
    bool poked = false;                // poke_enter=/poke_exit= wrote something
    uint64_t args[6] = {};
    long nr = -1;
    int64_t pending_delay_ns = 0;
    int pending_signal = 0;       // for the next resumption
    int signal_after_exit = 0;    // signal= selected at a seccomp stop
  };

  // poke_*=: writes each payload where its argument points; true if any was.
  bool poke(pid_t tid, long nr, const uint64_t* args, const std::vector<InjectRule::Poke>& pokes);

  const InjectRules& rules_;
  std::string progname_;
  std::map<pid_t, TaskState> tasks_;
};

}  // namespace sct
