/* -Y (--decode-pids=comm): the comms strace shows, taken when the kernel
 * knows them. strace reads /proc/PID/comm while the task is stopped at the
 * call; user space reads the records later, when a prctl(PR_SET_NAME) or an
 * execve has renamed the task and a reaped one is gone. So each record gets,
 * as SCT_CAP_COMM captures after its others (records.h):
 * - the current task's comm at the syscall's entry (kept in its inflight
 *   slot) and at its exit: the "[pid N<comm>]" of the entry line and of the
 *   "<... resumed>" half (prctl and execve change it in between);
 * - the comm of each task a pid argument or the return value names (the
 *   plan's pid_args, from the decoders' pid arguments), looked up at exit
 *   with bpf_task_from_pid; and the first pid argument's at entry too (wait4
 *   on a child that is reaped by the time the call returns).
 * Only with capture_comms set (rodata: the branches are pruned otherwise).
 * Included twice by sctrace.bpf.c: at the top (its rodata and types), and
 * with SCT_COMM_CAPTURE_FUNCS after the capture helpers (struct scratch, ROOM). */
#ifndef SCT_COMM_CAPTURE_FUNCS
#ifndef SCTRACE_COMM_CAPTURE_TYPES
#define SCTRACE_COMM_CAPTURE_TYPES

const volatile __u8 capture_comms = 0;

/* One comm capture, as a struct (signal and exit records). What a syscall's
 * entry leaves for its exit is struct sct_entry_comms (records.h), the last
 * member of the in-flight slot. */
struct comm_cap {
  struct sct_cap_hdr c;
  char comm[16];
};
#endif
#elif !defined(SCTRACE_COMM_CAPTURE_FUNCS)
#define SCTRACE_COMM_CAPTURE_FUNCS

/* The address of a task's comm (CO-RE relocated for raw tracepoints). */
#ifdef SCT_RAW_TP
#define KREAD_PTR_COMM(t) ((const char*)__builtin_preserve_access_index(&(t)->comm))
#else
#define KREAD_PTR_COMM(t) ((const char*)(t)->comm)
#endif

#ifndef SCT_RAW_TP
extern struct task_struct* bpf_task_from_pid(s32 pid) __ksym;
extern void bpf_task_release(struct task_struct* p) __ksym;
#endif

/* Copies task pid's comm (16 bytes) to dst: 1, 0 when there is no such task
 * now, -1 when it cannot be looked up here. Raw tracepoint programs may not
 * call kfuncs ("calling kernel function bpf_task_from_pid is not allowed"):
 * they know only the current process's and its parent's (getpid, getppid),
 * from the task's links; user space reads /proc for the others. */
static __always_inline int comm_of_pid(__s32 pid, void* dst) {
#ifdef SCT_RAW_TP
  struct task_struct* t = CURRENT_TASK();
  if ((__u32)pid != KREAD(t, tgid)) {
    t = KREAD(t, real_parent);
    if (!t || (__u32)pid != KREAD(t, tgid)) return -1;
  }
  t = KREAD(t, group_leader);
  if (!t) return -1;
  bpf_core_read(dst, 16, &t->comm);
  return 1;
#else
  struct task_struct* t = bpf_task_from_pid(pid);
  if (!t) return 0;
  bpf_probe_read_kernel(dst, 16, t->comm);
  bpf_task_release(t);
  return 1;
#endif
}

/* At entry (in: the inflight slot being filled): the current comm, and the
 * first pid argument's (the plan's entry_pid_arg). Global: verified once. */
__noinline int note_entry_comms(struct sct_inflight* in, __u32 tid) {
  if (!in) return 0;
  struct sct_entry_comms* e = &in->comms;
  bpf_get_current_comm(e->own, sizeof e->own);
  e->arg_pid = 0;
  if (in->nr < 0 || in->nr >= SCT_MAX_SYSCALLS) return 0;
  __u32 key = (__u32)in->nr;
  const struct sct_plan* pl = bpf_map_lookup_elem(&plans, &key);
  if (!pl || !pl->entry_pid_arg || pl->entry_pid_arg > 6) return 0;
  __s32 v = (__s32)in->args[(pl->entry_pid_arg - 1) & 7];
  if (v <= 0 || (__u32)v == tid) return 0;
  int r = comm_of_pid(v, e->arg);
  if (r >= 0) {
    e->arg_pid = v;
    e->arg_found = r;
  }
  return 0;
}

/* One comm capture at off (comm: 16 bytes, or NULL: no such task). */
static __always_inline __u32 put_comm(struct scratch* sc, __u32 off, __u64 tid, __u32 flags, const __u64* comm) {
  __u64 o = off;
  BARRIER_VAR(o);
  if (!ROOM(o)) return off;
  struct sct_cap_hdr* c = (void*)&sc->data[o];
  c->addr = tid;
  c->flags = SCT_CAP_COMM | flags;
  c->len = comm ? 16 : 0;
  if (!comm) return o + sizeof *c;
  __u64* d = (void*)&sc->data[o + sizeof *c];
  d[0] = comm[0];
  d[1] = comm[1];
  return o + sizeof *c + 16;
}

/* The pid values' loop (bpf_loop: its callback is verified once). */
struct comm_walk {
  __u32 off;
  __u32 pid_args;
  __u32 tid;
};

static long comm_of_value(__u32 i, struct comm_walk* w) {
  struct scratch* sc = scratch_buf();
  if (!sc || i > 6) return 1;
  if (!(w->pid_args & (1u << i))) return 0;
  struct sct_rec_hdr* h = (void*)sc->data;
  __u64 raw = (__u64)h->ret;
  __u32 k = i;
  BARRIER_VAR(k);
  if (k < 6) raw = h->args[k];
  __s32 v = (__s32)raw;
  if (v <= 0 || (__u32)v == w->tid) return 0;
  __u64 o = w->off;
  BARRIER_VAR(o);
  if (!ROOM(o)) return 1;
  struct sct_cap_hdr* c = (void*)&sc->data[o];
  int r = comm_of_pid(v, &sc->data[o + sizeof *c]);
  if (r < 0) return 0;
  c->addr = (__u32)v;
  c->flags = SCT_CAP_COMM;
  c->len = r ? 16 : 0;
  w->off = o + sizeof *c + (r ? 16 : 0);
  return 0;
}

/* At exit: the current comm, and that of each task a pid value names (bit i
 * of pid_args: args[i]; SCT_PID_RET: the return value). Global: verified
 * once per program. */
__noinline int cap_comms_exit(struct scratch* sc, __u32 off, __u32 pid_args) {
  __u64 o = off;
  BARRIER_VAR(o);
  if (!sc || !ROOM(o)) return off;
  struct sct_rec_hdr* h = (void*)sc->data;
  struct sct_cap_hdr* c = (void*)&sc->data[o];
  bpf_get_current_comm(&sc->data[o + sizeof *c], 16);
  c->addr = h->tid;
  c->flags = SCT_CAP_COMM;
  c->len = 16;
  struct comm_walk w = {.off = o + sizeof *c + 16, .pid_args = pid_args, .tid = h->tid};
  if (pid_args) bpf_loop(7, comm_of_value, &w, 0);
  return w.off;
}

/* A task's end (SCT_REC_EXIT) with its last comm: "+++ exited" takes it
 * as its prefix, when the task may be long reaped (an execve that was not
 * traced renamed it). */
struct exit_rec {
  struct sct_rec_hdr h;
  struct sct_cap_hdr c;
  char comm[16];
};

static __always_inline void emit_exit_with_comm(const struct sct_rec_hdr* h, struct task_struct* p) {
  struct exit_rec r = {};
  r.h = *h;
  r.h.size = sizeof r;
  r.c.addr = h->tid;
  r.c.len = sizeof r.comm;
  r.c.flags = SCT_CAP_COMM;
  bpf_probe_read_kernel_str(r.comm, sizeof r.comm, KREAD_PTR_COMM(p));
  emit(&r, sizeof r, BPF_RB_FORCE_WAKEUP);
}

/* A signal record's sender (si_pid, at byte 16 of the siginfo for the
 * signals that have one: kill, sigqueue, SIGCHLD), alive when the signal is
 * sent or delivered and perhaps gone when its line is printed. */
static __always_inline void sender_comm(struct comm_cap* out, const __u8* info) {
  __s32 pid = *(const __s32*)(info + 16);
  out->c.addr = (__u32)pid;
  out->c.flags = SCT_CAP_COMM;
  out->c.len = 0;
  int r = pid > 0 ? comm_of_pid(pid, out->comm) : -1;
  /* Unknown here: a capture of another kind (none), which user space skips. */
  if (r < 0) out->c.flags = 0, out->c.addr = 0;
  if (r > 0) out->c.len = sizeof out->comm;
}

/* The comms the entry took (SCT_CAP_COMM_ENTRY): for a syscall record, and
 * for the announcement of a call that blocks (SCT_REC_BLOCKED), which shows
 * its entry while the task sleeps. */
static __always_inline __u32 capture_comms_entry(struct scratch* sc, __u32 off, const struct sct_entry_comms* e) {
  struct sct_rec_hdr* h = (void*)sc->data;
  off = put_comm(sc, off, h->tid, SCT_CAP_COMM_ENTRY, e->own);
  if (e->arg_pid > 0) off = put_comm(sc, off, (__u32)e->arg_pid, SCT_CAP_COMM_ENTRY, e->arg_found ? e->arg : 0);
  return off;
}

/* The comms of a syscall record, after its captures at off. */
static __always_inline __u32 capture_comms_exit(struct scratch* sc, __u32 off, const struct sct_entry_comms* e,
                                                __u8 pid_args) {
  off = capture_comms_entry(sc, off, e);
  return cap_comms_exit(sc, off, pid_args);
}

#endif
