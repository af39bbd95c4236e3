#include "backend/ptrace/syscall_tamper.h"

#include <errno.h>
#include <stddef.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

#include <cstdio>
#include <cstring>

#include "syscalls/syscall_table.h"

namespace sct {

namespace {

// One PTRACE_POKEUSER per register: cheaper than GETREGS + SETREGS.
bool set_register(pid_t tid, size_t offset, uint64_t value) {
  return ptrace(PTRACE_POKEUSER, tid, reinterpret_cast<void*>(offset), reinterpret_cast<void*>(value)) == 0;
}

constexpr size_t kOrigRax = offsetof(struct user, regs.orig_rax);
constexpr size_t kRax = offsetof(struct user, regs.rax);

// process_vm_writev, or PTRACE_POKEDATA word by word where the page is not
// writable by the tracee itself (strace's upoken does the same).
bool write_memory(pid_t tid, uint64_t addr, const std::string& bytes) {
  struct iovec local = {const_cast<char*>(bytes.data()), bytes.size()};
  struct iovec remote = {reinterpret_cast<void*>(addr), bytes.size()};
  if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(bytes.size())) return true;
  for (size_t off = 0; off < bytes.size(); off += sizeof(long)) {
    uint64_t where = addr + off;
    long word = 0;
    size_t n = std::min(sizeof(long), bytes.size() - off);
    if (n < sizeof(long)) {
      errno = 0;
      word = ptrace(PTRACE_PEEKDATA, tid, reinterpret_cast<void*>(where), nullptr);
      if (errno) return false;
    }
    memcpy(&word, bytes.data() + off, n);
    if (ptrace(PTRACE_POKEDATA, tid, reinterpret_cast<void*>(where), reinterpret_cast<void*>(word)) != 0) return false;
  }
  return true;
}

}  // namespace

bool SyscallTamper::poke(pid_t tid, long nr, const uint64_t* args, const std::vector<InjectRule::Poke>& pokes) {
  bool poked = false;
  const SyscallRow* row = syscall_row(nr);
  const int nargs = row ? row->nargs : 6;
  for (const auto& p : pokes) {
    if (p.arg > nargs) {
      fflush(nullptr);
      fprintf(stderr,
              "%s: poke_tcb: Failed to tamper with process %d: requested to tamper with argument #%d, but system "
              "call '%s' has only %d arguments\n",
              progname_.c_str(), tid, p.arg, row && row->name ? row->name : "?", nargs);
      continue;
    }
    if (write_memory(tid, args[p.arg - 1], p.bytes)) {
      poked = true;
    } else {
      fflush(nullptr);
      fprintf(stderr, "%s: poke_tcb: Failed to tamper with process %d: couldn't poke\n", progname_.c_str(), tid);
    }
  }
  return poked;
}

void SyscallTamper::on_entry(pid_t tid, long nr, const uint64_t* args, bool at_seccomp_stop) {
  auto rule_it = rules_.find(nr);
  if (rule_it == rules_.end()) return;
  const InjectRule& rule = rule_it->second;
  TaskState& task = tasks_[tid];
  task.rule = nullptr;
  task.tampered = task.delayed = task.poked = false;
  // strace's tamper_with_syscall_entering: count down to the FIRST-th call,
  // then every STEP-th, until LAST calls have been seen.
  auto [it, fresh] = task.counters.try_emplace(nr, Counter{rule.first, rule.last});
  Counter& c = it->second;
  if (c.first == 0 || c.last == 0) return;
  if (c.last != kInjectLastInf) --c.last;
  if (--c.first != 0) return;
  c.first = rule.step;

  task.rule = &rule;
  memcpy(task.args, args, sizeof task.args);
  task.nr = nr;
  if (rule.has_signal) (at_seccomp_stop ? task.signal_after_exit : task.pending_signal) = rule.signo;
  if (rule.tampers_result()) {
    long replacement = rule.has_syscall ? rule.syscall : -1;
    task.tampered = set_register(tid, kOrigRax, static_cast<uint64_t>(replacement));
  }
  if (!rule.poke_enter.empty()) task.poked = poke(tid, nr, args, rule.poke_enter);
  if (rule.has_delay_enter) {
    task.pending_delay_ns = rule.delay_enter_ns;
    task.delayed = true;
  }
}

void SyscallTamper::on_exit(pid_t tid, int64_t* rval, bool* is_error) {
  auto it = tasks_.find(tid);
  if (it == tasks_.end() || !it->second.rule) return;
  TaskState& task = it->second;
  const InjectRule& rule = *task.rule;
  task.pending_signal = task.signal_after_exit;
  task.signal_after_exit = 0;
  if (!rule.poke_exit.empty()) task.poked |= poke(tid, task.nr, task.args, rule.poke_exit);
  if (rule.has_delay_exit) {
    task.pending_delay_ns += rule.delay_exit_ns;
    task.delayed = true;
  }
  if (!task.tampered) return;
  // The replaced call must have failed (-1: ENOSYS) or, for syscall=,
  // succeeded; anything else means the tampering did not take.
  const bool expect_success = rule.has_syscall;
  if (*is_error == expect_success) {
    fflush(nullptr);
    fprintf(stderr,
            "%s: Failed to tamper with process %d: unexpectedly got %serror (return value %#llx, error %d)\n",
            progname_.c_str(), tid, expect_success ? "" : "no ", static_cast<unsigned long long>(*rval),
            *is_error ? static_cast<int>(-*rval) : 0);
    task.tampered = false;
    return;
  }
  if (rule.has_retval) {
    *rval = static_cast<int64_t>(rule.retval);
    *is_error = false;
  } else {
    *rval = -static_cast<int64_t>(rule.error);
    *is_error = true;
  }
  set_register(tid, kRax, static_cast<uint64_t>(*rval));
}

void SyscallTamper::annotate(pid_t tid, SyscallCall& call) {
  auto it = tasks_.find(tid);
  if (it == tasks_.end() || !it->second.rule) return;
  TaskState& task = it->second;
  std::string note;
  if (task.tampered && task.poked)
    note = "(INJECTED: args, retval)";
  else if (task.poked)
    note = "(INJECTED: args)";
  else if (task.tampered)
    note = kInjectedNote;
  if (task.delayed) note += note.empty() ? kDelayedNote : std::string(" ") + kDelayedNote;
  task.rule = nullptr;
  task.tampered = task.poked = false;
  if (note.empty()) return;
  // A failed call prints no decoder comment (strace prints its auxstr only
  // on success): the note replaces it.
  if (call.failed() || call.ret_comment.empty())
    call.ret_comment = note;
  else
    call.ret_comment += " " + note;
}

int SyscallTamper::before_resume(pid_t tid, int sig, int64_t* delay_ns) {
  *delay_ns = 0;
  auto it = tasks_.find(tid);
  if (it == tasks_.end()) return sig;
  TaskState& task = it->second;
  *delay_ns = task.pending_delay_ns;
  task.pending_delay_ns = 0;
  if (!sig) sig = task.pending_signal;
  task.pending_signal = 0;
  return sig;
}

}  // namespace sct
