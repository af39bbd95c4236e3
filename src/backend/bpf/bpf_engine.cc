// The eBPF engine's user half: loads progs/sctrace.bpf.c from the skeleton
// embedded in the binary, selects the tasks in the kernel, and turns ring-
// buffer records into the same events the ptrace engine reports.
//
// Why it is shaped this way:
// - The command is started stopped (spawn_stopped_child, as for ptrace) and
//   its pid put into the kernel's tid map before SIGCONT, so that its execve
//   is the first thing traced; children join the map in the kernel at fork.
// - Records arrive in batches (the kernel wakes us only when the ring fills
//   up; we poll every 100 ms), so the loop consumes after every poll whether
//   or not it was woken.
// - Each record is decoded by the very decoders of the ptrace engine over a
//   CaptureMemory holding the captured bytes at their original addresses.
#include "backend/bpf/bpf_engine.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>

#include "backend/interrupt.h"
#include "backend/proc_syscall.h"
#include "backend/proc_tasks.h"

#if SCTRACE_HAVE_BPF
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "backend/bpf/bpf_loader.h"
#include "backend/bpf/capture_plan.h"
#include "backend/bpf/fd_table.h"
#include "backend/bpf/fatal_signals.h"
#include "backend/bpf/record_reader.h"
#include "backend/ptrace/spawn.h"
#endif

namespace sct {

#if !SCTRACE_HAVE_BPF

bool bpf_engine_available(std::string* why) {
  *why = "this sctrace was built without the eBPF engine (clang, llvm, bpftool or libbpf-dev were missing)";
  return false;
}

EngineResult run_bpf_engine(const TraceSpec&, EventSink&) {
  EngineResult r;
  bpf_engine_available(&r.error);
  return r;
}

#else

namespace {

constexpr long kExecve = 59;
constexpr long kExecveat = 322;
constexpr long kClone = 56, kFork = 57, kVfork = 58;
constexpr long kRestartSyscall = 219;
constexpr size_t kDefaultRing = 8u << 20;
constexpr int kPollMs = 100;

int libbpf_quiet(enum libbpf_print_level level, const char* fmt, va_list args) {
  // libbpf's own diagnostics only on request: the engine reports its errors itself.
  static const bool debug = getenv("SCTRACE_BPF_DEBUG") != nullptr;
  if (!debug && level != LIBBPF_WARN) return 0;
  if (!debug) return 0;
  return vfprintf(stderr, fmt, args);
}

int64_t clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

// The ring buffer's size: a power of two, at least a page (the kernel's rule).
size_t ring_size(size_t asked) {
  size_t want = asked ? asked : kDefaultRing;
  size_t n = 4096;
  while (n < want && n < (size_t{1} << 30)) n <<= 1;
  return n;
}

// SCTRACE_BPF_TIMING=1: where the start-up goes (phases, and what the
// verifier did per program), on stderr.
class StartupClock {
 public:
  StartupClock() : on_(getenv("SCTRACE_BPF_TIMING") != nullptr), last_(clock_ns(CLOCK_MONOTONIC)) {}
  void lap(const char* phase) {
    if (!on_) return;
    int64_t t = clock_ns(CLOCK_MONOTONIC);
    fprintf(stderr, "bpf start-up: %-8s %7.2f ms\n", phase, (t - last_) / 1e6);
    last_ = t;
  }
  // The CPU time this process spent (the consumer: decoding and writing).
  static void consumer_cpu() {
    static const bool on = getenv("SCTRACE_BPF_TIMING") != nullptr;
    if (!on) return;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    fprintf(stderr, "bpf consumer cpu: user %.3f s, sys %.3f s\n", ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
            ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
  }
  void programs(const sct_bpf& bpf) const {
    if (!on_) return;
    fprintf(stderr, "bpf programs: %s, %s\n", bpf.raw_tp ? "raw tracepoints" : "tp_btf",
            bpf.batching ? "records batched per CPU" : "one sample per record");
    for (int i = 0; i < bpf.nprogs; ++i) {
      bpf_prog_info info = {};
      __u32 len = sizeof info;
      if (bpf_obj_get_info_by_fd(bpf.prog_fds[i], &info, &len) != 0) continue;
      fprintf(stderr, "bpf program %-14s %6u insns, %7u verified\n", bpf.prog_names[i], info.xlated_prog_len / 8,
              info.verified_insns);
    }
  }

 private:
  bool on_;
  int64_t last_;
};

struct DeferredSignal {
  siginfo_t info;
  uint64_t at_ns;
  long last_syscall;  // the task's last syscall when it was sent (-n)
  RecordComms comms;  // -Y: its sender's comm then
};

// A signal or exit record's last syscall of the task (sent as number + 1).
long last_syscall_of(const sct_rec_hdr& h) { return h.args[1] ? static_cast<long>(h.args[1] - 1) : -1; }

struct Pending {
  SyscallCall call;
  EventTime entry_time;
  std::string deferred_entry;  // the entry record, when shown at exit
  long record_nr = -1;         // the kernel's number for it, when shown as another (restart_syscall)
};

class BpfEngine {
 public:
  BpfEngine(const TraceSpec& spec, EventSink& sink)
      : spec_(spec),
        sink_(sink),
        // -y/-yy (and -P, whose filter asks the same table) need every call
        // that changes a descriptor, shown or not.
        track_fds_(!spec.counts_only && spec.decode &&
                   (spec.decode_options.decode_fds > 0 || !spec.trace_paths.empty() || netlink_decoded(spec))) {}
  ~BpfEngine() {
    if (rb_) ring_buffer__free(rb_);
    if (pidfd_ >= 0) close(pidfd_);
    if (epoll_fd_ >= 0) close(epoll_fd_);
    sct_bpf_destroy(&bpf_);
  }

  // Messages sent or received may be netlink ones, decoded by the socket's
  // protocol: the tables know it from socket()'s arguments.
  static bool netlink_decoded(const TraceSpec& spec) {
    for (long nr : {SYS_sendto, SYS_recvfrom, SYS_sendmsg, SYS_recvmsg, SYS_sendmmsg, SYS_recvmmsg})
      if (spec.trace_all || spec.traced.test(static_cast<size_t>(nr))) return true;
    return false;
  }

  EngineResult run() {
    EngineResult result;
    libbpf_set_print(libbpf_quiet);
    mono_to_wall_ = clock_ns(CLOCK_REALTIME) - clock_ns(CLOCK_MONOTONIC);
    fds_.set_names_wanted(spec_.decode_options.decode_fds > 0 || !spec_.trace_paths.empty());
    if (!load(&result.error)) return result;

    if (!spec_.command.empty() && !start_command(&result.error)) return result;
    for (pid_t pid : spec_.attach_pids) attach(pid);
    if (spec_.command.empty() && live_.empty() && spec_.comms.empty()) {
      result.error = "attach failed";
      return result;
    }

    if (!watch(&result.error)) return result;
    loop();
    {
      int ran = sct_bpf_flush_batches(&bpf_);
      if (getenv("SCTRACE_BPF_TIMING")) fprintf(stderr, "bpf run: batches flushed on %d CPUs\n", ran);
    }
    ring_buffer__consume(rb_);
    if (main_child_ > 0 && !main_reaped_) reap_main(0);
    StartupClock::consumer_cpu();
    if (getenv("SCTRACE_BPF_TIMING"))
      fprintf(stderr, "bpf run: command ended after %.1f ms, drained %.1f ms later\n", (reaped_ns_ - started_ns_) / 1e6,
              (clock_ns(CLOCK_MONOTONIC) - reaped_ns_) / 1e6);

    if (uint64_t lost = bpf_.lost_events ? *bpf_.lost_events : 0) {
      fprintf(stderr, "%s: %llu events lost\n", spec_.progname.c_str(), static_cast<unsigned long long>(lost));
      result.lost_events = lost;
    }
    if (spec_.counts_only)
      read_counts(&result);
    else
      sink_.finish();
    result.exit_status = main_status_;
    result.have_status = main_reaped_;
    return result;
  }

 private:
  bool load(std::string* error) {
    StartupClock clock;
    sct_bpf_config config = {};
    config.follow_forks = spec_.follow_forks;
    config.counts_only = spec_.counts_only;
    config.have_comms = !spec_.comms.empty();
    config.trace_unknown = spec_.trace_all;
    config.track_last_nr = spec_.track_last_syscall;
    config.capture_comms = spec_.capture_comms;
    config.notice_blocking = !spec_.counts_only;
    // Descriptor identities read by the kernel at each call (fd_identity.h):
    // the new descriptors' for names and pidfds, and the arguments' too
    // when sockets' endpoints are shown (they change from call to call).
    const int fd_classes = spec_.decode_options.decode_fds;
    if (track_fds_ && spec_.decode && !spec_.decode_options.raw && fd_classes > 0)
      config.fd_identity = (fd_classes & kDecodeFdSocket) ? 2 : 1;
    for (size_t nr = 0; nr < SCT_MAX_SYSCALLS; ++nr) {
      // execve always reaches user space when streaming: the command is shown
      // from its first one on. Counting needs no such marker.
      bool on = spec_.traced.test(nr) || (!spec_.counts_only && (nr == kExecve || nr == kExecveat)) ||
                (track_fds_ && FdTables::changes_fds(static_cast<long>(nr)));
      if (on) config.traced_bits[nr / 64] |= 1ull << (nr % 64);
    }
    size_t ring = ring_size(spec_.bpf_buffer);
    // Wake user space early only past a quarter of the ring (DESIGN.md: batched wake-ups).
    config.wake_threshold = ring / 4;
    config.ring_size = static_cast<__u32>(ring);
    // SCTRACE_BPF_DEBUG=1: the verifier's log of a program it refuses.
    static const bool debug = getenv("SCTRACE_BPF_DEBUG") != nullptr;
    std::vector<char> log(debug ? 64u << 20 : 0);
    char err[256];
    if (sct_bpf_load(&config, &bpf_, log.data(), log.size(), err, sizeof err) != 0) {
      if (debug) fprintf(stderr, "%s\n", log.data());
      *error = std::string(err) + (debug ? "" : " (SCTRACE_BPF_DEBUG=1 shows the verifier's log)");
      return false;
    }
    clock.lap("load");
    clock.programs(bpf_);
    if (!spec_.counts_only) {
      std::vector<sct_plan> plans = build_capture_plan(spec_.decode_options, spec_.decode, spec_.capture_whole_buffers);
      for (__u32 nr = 0; nr < plans.size(); ++nr) {
        static const sct_plan empty{};
        if (!memcmp(&plans[nr], &empty, sizeof empty)) continue;
        bpf_map_update_elem(bpf_.plans_fd, &nr, &plans[nr], BPF_ANY);
      }
    }
    for (const std::string& c : spec_.comms) {
      char key[16] = {};
      strncpy(key, c.c_str(), sizeof key - 1);  // the kernel's comm: 15 bytes and a NUL
      __u8 one = 1;
      bpf_map_update_elem(bpf_.comms_fd, key, &one, BPF_ANY);
    }
    clock.lap("maps");
    // -c counts syscalls only: no signal is shown.
    if (int err = sct_bpf_attach(&bpf_, !spec_.counts_only)) {
      *error = std::string("attaching the BPF programs: ") + strerror(-err);
      return false;
    }
    clock.lap("attach");
    rb_ = ring_buffer__new(bpf_.events_fd, &BpfEngine::on_record, this, nullptr);
    if (!rb_) {
      *error = std::string("ring buffer: ") + strerror(errno);
      return false;
    }
    return true;
  }

  // The command's exec failed: its message, after the failed execve's line
  // and before "+++ exited with 1 +++" (the child only sends the errno).
  void report_exec_error() {
    if (exec_error_fd_ < 0) return;
    int e = 0;
    ssize_t n = read(exec_error_fd_, &e, sizeof e);  // at EOF (exec succeeded): 0
    close(exec_error_fd_);
    exec_error_fd_ = -1;
    if (n == static_cast<ssize_t>(sizeof e)) {
      fflush(nullptr);
      fprintf(stderr, "%s: exec: %s\n", spec_.progname.c_str(), strerror(e));
    }
  }

  void track(pid_t tid) {
    __u32 key = static_cast<__u32>(tid);
    __u8 one = 1;
    bpf_map_update_elem(bpf_.tracked_fd, &key, &one, BPF_ANY);
    live_.insert(tid);
    note_task_count(0);
  }

  bool start_command(std::string* error) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
      *error = std::string("pipe: ") + strerror(errno);
      return false;
    }
    pid_t child = spawn_stopped_child(spec_, error, nullptr, pipe_fds[1]);
    close(pipe_fds[1]);
    exec_error_fd_ = pipe_fds[0];
    if (child < 0) return false;
    int status;
    if (waitpid(child, &status, WUNTRACED) < 0 || !WIFSTOPPED(status)) {
      *error = "child did not stop";
      return false;
    }
    main_child_ = child;
    started_ns_ = clock_ns(CLOCK_MONOTONIC);
    if (track_fds_) fds_.snapshot(child);  // what it inherits, before it runs
    track(child);
    hidden_.insert(child);
    sink_.task_attached(child, 0, false);
    kill(child, SIGCONT);
    return true;
  }


  void attach(pid_t pid) {
    if (kill(pid, 0) != 0) {
      // strace's wording, so that scripts see the same message whichever engine runs.
      fprintf(stderr, "%s: attach: ptrace(PTRACE_SEIZE, %d): %s\n", spec_.progname.c_str(), pid, strerror(errno));
      return;
    }
    if (track_fds_) fds_.snapshot(pid);
    std::vector<pid_t> tids{pid};
    track(pid);
    sink_.task_attached(pid, pid, true);
    show_call_in_flight(pid, pid);
    if (spec_.attach_threads) {
      // Threads made after a scan by threads not yet in the map would be
      // missed (the kernel follows only forks of tracked tasks): scan again
      // until a scan finds nothing new. Threads made later by tracked ones
      // join in the kernel (-f).
      for (bool found = true; found;) {
        found = false;
        for (pid_t tid : threads_of(pid)) {
          if (live_.count(tid)) continue;
          found = true;
          track(tid);
          tids.push_back(tid);
          sink_.task_attached(tid, pid, true);
          show_call_in_flight(pid, tid);
        }
      }
    }
    sink_.process_attached(pid, tids.size());
  }

  // -p: a task waiting in a call when sctrace attaches. The kernel side saw
  // no entry, so the call's exit would be dropped; strace shows the call
  // (its attach interrupts it, and the restarted call stops at its entry).
  // Its number and arguments come from /proc; the task's in-flight slot is
  // written for it (only if it has none: a task that already made another
  // call has moved on; sys_exit checks the number of a seeded slot) and its
  // entry is shown now, decoded from the task's memory while it waits.
  void show_call_in_flight(pid_t pid, pid_t tid) {
    auto waiting = read_proc_syscall(pid, tid);
    if (!waiting || waiting->nr >= kMaxSyscalls) return;
    bool restart = resumes_as_restart_syscall(*waiting);
    long shown_nr = restart ? kRestartSyscall : waiting->nr;
    if (!shown(shown_nr)) return;  // (-c counts what strace's -c counts: the shown call)
    sct_inflight slot = {};
    slot.nr = waiting->nr;
    for (int i = 0; i < 6; ++i) slot.args[i] = waiting->args[i];
    slot.enter_ns = static_cast<__u64>(clock_ns(CLOCK_MONOTONIC));
    slot.last_nr = waiting->nr;
    slot.announced = SCT_INFLIGHT_SEEDED;
    if (!seed_inflight(pid, tid, slot) || spec_.counts_only) return;
    Pending& p = pending_[tid];
    p.call = SyscallCall{};
    p.call.tid = tid;
    p.call.nr = shown_nr;
    p.call.row = syscall_row(shown_nr);
    p.entry_time = at(slot.enter_ns);
    p.deferred_entry.clear();
    p.record_nr = waiting->nr;
    if (restart) {
      // strace names the interrupted call after the task's previous syscall;
      // just attached, it has seen none and says "read".
      p.call.arg(Value::raw("<... resuming interrupted read ...>"));
      p.call.entry_args = 1;
      p.call.total_args = 1;
    } else {
      for (int i = 0; i < 6; ++i) p.call.args[i] = waiting->args[i];
      p.call.stack_pointer = waiting->sp;
      ProcessMemory memory(tid);
      if (track_fds_) fds_.use_identities(tid, nullptr, false);  // none captured: the tables and /proc
      decode_from(memory, p.call, true);
    }
    sink_.syscall_entry(p.call, call_context(p.entry_time));
  }

  // Writes tid's in-flight slot unless it has one. The task-storage map
  // (tp_btf) is keyed by a pidfd of the task from user space.
  bool seed_inflight(pid_t pid, pid_t tid, const sct_inflight& slot) {
    if (bpf_.raw_tp) {
      __u32 key = static_cast<__u32>(tid);
      return bpf_map_update_elem(bpf_.inflight_fd, &key, &slot, BPF_NOEXIST) == 0;
    }
    constexpr unsigned kPidfdThread = O_EXCL;  // PIDFD_THREAD (Linux 6.9): a pidfd for a thread
    int pidfd = static_cast<int>(syscall(SYS_pidfd_open, tid, tid == pid ? 0u : kPidfdThread));
    if (pidfd < 0) return false;
    bool ok = bpf_map_update_elem(bpf_.inflight_fd, &pidfd, &slot, BPF_NOEXIST) == 0;
    close(pidfd);
    return ok;
  }

  void loop() {
    bool interrupted = false;
    for (;;) {
      if (g_interrupt_signal && !interrupted) {
        interrupted = true;
        if (!on_interrupt(g_interrupt_signal)) return;
      }
      // Woken by the ring (batched), by the command's end (its pidfd), or
      // every kPollMs: the command's end is seen at once, not up to a
      // poll period later.
      epoll_event ev[2];
      int ready = epoll_wait(epoll_fd_, ev, 2, kPollMs);
      if (ready < 0 && errno != EINTR) return;
      int got = ring_buffer__consume(rb_);
      if (ready == 0 && got == 0) {
        // Quiet for a poll period: a task computing alone on its CPU may
        // have records waiting in that CPU's batch (sctrace.bpf.c, batch).
        sct_bpf_flush_batches(&bpf_);
        got = ring_buffer__consume(rb_);
      }
      fflush(nullptr);
      if (main_child_ > 0 && !main_reaped_) reap_main(WNOHANG);
      if (ready == 0 && got == 0) forget_vanished();
      if (finished()) return;
    }
  }

  // One epoll set for the ring buffer's and the command's pidfd.
  bool watch(std::string* error) {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev = {};
    ev.events = EPOLLIN;
    if (epoll_fd_ < 0 || epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, ring_buffer__epoll_fd(rb_), &ev) != 0) {
      *error = std::string("epoll: ") + strerror(errno);
      return false;
    }
    if (main_child_ > 0) {
      pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, main_child_, 0));
      if (pidfd_ >= 0) epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, pidfd_, &ev);
    }
    return true;
  }

  // Ctrl-C, SIGTERM...: -p targets and --comm processes go on untraced;
  // the command we started gets the same signal, as with strace. Returns
  // whether to keep reading until the command is gone.
  bool on_interrupt(int sig) {
    if (main_child_ > 0 && !main_reaped_) {
      kill(main_child_, SIGCONT);
      kill(main_child_, sig);
      return true;
    }
    sct_bpf_flush_batches(&bpf_);  // the targets go on: what they did so far is shown
    ring_buffer__consume(rb_);
    for (pid_t tid : live_) sink_.task_detached(tid);
    live_.clear();
    return false;
  }

  bool finished() const {
    if (!spec_.command.empty()) {
      if (!main_reaped_) return false;
      // Under -f the trace goes on while any descendant lives, as strace's does.
      return !spec_.follow_forks || live_.empty();
    }
    if (!spec_.attach_pids.empty()) return live_.empty();
    return false;  // --comm alone: until interrupted
  }

  void reap_main(int flags) {
    int status;
    pid_t r = waitpid(main_child_, &status, flags);
    if (r != main_child_) return;
    main_reaped_ = true;
    main_status_ = status;
    reaped_ns_ = clock_ns(CLOCK_MONOTONIC);
    if (pidfd_ >= 0) {
      // Readable for good now: out of the epoll set, or every wait returns at once.
      close(pidfd_);
      pidfd_ = -1;
    }
    // Its exit record was written before the kernel told us: read it now,
    // so that its exit line comes after its last syscall.
    ring_buffer__consume(rb_);
    if (live_.count(main_child_)) {
      // The record was lost: report the exit from the status we got.
      live_.erase(main_child_);
      report_exec_error();
      sink_.task_exited(main_child_, status, EventContext{now(), nullptr, -1});
    }
  }

  // Tasks whose exit record was lost: gone from /proc.
  void forget_vanished() {
    for (auto it = live_.begin(); it != live_.end();) {
      if (*it != main_child_ && kill(*it, 0) != 0 && errno == ESRCH)
        it = live_.erase(it);
      else
        ++it;
    }
  }

  EventTime now() const {
    EventTime t;
    t.mono_ns = clock_ns(CLOCK_MONOTONIC);
    t.wall_ns = t.mono_ns + mono_to_wall_;
    return t;
  }

  EventTime at(uint64_t mono) const {
    EventTime t;
    t.mono_ns = static_cast<int64_t>(mono);
    t.wall_ns = t.mono_ns + mono_to_wall_;
    return t;
  }

  static int on_record(void* ctx, void* data, size_t size) {
    // A sample is one record or a batch of them (progs/records.h).
    auto* engine = static_cast<BpfEngine*>(ctx);
    for_each_record(data, size, [engine](const void* rec, size_t n) { engine->record(rec, n); });
    return 0;
  }

  void record(const void* data, size_t size) {
    auto h = read_record_header(data, size);
    if (!h) return;
    pid_t tid = static_cast<pid_t>(h->tid);
    if (detached_.count(tid)) {
      // Let go by -b execve: what it did before the kernel forgot it is not shown.
      if (h->type == SCT_REC_EXIT) detached_.erase(tid);
      return;
    }
    if (track_fds_ && h->type != SCT_REC_FORK) fds_.task_seen(tid, static_cast<pid_t>(h->tgid));
    size_t tasks_before = tasks_now();
    // -Y: the comms the kernel took with a syscall record, and a task's
    // last one with its end ("+++ exited"), for their lines.
    bool comms = spec_.capture_comms && (h->type == SCT_REC_SYSCALL || h->type == SCT_REC_ENTRY ||
                                         h->type == SCT_REC_EXIT || h->type == SCT_REC_SIGNAL ||
                                         h->type == SCT_REC_BLOCKED);
    if (comms) {
      comms_.read(data, size, h->type == SCT_REC_SIGNAL ? SCT_SIGINFO_SIZE : 0);
      set_comm_source(&comms_);
    }
    dispatch(&*h, data, size);
    if (comms) set_comm_source(nullptr);
    if (tasks_now() != tasks_before) note_task_count(h->enter_ns);
  }

  // How many tasks are traced now, and when that changed: a call printed
  // whole at its exit takes its "[pid N]" prefix from the count at its entry.
  size_t tasks_now() const { return live_.size() + known_.size(); }
  void note_task_count(uint64_t ns) {
    task_counts_.emplace_back(ns, tasks_now());
    if (task_counts_.size() > 256) task_counts_.pop_front();
  }
  size_t tasks_at(uint64_t ns) const {
    for (auto it = task_counts_.rbegin(); it != task_counts_.rend(); ++it)
      if (it->first <= ns) return it->second;
    return 0;  // older than what is kept: not known
  }

  void dispatch(const sct_rec_hdr* h, const void* data, size_t size) {
    pid_t tid = static_cast<pid_t>(h->tid);
    switch (h->type) {
      case SCT_REC_ENTRY: entry_record(*h, data, size); break;
      case SCT_REC_SYSCALL: syscall_record(*h, data, size); break;
      case SCT_REC_ENTRY_COPY: entry_copies_.keep(*h, data, size); break;
      case SCT_REC_BLOCKED: blocked_entry(*h, data, size); break;
      case SCT_REC_FORK: {
        pid_t child = static_cast<pid_t>(h->nr);
        detached_.erase(child);  // a new task with a detached one's id
        if (track_fds_) fds_.forked(tid, child);
        fork_entry(*h);
        if (live_.insert(child).second) sink_.task_attached(child, tid, false);
        break;
      }
      case SCT_REC_SIGNAL: signal_record(*h, data, size); break;
      case SCT_REC_EXIT: {
        pending_.erase(tid);
        entry_copies_.forget(tid);
        flush_signals(tid, h->enter_ns);
        deferred_signals_.erase(tid);
        bool was_live = live_.erase(tid) > 0;
        // The leader's end with no thread left (sched_process_exit's group_dead is not sent).
        if (track_fds_ && tid == static_cast<pid_t>(h->tgid)) fds_.process_exited(tid);
        if (was_live || known_.count(tid)) {
          EventContext ctx = stop_context(h->enter_ns, last_syscall_of(*h));
          if (auto sig = fatal_.at_exit(tid, static_cast<pid_t>(h->tgid), static_cast<int>(h->nr)))
            sink_.signal_delivered(tid, *sig, ctx);
          if (tid == main_child_) report_exec_error();
          sink_.task_exited(tid, static_cast<int>(h->nr), ctx);
          known_.erase(tid);
        }
        break;
      }
    }
  }

  bool shown(long nr) const {
    if (nr < 0 || nr >= kMaxSyscalls) return spec_.trace_all;
    return spec_.traced.test(static_cast<size_t>(nr));
  }

  // A task selected by --comm announces itself with its first syscall.
  void note_task(pid_t tid) {
    if (live_.count(tid) || known_.count(tid)) return;
    known_.insert(tid);
    sink_.task_attached(tid, -1, true);
  }

  SyscallCall make_call(const sct_rec_hdr& h) {
    SyscallCall call;
    call.tid = static_cast<pid_t>(h.tid);
    call.nr = static_cast<long>(h.nr);
    call.row = syscall_row(call.nr);
    for (int i = 0; i < 6; ++i) call.args[i] = h.args[i];
    return call;
  }

  // call_ made anew for h, keeping its buffers: the storm path reports one
  // call per record, and growing a fresh vector for each was 6% of its time.
  SyscallCall& reuse_call(const sct_rec_hdr& h) {
    std::vector<Value> decoded = std::move(call_.decoded);
    std::string ret_comment = std::move(call_.ret_comment), saved_bytes = std::move(call_.saved_bytes);
    decoded.clear();
    ret_comment.clear();
    saved_bytes.clear();
    call_ = make_call(h);
    call_.decoded = std::move(decoded);
    call_.ret_comment = std::move(ret_comment);
    call_.saved_bytes = std::move(saved_bytes);
    return call_;
  }

  void decode(SyscallCall& call, bool entering) {
    mem_.set_entering(entering);
    if (track_fds_) fds_.use_identities(call.tid, &mem_.fd_identities(), !entering);
    decode_from(mem_, call, entering);
  }

  // Decodes from another memory than the records' (a task's own, at -p).
  void decode_from(TraceeMemory& mem, SyscallCall& call, bool entering) {
    if (!spec_.decode) return;
    DecodeContext ctx(mem, spec_.decode_options, &fds_, call, entering);
    decode_phase(call, ctx);
  }

  void set_return(SyscallCall& call, int64_t ret) {
    call.exited = true;
    call.ret = ret;
    call.error = ret < 0 && ret >= -4095 ? static_cast<int>(-ret) : 0;
    if (call.row && call.row->ret == RetKind::NoReturn) call.no_return = true;
  }

  void signal_record(const sct_rec_hdr& h, const void* data, size_t size) {
    pid_t tid = static_cast<pid_t>(h.tid);
    if (hidden_.count(tid) || size < sizeof h + SCT_SIGINFO_SIZE) return;
    DeferredSignal d;
    memset(&d.info, 0, sizeof d.info);
    memcpy(&d.info, static_cast<const char*>(data) + sizeof h, SCT_SIGINFO_SIZE);
    d.at_ns = h.enter_ns;
    d.last_syscall = last_syscall_of(h);
    if (spec_.capture_comms) d.comms = comms_;
    if (h.args[0] == SCT_SIG_GENERATED) {
      fatal_.generated(static_cast<pid_t>(h.tgid), d.info);
      return;
    }
    if (d.info.si_signo == SIGKILL) {
      // Perhaps a fatal signal's group exit: shown at the task's exit.
      note_task(tid);
      fatal_.hold_kill(tid);
      return;
    }
    if (h.args[0] == SCT_SIG_IGNORED) {
      // Discarded when sent; a ptrace tracer would see it on the task's way
      // back to user mode: after the syscall it is in, before its next one.
      deferred_signals_[tid].push_back(d);
      return;
    }
    note_task(tid);
    flush_signals(tid, d.at_ns);  // ignored ones sent before (no syscall showed them: -e trace=none)
    EventContext ctx = stop_context(d.at_ns, d.last_syscall);
    sink_.signal_delivered(tid, d.info, ctx);
    // A stop signal's default action stops the process: the group-stop a
    // ptrace tracer is told of next. (SIGTSTP, SIGTTIN and SIGTTOU do not
    // stop an orphaned process group: not seen from here.)
    int sig = d.info.si_signo;
    if (h.args[0] == SCT_SIG_DELIVERED_DEFAULT &&
        (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU))
      sink_.group_stop(tid, sig, ctx);
  }

  // Reports the ignored signals of tid sent before time ns.
  void flush_signals(pid_t tid, uint64_t ns) {
    auto it = deferred_signals_.find(tid);
    if (it == deferred_signals_.end()) return;
    auto& list = it->second;
    while (!list.empty() && list.front().at_ns < ns) {
      EventContext ctx = stop_context(list.front().at_ns, list.front().last_syscall);
      // -Y: the comms taken with the signal, not those of the record being read.
      const CommSource* outer = comm_source();
      if (spec_.capture_comms) set_comm_source(&list.front().comms);
      sink_.signal_delivered(tid, list.front().info, ctx);
      set_comm_source(outer);
      list.erase(list.begin());
    }
    if (list.empty()) deferred_signals_.erase(it);
  }

  // execve (whose memory is gone at exit) and exit_group (which never exits).
  void entry_record(const sct_rec_hdr& h, const void* data, size_t size) {
    pid_t tid = static_cast<pid_t>(h.tid);
    flush_signals(tid, h.enter_ns);
    bool is_exec = h.nr == kExecve || h.nr == kExecveat;
    if (hidden_.count(tid) && !is_exec) return;
    if (!shown(static_cast<long>(h.nr))) return;
    Pending& p = start_pending(h);
    mem_.add_record(data, size, false);
    if (is_exec && exec_strings_missing(h)) {
      p.deferred_entry.assign(static_cast<const char*>(data), size);
      return;
    }
    decode(p.call, true);
    comms_.set_entering(true);
    sink_.syscall_entry(p.call, call_context(p.entry_time));
    if (is_exec) detach_on_execve(tid);
  }

  // A call shown from its entry (its SYSCALL record finishes it): the
  // pending state of its task, afresh; the record memory emptied.
  Pending& start_pending(const sct_rec_hdr& entry) {
    pid_t tid = static_cast<pid_t>(entry.tid);
    note_task(tid);
    Pending& p = pending_[tid];
    p = Pending{};
    p.call = make_call(entry);
    p.entry_time = at(entry.enter_ns);
    mem_.clear();
    return p;
  }

  // -f: the parent's clone/fork/vfork shown from its entry, as strace shows
  // it: "clone(...Process N attached" and " <unfinished ...>" when the
  // child's lines come first. (clone3's struct is copied at exit only: shown
  // whole then.) The FORK record carries the parent's call in flight.
  void fork_entry(const sct_rec_hdr& h) {
    if (h.ret <= 0) return;
    long nr = static_cast<long>(h.ret - 1);
    pid_t tid = static_cast<pid_t>(h.tid);
    if ((nr != kClone && nr != kFork && nr != kVfork) || hidden_.count(tid) || !shown(nr) || pending_.count(tid))
      return;
    sct_rec_hdr entry = h;
    entry.nr = nr;
    entry.ret = 0;
    entry.enter_ns = h.exit_ns;
    entry.exit_ns = 0;
    Pending& p = start_pending(entry);
    decode(p.call, true);
    sink_.syscall_entry(p.call, call_context(p.entry_time));
  }

  // A traced call whose task went to sleep in it: shown from its entry now,
  // as strace shows a call that blocks ("wait4(-1, " and, when another task
  // prints meanwhile, " <unfinished ...>"); its SYSCALL record finishes it.
  void blocked_entry(const sct_rec_hdr& h, const void* data, size_t size) {
    pid_t tid = static_cast<pid_t>(h.tid);
    long nr = static_cast<long>(h.nr);
    flush_signals(tid, h.enter_ns);
    if (hidden_.count(tid) || !shown(nr) || pending_.count(tid)) return;
    Pending& p = start_pending(h);
    mem_.add_record(data, size, false);
    entry_copies_.take(h, mem_);  // in/out arguments as they were at entry
    p.call.stack_pointer = mem_.stack_pointer();
    decode(p.call, true);
    EventContext ctx = call_context(p.entry_time);
    comms_.set_entering(true);
    sink_.syscall_entry(p.call, ctx);
  }

  // -b execve: strace lets a traced process go at an execve's entry (not
  // the command's own first one): "Process N detached", the line ends with
  // " <detached ...>", and nothing more of it is shown.
  void detach_on_execve(pid_t tid) {
    if (!spec_.detach_on_execve || hidden_.count(tid)) return;
    pending_.erase(tid);
    entry_copies_.forget(tid);
    deferred_signals_.erase(tid);
    __u32 key = static_cast<__u32>(tid);
    bpf_map_delete_elem(bpf_.tracked_fd, &key);
    live_.erase(tid);
    known_.erase(tid);
    detached_.insert(tid);
    sink_.task_detached(tid);
  }

  // execve's strings not mapped at entry (a forked child's, or pages not yet
  // touched): shown at exit instead, from the copies taken then.
  bool exec_strings_missing(const sct_rec_hdr& h) {
    int first = h.nr == kExecveat ? 1 : 0;
    char c;
    uint64_t argv0 = 0;
    if (!mem_.read_object(h.args[first], &c)) return true;
    return mem_.read_object(h.args[first + 1], &argv0) && argv0 && !mem_.read_object(argv0, &c);
  }

  void syscall_record(const sct_rec_hdr& h, const void* data, size_t size) {
    pid_t tid = static_cast<pid_t>(h.tid);
    long nr = static_cast<long>(h.nr);
    bool is_exec = nr == kExecve || nr == kExecveat;
    EventTime exit_time = at(h.exit_ns);
    flush_signals(tid, h.enter_ns);
    auto pend = pending_.find(tid);
    if (pend != pending_.end() && (pend->second.call.nr == nr || pend->second.record_nr == nr)) {
      // The exit of a call shown from its entry (execve, fork, one that
      // blocked): the record's captures are its outputs.
      SyscallCall& call = pend->second.call;
      mem_.clear();
      if (pend->second.deferred_entry.empty()) {
        mem_.add_record(data, size, false);
      } else {
        const std::string& entry = pend->second.deferred_entry;
        int first = nr == kExecveat ? 1 : 0;
        mem_.add_record(entry.data(), entry.size(), true);
        mem_.add_record(data, size, false);
        mem_.map_exec_strings(call.args[first], call.args[first + 1]);
        decode(call, true);
        comms_.set_entering(true);
        sink_.syscall_entry(call, call_context(pend->second.entry_time));
        if (is_exec && spec_.detach_on_execve && !hidden_.count(tid)) {
          detach_on_execve(tid);
          return;
        }
      }
      set_return(call, h.ret);
      track_fd_change(call, h.ret);
      decode(call, false);
      EventContext exit_ctx = call_context(exit_time);
      comms_.set_entering(false);
      sink_.syscall_exit(call, exit_ctx, pend->second.entry_time);
      pending_.erase(pend);
      if (is_exec && !call.failed()) hidden_.erase(tid);
      return;
    }
    if (is_exec && h.ret == 0) hidden_.erase(tid);
    if (hidden_.count(tid) || !shown(nr)) {
      if (track_fds_ && FdTables::changes_fds(nr)) {
        // Not shown, but it changed the descriptors later calls print.
        mem_.clear();
        mem_.add_record(data, size, false);
        uint64_t args[6];
        for (int i = 0; i < 6; ++i) args[i] = h.args[i];
        fds_.use_identities(tid, &mem_.fd_identities(), true);
        fds_.apply(tid, nr, args, h.ret, mem_);
      }
      return;
    }
    note_task(tid);
    SyscallCall& call = reuse_call(h);
    EventTime entry_time = at(h.enter_ns);
    mem_.clear();
    mem_.add_record(data, size, false);
    entry_copies_.take(h, mem_);  // in/out arguments as they were at entry
    call.stack_pointer = mem_.stack_pointer();
    decode(call, true);
    EventContext entry_ctx = call_context(entry_time);
    comms_.set_entering(true);
    sink_.syscall_entry(call, entry_ctx);
    set_return(call, h.ret);
    track_fd_change(call, h.ret);  // the exit shows the new descriptors (open's "= 3</path>")
    decode(call, false);
    EventContext exit_ctx = call_context(exit_time);
    comms_.set_entering(false);
    sink_.syscall_exit(call, exit_ctx, entry_time);
    flush_signals(tid, h.exit_ns);
  }

  // A syscall event's context at time t: its captured memory, the
  // descriptor tables (-P matches descriptors by what they were at the
  // call), and the task count then, which decides the line's "[pid N]"
  // prefix (records are read after the fact).
  EventContext call_context(const EventTime& t) {
    EventContext c{t, &mem_, -1};
    if (track_fds_) c.fds = &fds_;
    c.tasks_then = tasks_at(static_cast<uint64_t>(t.mono_ns));
    return c;
  }

  // A signal's or a task end's context: no memory; the task's last syscall
  // (-n shows it on those lines).
  EventContext stop_context(uint64_t ns, long last_syscall) {
    EventContext c{at(ns), nullptr, -1};
    c.last_syscall = last_syscall;
    return c;
  }

  void track_fd_change(const SyscallCall& call, int64_t ret) {
    if (track_fds_ && FdTables::changes_fds(call.nr)) {
      mem_.set_entering(false);
      fds_.use_identities(call.tid, &mem_.fd_identities(), true);
      fds_.apply(call.tid, call.nr, call.args, ret, mem_);
    }
  }

  void read_counts(EngineResult* result) {
    int ncpu = libbpf_num_possible_cpus();
    if (ncpu <= 0) return;
    std::vector<sct_count> per_cpu(static_cast<size_t>(ncpu));
    for (__u32 nr = 0; nr < SCT_MAX_SYSCALLS; ++nr) {
      if (bpf_map_lookup_elem(bpf_.counts_fd, &nr, per_cpu.data()) != 0)
        continue;
      uint64_t calls = 0, errors = 0, ns = 0;
      for (const auto& c : per_cpu) {
        calls += c.calls;
        errors += c.errors;
        ns += c.ns;
      }
      if (calls) result->counts.emplace_back(static_cast<long>(nr), calls, errors, ns);
    }
  }

  const TraceSpec& spec_;
  EventSink& sink_;
  RecordComms comms_;  // -Y: the comms of the record being dispatched
  sct_bpf bpf_ = {};
  ring_buffer* rb_ = nullptr;
  int epoll_fd_ = -1;
  int pidfd_ = -1;  // the command's, while it runs
  int64_t started_ns_ = 0, reaped_ns_ = 0;  // the command's run (SCTRACE_BPF_TIMING)
  int64_t mono_to_wall_ = 0;
  CaptureMemory mem_;
  EntryCopies entry_copies_;
  FatalSignals fatal_;
  const bool track_fds_;
  FdTables fds_;
  SyscallCall call_;  // the one being reported (reuse_call)
  std::set<pid_t> live_;    // tids in the kernel's map (command, -p, forks)
  std::set<pid_t> known_;   // tids selected by --comm, seen so far
  std::deque<std::pair<uint64_t, size_t>> task_counts_;  // (monotonic ns, tasks_now()) at each change
  std::set<pid_t> detached_;
  int exec_error_fd_ = -1;  // the command's exec-error pipe, until its exit  // -b execve: let go, until their exit record or reuse
  std::set<pid_t> hidden_;  // the command before its first successful execve
  std::map<pid_t, Pending> pending_;
  std::map<pid_t, std::vector<DeferredSignal>> deferred_signals_;
  pid_t main_child_ = -1;
  bool main_reaped_ = false;
  int main_status_ = 0;
};

}  // namespace

bool bpf_engine_available(std::string* why) {
  if (geteuid() != 0) {
    *why = "the eBPF engine needs root (running as uid " + std::to_string(geteuid()) + ")";
    return false;
  }
  struct stat st;
  if (stat("/sys/kernel/btf/vmlinux", &st) != 0) {
    *why = "the kernel exposes no BTF (/sys/kernel/btf/vmlinux is missing)";
    return false;
  }
  libbpf_set_print(libbpf_quiet);
  int ok = libbpf_probe_bpf_prog_type(BPF_PROG_TYPE_RAW_TRACEPOINT, nullptr);
  if (ok <= 0) {
    *why = std::string("the kernel refuses BPF programs") + (ok < 0 ? std::string(": ") + strerror(-ok) : "");
    return false;
  }
  return true;
}

EngineResult run_bpf_engine(const TraceSpec& spec, EventSink& sink) {
  BpfEngine engine(spec, sink);
  return engine.run();
}

#endif

}  // namespace sct
