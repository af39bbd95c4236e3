// The ptrace engine.
//
// Why it is shaped this way:
// - Tracees are taken with PTRACE_SEIZE (not TRACEME) so that group-stops
//   (SIGSTOP, Ctrl-Z) can be told apart from signal deliveries and left in
//   place with PTRACE_LISTEN: a stopped job stays stopped, as without a tracer.
// - The command stops itself with SIGSTOP before exec; we seize it and send
//   SIGCONT. Everything it does before its execve is hidden, as strace does.
// - Each stop costs ~50 us on these VMs, so one stop reads the whole syscall
//   state at once (PTRACE_GET_SYSCALL_INFO) and memory goes through
//   process_vm_readv, never PEEKDATA.
// - Output is flushed only when no other stop is already waiting, so a
//   syscall storm is written in large blocks while `tail -f` still sees each
//   line as soon as the tracee blocks.
#include "backend/ptrace/ptrace_engine.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backend/interrupt.h"
#include "backend/proc_tasks.h"
#include "backend/ptrace/delay_queue.h"
#include "backend/ptrace/proc_fd_resolver.h"
#include "backend/ptrace/spawn.h"
#include "backend/ptrace/spawn_daemonized.h"
#include "backend/ptrace/stack_unwinder.h"
#include "backend/ptrace/stop_waiter.h"
#include "backend/ptrace/syscall_tamper.h"
#include "filter/path_match.h"
#include "filter/seccomp_filter.h"

namespace sct {

namespace {

// The kernel's struct ptrace_syscall_info (linux/ptrace.h clashes with
// glibc's sys/ptrace.h, so the ABI is restated here).
struct SyscallInfo {
  uint8_t op;
  uint8_t pad[3];
  uint32_t arch;
  uint64_t instruction_pointer;
  uint64_t stack_pointer;
  union {
    struct {
      uint64_t nr;
      uint64_t args[6];
    } entry;
    struct {
      int64_t rval;
      uint8_t is_error;
    } exit;
    struct {
      uint64_t nr;
      uint64_t args[6];
      uint32_t ret_data;
    } seccomp;
  };
};
constexpr uint8_t kInfoEntry = 1;
constexpr uint8_t kInfoExit = 2;
constexpr uint8_t kInfoSeccomp = 3;

constexpr long kExecve = 59;
constexpr long kExecveat = 322;
constexpr long kRestartSyscall = 219;
constexpr long kSeccomp = 317;

EventTime now() {
  EventTime t;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  t.wall_ns = ts.tv_sec * 1000000000LL + ts.tv_nsec;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  t.mono_ns = ts.tv_sec * 1000000000LL + ts.tv_nsec;
  return t;
}

struct Task {
  pid_t tid = 0;
  bool in_syscall = false;
  bool reported_entry = false;   // the entry was traced (exit must be too)
  bool hidden = false;           // the spawned command before its execve
  bool detach_at_stop = false;   // -b execve: detach at this execve's entry
  bool in_exec = false;          // inside execve/execveat
  long last_nr = 0;              // the previous syscall (restart_syscall names it)
  long entered_nr = 0;           // the last syscall entered, traced or not (-n on signal lines)
  long pending_nr = -1;          // during start-up: the syscall in progress
  bool seccomp_active = false;   // a seccomp filter stops this task at traced syscalls
  bool untraced = false;         // a child followed only because it inherited the filter
  long last_nr_for_restart = 0;
  bool attached_mid_syscall = false;
  SyscallCall call;
  EventTime entry_time;
  std::vector<std::string> stack_queue;  // -k: captured at entry (execve, exit...), printed later
};

class PtraceEngine {
 public:
  PtraceEngine(const TraceSpec& spec, EventSink& sink)
      : spec_(spec), sink_(sink), mem_(0), tamper_(spec.inject, spec.progname) {
    if (spec_.stack_traces) unwinder_ = std::make_unique<StackUnwinder>();
  }

  EngineResult run() {
    EngineResult result;
    unsigned options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP;
    std::vector<sock_filter> filter;
    if (!spec_.command.empty() && use_seccomp()) filter = build_seccomp_filter(seccomp_stops());
    // A child inherits the filter; untraced children (no -f) must still be
    // followed, silently, or their filtered syscalls would fail with ENOSYS.
    if (spec_.follow_forks || !filter.empty())
      options |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;

    if (!spec_.command.empty() && spec_.daemonize) {
      // -D: the command is our original process, seized from a grandchild.
      pid_t tracee = spawn_daemonized(spec_, options, &result.error);
      if (tracee < 0) return result;
      main_child_ = tracee;
      add_task(tracee, 0, true).hidden = true;
    } else if (!spec_.command.empty()) {
      std::string error;
      pid_t child = spawn_stopped_child(spec_, &error, &filter);
      if (child < 0) {
        result.error = error;
        return result;
      }
      int status;
      if (waitpid(child, &status, WSTOPPED) < 0 || !WIFSTOPPED(status)) {
        result.error = "child did not stop";
        return result;
      }
      // As strace: the command outlives a killed tracer (-I 1), except under
      // a seccomp filter, whose filtered calls would then fail with ENOSYS.
      unsigned exitkill = filter.empty() ? 0 : PTRACE_O_EXITKILL;
      if (ptrace(PTRACE_SEIZE, child, 0, options | exitkill) != 0) {
        result.error = std::string("ptrace(PTRACE_SEIZE): ") + strerror(errno);
        kill(child, SIGKILL);
        return result;
      }
      main_child_ = child;
      Task& t = add_task(child, 0, false);
      t.hidden = true;
      kill(child, SIGCONT);
    }
    for (pid_t pid : spec_.attach_pids) attach(pid, options, &result);
    // strace -D seizes its -p targets first (they come first in its table),
    // then the command: "Process N attached" for the command comes last.
    if (!spec_.command.empty() && spec_.daemonize) sink_.process_attached(main_child_, 1);
    if (!result.error.empty() && tasks_.empty()) return result;

    seccomp_in_use_ = !filter.empty();
    loop();
    // SCTRACE_STATS=1: how many ptrace stops the run took (tests use it to
    // check that filtered-out syscalls never stop).
    if (getenv("SCTRACE_STATS")) fprintf(stderr, "%s: %llu ptrace stops\n", spec_.progname.c_str(),
                                         static_cast<unsigned long long>(stops_));
    result.interrupted_by = interrupted_by_;
    result.exit_status = main_status_;
    result.have_status = have_main_status_;
    sink_.finish();
    return result;
  }

 private:
  Task& add_task(pid_t tid, pid_t parent, bool by_attach) {
    Task& t = tasks_[tid];
    t.tid = tid;
    sink_.task_attached(tid, parent, by_attach);
    return t;
  }

  void attach(pid_t pid, unsigned options, EngineResult* result) {
    std::vector<pid_t> tids;
    if (spec_.follow_forks || spec_.attach_threads) tids = threads_of(pid);
    if (tids.empty()) tids.push_back(pid);
    size_t seized = 0;
    for (pid_t tid : tids) {
      if (ptrace(PTRACE_SEIZE, tid, 0, options) != 0 || ptrace(PTRACE_INTERRUPT, tid, 0, 0) != 0) {
        // Reported at once, as strace does, and tracing goes on with the others.
        fprintf(stderr, "%s: attach: ptrace(PTRACE_SEIZE, %d): %s\n", spec_.progname.c_str(), tid, strerror(errno));
        result->error = "attach failed";
        continue;
      }
      Task& t = add_task(tid, pid, true);
      t.attached_mid_syscall = true;
      ++seized;
    }
    if (seized) sink_.process_attached(pid, seized);
  }

  // seccomp-bpf by default when a command is started, something is
  // filtered out, and -f is on (without -f strace refuses it too: children
  // inherit the filter, and following them silently would keep the tracer
  // alive as long as they live; --seccomp-bpf forces exactly that).
  bool use_seccomp() const {
    if (spec_.seccomp == 0 || spec_.daemonize) return false;
    bool filtered = !spec_.traced.all() || !spec_.trace_all;
    if (!filtered) return false;
    return spec_.seccomp == 1 || spec_.follow_forks;
  }

  // The calls the seccomp filter stops at: the traced ones and, with -k, those
  // after which the maps are reread (strace's filter adds them too), or a
  // library mapped meanwhile would be missing from the stacks.
  std::bitset<kMaxSyscalls> seccomp_stops() const {
    std::bitset<kMaxSyscalls> stops = spec_.traced;
    if (unwinder_)
      for (size_t nr = 0; nr < stops.size(); ++nr)
        if (StackUnwinder::changes_mappings(static_cast<long>(nr))) stops.set(nr);
    return stops;
  }

  // Resumes a task after a stop. With a seccomp filter, a task runs with
  // PTRACE_CONT between traced syscalls (the filter stops it at the next
  // one); without, PTRACE_SYSCALL stops it at every syscall.
  void resume(Task& t, int sig) {
    bool every_syscall = !t.seccomp_active || t.in_syscall || t.hidden;
    if (t.untraced) every_syscall = !t.seccomp_active;
    int request = every_syscall ? PTRACE_SYSCALL : PTRACE_CONT;
    if (tamper_.active()) {
      int64_t delay_ns = 0;
      sig = tamper_.before_resume(t.tid, sig, &delay_ns);  // -e inject= signal=, delay_*=
      if (delay_ns > 0) {
        // The task stays stopped; the others go on (delay_queue.h).
        delays_.park(DelayQueue::now_ns() + delay_ns, {t.tid, request, sig});
        return;
      }
    }
    ptrace(static_cast<__ptrace_request>(request), t.tid, 0, sig);
  }

  void loop() {
    while (!tasks_.empty()) {
      if (g_interrupt_signal) {
        interrupted_by_ = g_interrupt_signal;
        detach_all(g_interrupt_signal);
        return;
      }
      int status;
      // wait4's rusage gives the tracee's system CPU time at each stop,
      // which -c reports per syscall (as strace does without -w).
      struct rusage ru;
      pid_t pid = spec_.quiet_until_end ? 0 : waiter_.poll(&status, &ru);
      if (pid == 0 && !delays_.empty()) {
        // Tasks held by delay_enter=/delay_exit=: sleep only until the next
        // stop or the next deadline.
        sink_flush();
        for (const auto& r : delays_.wait_and_take_due())
          ptrace(static_cast<__ptrace_request>(r.request), r.tid, 0, r.sig);
        pid = waiter_.poll(&status, &ru);
        if (pid == 0) continue;
      }
      if (pid == 0) {
        sink_flush();
        pid = waiter_.wait(&status, &ru);
      }
      if (pid > 0) last_stime_ns_ = ru.ru_stime.tv_sec * 1000000000LL + ru.ru_stime.tv_usec * 1000LL;
      if (pid < 0) {
        if (errno == EINTR) continue;
        break;  // ECHILD: nothing left
      }
      handle_wait(pid, status);
    }
  }

  void sink_flush() { fflush(nullptr); }

  void handle_wait(pid_t pid, int status) {
    auto it = tasks_.find(pid);
    if (it == tasks_.end()) {
      // A new child of a traced task may report before its parent's
      // fork event: it is ours (auto-attached), so adopt it.
      if (!spec_.follow_forks && !seccomp_in_use_) return;
      adopt_child(pid, -1);
      it = tasks_.find(pid);
    }
    Task& task = it->second;

    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      EventContext ctx{now(), nullptr, -1};
      ctx.last_syscall = task.entered_nr;
      // -k: what exit/exit_group captured at entry, printed after "+++ exited".
      if (!task.stack_queue.empty()) ctx.stack_trace = &task.stack_queue;
      if (!task.untraced) sink_.task_exited(pid, status, ctx);
      if (unwinder_) unwinder_->forget(pid);
      tamper_.forget(pid);
      delays_.forget(pid);
      if (pid == main_child_) {
        main_status_ = status;
        have_main_status_ = true;
      }
      tasks_.erase(it);
      return;
    }
    if (!WIFSTOPPED(status)) return;

    int sig = WSTOPSIG(status);
    int event = status >> 16;
    ++stops_;
    if (sig == (SIGTRAP | 0x80)) {
      if (task.untraced)
        note_seccomp_install(task);
      else
        syscall_stop(task);
      if (detached_at_stop(pid)) return;
      resume(task, 0);
      return;
    }
    switch (event) {
      case 0:
        break;
      case PTRACE_EVENT_EXEC: {
        unsigned long former = 0;
        ptrace(PTRACE_GETEVENTMSG, pid, 0, &former);
        Task* t = &task;
        if (static_cast<pid_t>(former) != pid) t = rename_task(static_cast<pid_t>(former), pid);
        // An exec that was not itself traced (filtered out) also ends start-up.
        if (t && !t->in_syscall) t->hidden = false;
        if (t) resume(*t, 0);
        return;
      }
      case PTRACE_EVENT_SECCOMP:
        // With a filter, this is the entry of a traced syscall. A task in
        // PTRACE_SYSCALL mode has already reported the entry stop.
        if (!task.untraced && !task.in_syscall) syscall_stop(task);
        if (detached_at_stop(pid)) return;
        resume(task, 0);
        return;
      case PTRACE_EVENT_FORK:
      case PTRACE_EVENT_VFORK:
      case PTRACE_EVENT_CLONE: {
        unsigned long child = 0;
        ptrace(PTRACE_GETEVENTMSG, pid, 0, &child);
        pid_t c = static_cast<pid_t>(child);
        if (!tasks_.count(c)) adopt_child(c, pid);
        Task& parent = tasks_[pid];
        Task& kid = tasks_[c];
        kid.seccomp_active = parent.seccomp_active;
        resume(parent, 0);
        return;
      }
      case PTRACE_EVENT_STOP:
        if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU) {
          // A group-stop: report it and keep the task stopped until SIGCONT.
          if (!task.hidden && !task.untraced) {
            EventContext ctx = stop_context(task);
            std::vector<std::string> frames = stack_at_stop(task);
            if (unwinder_) ctx.stack_trace = &frames;
            sink_.group_stop(pid, sig, ctx);
          }
          ptrace(PTRACE_LISTEN, pid, 0, 0);
        } else {
          resume(task, 0);  // the stop after seize/interrupt, or a new child's first stop
        }
        return;
      default:
        resume(task, 0);
        return;
    }

    // A signal is about to be delivered: show it, then let it through unchanged.
    siginfo_t si;
    if (ptrace(PTRACE_GETSIGINFO, pid, 0, &si) != 0) {
      resume(task, sig);
      return;
    }
    if (!task.hidden && !task.untraced) {
      EventContext ctx = stop_context(task);
      std::vector<std::string> frames = stack_at_stop(task);
      if (unwinder_) ctx.stack_trace = &frames;
      sink_.signal_delivered(pid, si, ctx);
    }
    resume(task, sig);
  }

  // A signal or group-stop line's context: strace's -n shows the task's last
  // syscall (even one filtered out), -i where the task is now.
  EventContext stop_context(const Task& task) {
    EventContext ctx{now(), nullptr, -1};
    ctx.last_syscall = task.entered_nr;
    SyscallInfo info;
    memset(&info, 0, sizeof info);
    if (ptrace(PTRACE_GET_SYSCALL_INFO, task.tid, sizeof info, &info) > 0) {
      ctx.ip = info.instruction_pointer;
      ctx.ip_known = true;
    }
    return ctx;
  }

  // -k: the stack printed after a line: the one captured at the call's
  // entry if any (strace prints its queue first), else walked now.
  std::vector<std::string> stack_at_stop(Task& task) {
    if (!unwinder_) return {};
    if (!task.stack_queue.empty()) return std::exchange(task.stack_queue, {});
    return unwinder_->walk(task.tid, false);
  }

  Task* rename_task(pid_t former, pid_t leader) {
    // The thread that called execve takes over the leader's id; its
    // in-flight execve moves with it.
    auto it = tasks_.find(former);
    if (it == tasks_.end()) return tasks_.count(leader) ? &tasks_[leader] : nullptr;
    Task moved = std::move(it->second);
    tasks_.erase(it);
    if (unwinder_) {
      unwinder_->forget(former);
      unwinder_->forget(leader);
    }
    moved.tid = leader;
    moved.call.tid = leader;
    tasks_[leader] = std::move(moved);
    sink_.task_renamed(former, leader);
    return &tasks_[leader];
  }

  // A child of a traced task: traced with -f, else followed silently.
  void adopt_child(pid_t child, pid_t parent) {
    if (spec_.follow_forks) {
      add_task(child, parent, false);
    } else {
      Task& t = tasks_[child];
      t.tid = child;
      t.untraced = true;
    }
  }

  // While the command starts (PTRACE_SYSCALL mode), watch for its
  // seccomp(SECCOMP_SET_MODE_FILTER) succeeding: from then on it runs with
  // PTRACE_CONT between traced syscalls.
  void note_seccomp_install(Task& task) {
    SyscallInfo info;
    memset(&info, 0, sizeof info);
    if (ptrace(PTRACE_GET_SYSCALL_INFO, task.tid, sizeof info, &info) <= 0) return;
    if (info.op == kInfoEntry) task.pending_nr = static_cast<long>(info.entry.nr);
    if (info.op == kInfoExit && task.pending_nr == kSeccomp && !info.exit.is_error) {
      task.seccomp_active = true;
      seccomp_in_use_ = true;
    }
  }

  void syscall_stop(Task& task) {
    SyscallInfo info;
    memset(&info, 0, sizeof info);
    if (ptrace(PTRACE_GET_SYSCALL_INFO, task.tid, sizeof info, &info) <= 0) return;
    EventTime t = now();
    t.cpu_ns = last_stime_ns_;
    if (task.hidden) {
      if (info.op == kInfoEntry) task.pending_nr = static_cast<long>(info.entry.nr);
      if (info.op == kInfoExit && task.pending_nr == kSeccomp && !info.exit.is_error) {
        task.seccomp_active = true;
        seccomp_in_use_ = true;
      }
    }
    if (info.op == kInfoEntry || info.op == kInfoSeccomp) {
      uint64_t nr = info.op == kInfoEntry ? info.entry.nr : info.seccomp.nr;
      const uint64_t* args = info.op == kInfoEntry ? info.entry.args : info.seccomp.args;
      if (tamper_.active() && !task.hidden && traced(static_cast<long>(nr)) &&
          passes_paths(task, static_cast<long>(nr), args))
        tamper_.on_entry(task.tid, static_cast<long>(nr), args, info.op == kInfoSeccomp);
      syscall_entry(task, static_cast<long>(nr), args, t, info.instruction_pointer, info.stack_pointer);
    } else if (info.op == kInfoExit) {
      syscall_exit(task, info.exit.rval, info.exit.is_error, t);
    }
  }

  // -P: only calls that touch a path are tampered with (and counted for
  // when=), as strace decides before tampering.
  bool passes_paths(const Task& task, long nr, const uint64_t* args) {
    if (spec_.trace_paths.empty()) return true;
    mem_.begin_stop(task.tid);
    return call_touches_paths(task.tid, syscall_row(nr), args, &mem_, spec_.trace_paths);
  }

  bool traced(long nr) const {
    if (nr < 0 || nr >= kMaxSyscalls) return spec_.trace_all;
    return spec_.traced.test(static_cast<size_t>(nr));
  }

  void syscall_entry(Task& task, long nr, const uint64_t* args, const EventTime& t, uint64_t ip, uint64_t sp) {
    // Before its first successful execve the command is still running our
    // own start-up code: only the execve attempts themselves are shown.
    bool is_exec = nr == kExecve || nr == kExecveat;
    task.attached_mid_syscall = false;
    task.entered_nr = nr;
    task.in_syscall = true;
    task.in_exec = is_exec;
    task.reported_entry = (!task.hidden || is_exec) && traced(nr);
    long prev_nr = task.last_nr;
    task.last_nr = nr == kRestartSyscall ? prev_nr : nr;
    task.last_nr_for_restart = prev_nr;
    if (!task.reported_entry) return;
    SyscallCall& call = task.call;
    call = SyscallCall{};
    call.tid = task.tid;
    call.nr = nr;
    call.row = syscall_row(nr);
    for (int i = 0; i < 6; ++i) call.args[i] = args[i];
    call.instruction_pointer = ip;
    call.stack_pointer = sp;
    task.entry_time = t;
    mem_.begin_stop(task.tid);
    if (spec_.decode) {
      DecodeContext ctx(mem_, spec_.decode_options, &fds_, call, true);
      if (nr == kRestartSyscall) {
        // strace names the call being resumed after the task's previous
        // syscall; after an attach it has seen none and says "read" (nr 0).
        const SyscallRow* prev = syscall_row(task.last_nr_for_restart);
        call.arg(Value::raw(std::string("<... resuming interrupted ") + (prev && prev->name ? prev->name : "read") +
                            " ...>"));
        call.entry_args = 1;
        call.total_args = 1;
      } else {
        decode_phase(call, ctx);
      }
    }
    // -k: strace captures the stack of calls that never return, or replace
    // the program, at entry (not at the command's own first execve).
    if (unwinder_ && !task.hidden && StackUnwinder::captures_at_entry(nr))
      task.stack_queue = unwinder_->walk(task.tid, true);
    sink_.syscall_entry(call, EventContext{t, &mem_, -1});
    // -b execve: a traced process that execs is let go at the entry (the
    // command's own first execve excepted), as strace does.
    if (spec_.detach_on_execve && is_exec && !task.hidden) task.detach_at_stop = true;
  }

  // After a syscall stop: true when the task was detached (-b execve) and is gone.
  bool detached_at_stop(pid_t pid) {
    auto it = tasks_.find(pid);
    if (it == tasks_.end() || !it->second.detach_at_stop) return false;
    detach_one(pid);
    tasks_.erase(pid);
    return true;
  }

  void syscall_exit(Task& task, int64_t rval, bool is_error, const EventTime& t) {
    bool was_in = task.in_syscall;
    task.in_syscall = false;
    // -k: after mmap, execve... (traced or not) every task's maps are reread.
    if (unwinder_ && was_in && StackUnwinder::changes_mappings(task.entered_nr)) unwinder_->mappings_changed();
    if (task.in_exec && !is_error) task.hidden = false;
    task.in_exec = false;
    if (!was_in || !task.reported_entry) return;
    task.reported_entry = false;
    if (tamper_.active()) tamper_.on_exit(task.tid, &rval, &is_error);
    SyscallCall& call = task.call;
    call.exited = true;
    call.ret = rval;
    call.error = is_error ? static_cast<int>(-rval) : 0;
    if (call.row && call.row->ret == RetKind::NoReturn) call.no_return = true;
    mem_.begin_stop(task.tid);
    if (spec_.decode) {
      DecodeContext ctx(mem_, spec_.decode_options, &fds_, call, false);
      decode_phase(call, ctx);
    }
    if (tamper_.active()) tamper_.annotate(task.tid, call);
    EventContext ctx{t, &mem_, -1};
    std::vector<std::string> frames = stack_at_stop(task);
    if (unwinder_) ctx.stack_trace = &frames;
    sink_.syscall_exit(call, ctx, task.entry_time);
  }

  // Ctrl-C, SIGTERM...: every traced process keeps running, detached; the
  // command we started gets the same signal, as strace does.
  void detach_all(int sig) {
    if (main_child_ > 0 && tasks_.count(main_child_)) {
      kill(main_child_, SIGCONT);
      kill(main_child_, sig);
    }
    for (auto& [tid, task] : tasks_) {
      (void)task;
      detach_one(tid);
    }
    tasks_.clear();
  }

  void detach_one(pid_t tid) {
    // A running tracee cannot be detached: interrupt it, wait for the stop,
    // then detach, re-injecting a signal that was about to be delivered.
    if (ptrace(PTRACE_DETACH, tid, 0, 0) == 0) {
      sink_.task_detached(tid);
      return;
    }
    if (ptrace(PTRACE_INTERRUPT, tid, 0, 0) != 0) return;
    for (;;) {
      int status;
      pid_t r = waitpid(tid, &status, __WALL);
      if (r < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (!WIFSTOPPED(status)) return;  // it exited meanwhile
      int sig = WSTOPSIG(status);
      int event = status >> 16;
      int inject = 0;
      if (sig != (SIGTRAP | 0x80) && event == 0) inject = sig;  // signal-delivery-stop
      if (event == PTRACE_EVENT_STOP || sig == (SIGTRAP | 0x80) || event == 0) {
        ptrace(PTRACE_DETACH, tid, 0, inject);
        sink_.task_detached(tid);
        return;
      }
      ptrace(PTRACE_DETACH, tid, 0, 0);
      sink_.task_detached(tid);
      return;
    }
  }

  const TraceSpec& spec_;
  EventSink& sink_;
  std::map<pid_t, Task> tasks_;
  ProcessMemory mem_;
  ProcFdResolver fds_;
  SyscallTamper tamper_;
  DelayQueue delays_;
  int64_t last_stime_ns_ = -1;
  StopWaiter waiter_;
  std::unique_ptr<StackUnwinder> unwinder_;  // -k only
  bool seccomp_in_use_ = false;
  int interrupted_by_ = 0;
  uint64_t stops_ = 0;
  pid_t main_child_ = -1;
  int main_status_ = 0;
  bool have_main_status_ = false;
};

}  // namespace

EngineResult run_ptrace_engine(const TraceSpec& spec, EventSink& sink) {
  PtraceEngine engine(spec, sink);
  return engine.run();
}

}  // namespace sct
