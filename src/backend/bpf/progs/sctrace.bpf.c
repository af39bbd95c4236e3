// SPDX-License-Identifier: GPL-2.0
/* The kernel half of the eBPF engine.
 *
 * Why it is shaped this way (DESIGN.md, "Facts measured on these machines"):
 * - tp_btf/sys_enter and tp_btf/sys_exit attach by name (no tracefs) and read
 *   the registers directly; the selection (tid map, --comm names, the
 *   -e trace= bitmap) is decided here so that nothing else costs more than a
 *   map lookup.
 * - This kernel refuses sleepable programs, so user memory is copied without
 *   faulting: at syscall exit, when the kernel itself has just touched it;
 *   only execve's arguments are copied at entry (the old image is gone at exit).
 * - One merged record per syscall, written at exit: the entry half (number,
 *   arguments, time) waits in a per-task map meanwhile.
 * - Ring-buffer wake-ups are batched: user space polls every ~100 ms and is
 *   woken early only when the ring is filling up; waking per event costs
 *   1-3 us here. Records that do not fit are counted, never silent.
 * - -c counts in per-CPU arrays and sends nothing per syscall.
 */
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "records.h"
#include "comm_capture.h"

/* Built twice (cmake/bpf.cmake): with tp_btf programs, and with -DSCT_RAW_TP
 * for kernels that cannot attach those (the loader falls back on it, or
 * SCTRACE_BPF_FORCE_RAW_TP=1 chooses it). A raw tracepoint hands its
 * arguments over as plain numbers: kernel memory behind them is read with
 * bpf_probe_read_kernel (task fields with CO-RE: BPF_CORE_READ), and the
 * syscall in flight is kept in a hash map by tid (task-local storage wants a
 * BTF-typed task). */
#ifdef SCT_RAW_TP
#define SCT_TP(name) SEC("raw_tp/" name)
#define KREAD(p, field) BPF_CORE_READ(p, field)
#define CURRENT_TASK() ((struct task_struct*)bpf_get_current_task())
#else
#define SCT_TP(name) SEC("tp_btf/" name)
#define KREAD(p, field) ((p)->field)
#define CURRENT_TASK() bpf_get_current_task_btf()
#endif

char LICENSE[] SEC("license") = "GPL";

/* Keeps the verifier's bounds on v: the compiler may otherwise test one copy
 * of a value and pass another. */
#define BARRIER_VAR(v) asm volatile("" : "+r"(v))

/* Set by user space before load (read-only: the verifier prunes by them). */
const volatile __u8 follow_forks = 0;
const volatile __u8 counts_only = 0;
const volatile __u8 have_comms = 0;
const volatile __u8 trace_unknown = 1;  /* numbers >= SCT_MAX_SYSCALLS */
const volatile __u64 wake_threshold = 1 << 20;
/* Syscall records collected per CPU and sent several at a time (see batch). */
const volatile __u8 batch_records = 1;
/* -n without --seccomp-bpf: note every syscall's number (strace stops at all). */
const volatile __u8 track_last_nr = 0;
/* Streaming: a traced call whose task sleeps in it is announced then
 * (SCT_REC_BLOCKED), as strace prints a call's entry before it blocks. */
const volatile __u8 notice_blocking = 0;
const volatile __u64 traced_bits[SCT_MAX_SYSCALLS / 64] = {};

/* Records that did not fit into the ring buffer. */
__u64 lost_events = 0;

/* struct sct_inflight (records.h): the syscall in flight, per task. */

struct scratch {
  __u8 data[SCT_SCRATCH_SIZE];
};

/* Hash maps are not preallocated: preallocating 64k entries per CPU took
 * a third of the start-up time. */
struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  /* Its buckets are allocated and initialised at creation (a 64k-entry map
   * took 5 ms of the start-up): room for 16k live traced tasks. */
  __uint(max_entries, 16384);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, __u32); /* tid */
  __type(value, __u8);
} tracked SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 64);
  __type(key, char[16]);
  __type(value, __u8);
} comms SEC(".maps");

/* The syscall in flight, per task: task-local storage, freed with the task,
 * and no hashing on the hot path. */
#ifdef SCT_RAW_TP
struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 16384); /* as tracked */
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, __u32); /* tid; deleted at the task's exit */
  __type(value, struct sct_inflight);
} inflight SEC(".maps");

static __always_inline struct sct_inflight* inflight_of(__u32 tid) { return bpf_map_lookup_elem(&inflight, &tid); }

static __always_inline struct sct_inflight* inflight_of_task(struct task_struct* task, __u32 tid) {
  return bpf_map_lookup_elem(&inflight, &tid);
}

static __always_inline struct sct_inflight* inflight_new(__u32 tid) {
  struct sct_inflight zero = {};
  bpf_map_update_elem(&inflight, &tid, &zero, BPF_NOEXIST);
  return bpf_map_lookup_elem(&inflight, &tid);
}
#else
struct {
  __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, int);
  __type(value, struct sct_inflight);
} inflight SEC(".maps");

static __always_inline struct sct_inflight* inflight_of(__u32 tid) {
  return bpf_task_storage_get(&inflight, bpf_get_current_task_btf(), 0, 0);
}

static __always_inline struct sct_inflight* inflight_of_task(struct task_struct* task, __u32 tid) {
  return bpf_task_storage_get(&inflight, task, 0, 0);
}

static __always_inline struct sct_inflight* inflight_new(__u32 tid) {
  return bpf_task_storage_get(&inflight, bpf_get_current_task_btf(), 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
}
#endif

struct {
  __uint(type, BPF_MAP_TYPE_ARRAY);
  __uint(max_entries, SCT_MAX_SYSCALLS);
  __type(key, __u32);
  __type(value, struct sct_plan);
} plans SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, SCT_MAX_SYSCALLS);
  __type(key, __u32);
  __type(value, struct sct_count);
} counts SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct scratch);
} scratch SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 4 << 20); /* resized by user space (--bpf-buffer) */
} events SEC(".maps");

/* Syscall records waiting to be sent, per CPU. Each bpf_ringbuf_output takes
 * the ring's spinlock with interrupts off, which costs much of the
 * per-syscall time in these VMs: a batch sends ~50 storm records at once.
 * A batch is sent when it is nearly full, before any other record (so that
 * each task's records keep their order: forks, exits, signals, execve), and
 * when its CPU switches tasks (sched_switch): records never wait while their
 * task blocks, and a task cannot move to another CPU ahead of them. */
struct batch {
  __u32 len;  /* bytes in data */
  __u32 nrec; /* records in data (lost together) */
  /* Set while a program of this CPU changes the batch: flush_idle_batch
   * runs in an interrupt (user space's test run on this CPU) and may land
   * in the middle; it leaves a busy batch alone. */
  __u32 busy;
  __u8 data[SCT_BATCH_SIZE + SCT_BATCH_REC_MAX];
};

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct batch);
} batch SEC(".maps");

static __always_inline int selected(__u32 tid) {
  if (bpf_map_lookup_elem(&tracked, &tid)) return 1;
  if (have_comms) {
    char comm[16] = {};
    bpf_get_current_comm(comm, sizeof comm);
    if (bpf_map_lookup_elem(&comms, comm)) return 1;
  }
  return 0;
}

static __always_inline int traced(long nr) {
  if (nr < 0 || nr >= SCT_MAX_SYSCALLS) return trace_unknown;
  __u64 n = (__u64)nr;
  return (traced_bits[(n / 64) & (SCT_MAX_SYSCALLS / 64 - 1)] >> (n & 63)) & 1;
}

static __always_inline __u64 wake_flags(void) {
  return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wake_threshold ? BPF_RB_FORCE_WAKEUP
                                                                         : BPF_RB_NO_WAKEUP;
}


static __always_inline struct batch* batch_buf(void) {
  __u32 zero = 0;
  return bpf_map_lookup_elem(&batch, &zero);
}

/* Sends this CPU's waiting records. */
static __always_inline void flush_batch(struct batch* b) {
  if (!b || !b->len || *(volatile __u32*)&b->busy) return;
  *(volatile __u32*)&b->busy = 1;
  asm volatile("" ::: "memory");
  __u64 flags = wake_flags();
  __u64 len = b->len;
  BARRIER_VAR(len);
  if (len <= SCT_BATCH_SIZE) {
    BARRIER_VAR(len);
    if (bpf_ringbuf_output(&events, b->data, len, flags) != 0) __sync_fetch_and_add(&lost_events, b->nrec);
  }
  b->len = 0;
  b->nrec = 0;
  asm volatile("" ::: "memory");
  *(volatile __u32*)&b->busy = 0;
}

/* Sends one record now, after the records waiting on this CPU. */
static __always_inline void emit(void* data, __u64 size, __u64 flags) {
  if (batch_records) flush_batch(batch_buf());
  BARRIER_VAR(size);
  if (size > SCT_SCRATCH_SIZE) return;
  BARRIER_VAR(size);
  if (bpf_ringbuf_output(&events, data, size, flags) != 0) __sync_fetch_and_add(&lost_events, 1);
}

/* A syscall record: added to this CPU's batch when it is small, else sent. */
static __always_inline void emit_batched(void* data, __u32 size) {
  struct batch* b = batch_records ? batch_buf() : 0;
  if (!b || size > SCT_BATCH_REC_MAX || !size) {
    emit(data, size, wake_flags());
    return;
  }
  if (*(volatile __u32*)&b->busy) {
    /* Only an interrupt on this CPU gets here with the batch busy. */
    emit(data, size, wake_flags());
    return;
  }
  __u32 at = b->len;
  BARRIER_VAR(at);
  if (at > SCT_BATCH_SIZE - SCT_BATCH_REC_MAX) {
    flush_batch(b);
    at = 0;
  }
  *(volatile __u32*)&b->busy = 1;
  asm volatile("" ::: "memory");
  __u64 n = size, o = at;
  BARRIER_VAR(o);
  if (o > SCT_BATCH_SIZE - SCT_BATCH_REC_MAX) goto done;
  /* For the verifier, which loses the bound above through register copies:
   * the mask keeps o below SCT_BATCH_SIZE (data has REC_MAX of slack). */
  o &= SCT_BATCH_SIZE - 1;
  BARRIER_VAR(n);
  if (n > SCT_BATCH_REC_MAX) goto done;
  BARRIER_VAR(n);
  if (bpf_probe_read_kernel(&b->data[o], n, data) != 0) goto done;
  b->len = at + size;
  b->nrec++;
done:
  asm volatile("" ::: "memory");
  *(volatile __u32*)&b->busy = 0;
  if (b->len > SCT_BATCH_SIZE - SCT_BATCH_REC_MAX) flush_batch(b);
}

/* Room for one more capture (header + SCT_CAP_MAX bytes) at off. */
#define ROOM(off) ((off) <= SCT_SCRATCH_SIZE - SCT_CAP_MAX - sizeof(struct sct_cap_hdr))
#define ALIGN8(n) (((n) + 7) & ~7u)

/* The capture functions are global (not inlined) so that the verifier checks
 * each once, not once per argument and path: inlined, six arguments times
 * every kind exceed its million-instruction budget. Each takes the offset of
 * the next capture and returns the offset after it (unchanged when nothing
 * could be copied); user space reads captures until the record's end. */

/* Writes the capture header for len bytes just copied at off. */
static __always_inline __u32 close_cap(struct scratch* sc, __u32 off, __u64 addr, __u32 len, __u32 flags) {
  struct sct_cap_hdr* c = (void*)&sc->data[off];
  c->addr = addr;
  c->len = len;
  c->flags = flags;
  return off + sizeof(struct sct_cap_hdr) + ALIGN8(len);
}

/* One argument: a NUL-terminated string of at most size bytes (SCT_CAP_STR),
 * exactly len bytes (BUF_*), or a struct of size bytes, smaller when its
 * tail is unmapped (FIXED). */
/* BPF functions take five arguments: kind and size share one (kind << 16 | size). */
#define KIND_SIZE(kind, size) (((__u32)(kind) << 16) | ((size)&0xffff))

__noinline int cap_arg(struct scratch* sc, __u32 off, __u32 kind_size, __u64 addr, __u64 len) {
  __u32 kind = kind_size >> 16, size = kind_size & 0xffff;
  __u64 o = off;
  BARRIER_VAR(o);
  if (!sc || !addr || !ROOM(o)) return off;
  BARRIER_VAR(o);
  off = o;
  /* Not a user address (a length, a flag word): a failed copy takes a fault
   * and its fix-up, which costs microseconds in these VMs. */
  if (addr < 65536 || addr >= 0x800000000000ull) return off;
  if (size > SCT_CAP_MAX) size = SCT_CAP_MAX;
  __u8* dst = &sc->data[off + sizeof(struct sct_cap_hdr)];
  if (kind == SCT_CAP_STR) {
    long got = bpf_probe_read_user_str(dst, size, (void*)addr);
    if (got <= 0) return off;
    /* got == size: the string was cut (its last byte replaced by the NUL). */
    if (got >= size) return close_cap(sc, off, addr, (__u32)got - 1, SCT_CAP_TRUNCATED);
    return close_cap(sc, off, addr, (__u32)got, 0);
  }
  if (kind == SCT_CAP_BUF_ARG || kind == SCT_CAP_BUF_RET) {
    if (len > size) len = size;
    if (!len || bpf_probe_read_user(dst, (__u32)len, (void*)addr) != 0) return off;
    return close_cap(sc, off, addr, (__u32)len, 0);
  }
  if (kind == SCT_CAP_FIXED || kind == SCT_CAP_STACK) {
    __u32 fl = kind == SCT_CAP_STACK ? SCT_CAP_AT_SP : 0;
    if (size && bpf_probe_read_user(dst, size, (void*)addr) == 0) return close_cap(sc, off, addr, size, fl);
    if (size > 64 && bpf_probe_read_user(dst, 64, (void*)addr) == 0) return close_cap(sc, off, addr, 64, fl);
    if (size > 8 && bpf_probe_read_user(dst, 8, (void*)addr) == 0) return close_cap(sc, off, addr, 8, fl);
  }
  return off;
}

/* Reads the 8 bytes at byte at of the scratch record (0 beyond it). */
static __always_inline __u64 scratch_u64(struct scratch* sc, __u32 at) {
  BARRIER_VAR(at);
  if (at > SCT_SCRATCH_SIZE - 8) return 0;
  return *(__u64*)&sc->data[at];
}

static __always_inline struct scratch* scratch_buf(void) {
  __u32 zero = 0;
  return bpf_map_lookup_elem(&scratch, &zero);
}

#define SCT_COMM_CAPTURE_FUNCS
#include "comm_capture.h"

/* The iovec loop's state: under bpf_loop, whose callback the verifier
 * checks once (as a bounded loop it cost 14k instructions per program). */
struct iov_walk {
  __u32 off;   /* of the next capture */
  __u32 first; /* of the captured iovec array */
  __u32 size;  /* bytes per buffer at most */
  __u32 pad;
  __u64 limit; /* bytes in all at most */
};

/* Copies the buffer of iovec i. */
static long iov_buffer(__u32 i, struct iov_walk* w) {
  struct scratch* sc = scratch_buf();
  if (!sc || !w->limit) return 1;
  __u64 base = scratch_u64(sc, w->first + i * 16);
  __u64 len = scratch_u64(sc, w->first + i * 16 + 8);
  if (len > w->limit) len = w->limit;
  w->limit -= len;
  w->off = cap_arg(sc, w->off, KIND_SIZE(SCT_CAP_BUF_ARG, w->size), base, len);
  return 0;
}

/* An iovec array of count elements, then each buffer: at most size bytes of
 * each, and at most limit bytes in all (readv: the return value).
 * count_size: count << 16 | size. */
__noinline int cap_iov(struct scratch* sc, __u32 off, __u64 addr, __u32 count_size, __u64 limit) {
  __u32 count = count_size >> 16, size = count_size & 0xffff;
  if (count > SCT_IOV_MAX) count = SCT_IOV_MAX;
  if (!sc || !count) return off;
  __u32 start = off;
  off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_BUF_ARG, count * 16), addr, count * 16);
  if (off == start) return off;
  struct iov_walk w = {.off = off, .first = start + sizeof(struct sct_cap_hdr), .size = size, .limit = limit};
  bpf_loop(count, iov_buffer, &w, 0);
  return w.off;
}

/* A struct msghdr (56 bytes), then its name, its iovecs (their bytes at most
 * limit in all) and its control buffer. */
__noinline int cap_msghdr(struct scratch* sc, __u32 off, __u64 addr, __u32 size, __u64 limit) {
  if (!sc) return off;
  __u32 start = off;
  off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_BUF_ARG, 56), addr, 56);
  if (off == start) return off;
  __u32 m = start + sizeof(struct sct_cap_hdr);
  __u64 name = scratch_u64(sc, m), namelen = scratch_u64(sc, m + 8) & 0xffffffff;
  __u64 iov = scratch_u64(sc, m + 16), iovlen = scratch_u64(sc, m + 24);
  __u64 control = scratch_u64(sc, m + 32), controllen = scratch_u64(sc, m + 40);
  off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_BUF_ARG, SCT_NAME_MAX), name, namelen);
  if (iovlen > SCT_IOV_MAX) iovlen = SCT_IOV_MAX;
  off = cap_iov(sc, off, iov, ((__u32)iovlen << 16) | (size & 0xffff), limit);
  off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_BUF_ARG, SCT_CONTROL_MAX), control, controllen);
  return off;
}

/* count struct mmsghdr (64 bytes: a msghdr and msg_len), each as cap_msghdr;
 * received ones (recv) count their iovecs' bytes against their msg_len. */
__noinline int cap_mmsg(struct scratch* sc, __u32 off, __u64 addr, __u32 count_size, __u32 recv) {
  __u32 count = count_size >> 16, size = count_size & 0xffff;
  if (count > SCT_MMSG_MAX) count = SCT_MMSG_MAX;
  if (!sc || !count) return off;
  __u32 start = off;
  off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_BUF_ARG, count * 64), addr, count * 64);
  if (off == start) return off;
  __u32 first = start + sizeof(struct sct_cap_hdr);
  for (__u32 i = 0; i < SCT_MMSG_MAX; i++) {
    if (i >= count) break;
    __u64 limit = recv ? (scratch_u64(sc, first + i * 64 + 56) & 0xffffffff) : ~0ull;
    off = cap_msghdr(sc, off, addr + i * 64, size, limit);
  }
  return off;
}

/* clone3's struct clone_args, then what the call wrote through it: the
 * pidfd and the parent's copy of the child's tid ("=> {parent_tid=[TID]}"). */
#define SCT_CLONE_PIDFD 0x1000
#define SCT_CLONE_PARENT_SETTID 0x100000
__noinline int cap_clone_args(struct scratch* sc, __u32 off, __u64 addr, __u32 size) {
  if (!sc) return off;
  __u32 start = off;
  off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_FIXED, size), addr, 0);
  if (off == start) return off;
  __u32 m = start + sizeof(struct sct_cap_hdr);
  __u64 flags = scratch_u64(sc, m), pidfd = scratch_u64(sc, m + 8), parent_tid = scratch_u64(sc, m + 24);
  if (flags & SCT_CLONE_PIDFD) off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_FIXED, 4), pidfd, 0);
  if (flags & SCT_CLONE_PARENT_SETTID) off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_FIXED, 4), parent_tid, 0);
  return off;
}

/* Reads pointer n of a vector captured at off (chunks of 8 pointers, each
 * chunk after its own capture header). */
static __always_inline __u64 vec_ptr(struct scratch* sc, __u32 first, __u32 n) {
  __u32 at = first + (n / 8) * sizeof(struct sct_cap_hdr) + (n / 8) * 64 + (n % 8) * 8;
  if (at > SCT_SCRATCH_SIZE - 8) return 0;
  return *(__u64*)&sc->data[at];
}

/* argv/envp: the pointer array in chunks of 8 until its NULL, then (strv)
 * each string of at most str_size bytes, for at most max_strings elements.
 * Both loops run under bpf_loop, whose callbacks the verifier checks once:
 * as bounded loops it unrolled them, 145k instructions per program, most of
 * the start-up time. */
struct vec_walk {
  __u64 addr;
  __u32 off;   /* of the next capture */
  __u32 first; /* of the first pointer */
  __u32 nptrs;
  __u32 str_size;
};

/* Copies the chunk-th 8 pointers; stops (returns 1) after the NULL or at
 * the end of the mapping. */
static long vec_chunk(__u32 chunk, struct vec_walk* w) {
  struct scratch* sc = scratch_buf();
  __u64 o = w->off;
  BARRIER_VAR(o);
  if (!sc || !ROOM(o)) return 1;
  BARRIER_VAR(o);
  __u32 off = o;
  __u64 at = w->addr + (__u64)chunk * 64;
  __u8* dst = &sc->data[off + sizeof(struct sct_cap_hdr)];
  if (bpf_probe_read_user(dst, 64, (void*)at) != 0) {
    /* The end of a mapping: the one pointer that is readable, if any, ends it. */
    if (bpf_probe_read_user(dst, 8, (void*)at) == 0) {
      w->off = close_cap(sc, off, at, 8, 0);
      w->nptrs++;
    }
    return 1;
  }
  w->off = close_cap(sc, off, at, 64, 0);
  for (int i = 0; i < 8; i++) {
    w->nptrs++;
    if (*(__u64*)(dst + i * 8) == 0) return 1;
  }
  return 0;
}

/* Copies the string pointer i points to. */
static long vec_string(__u32 i, struct vec_walk* w) {
  struct scratch* sc = scratch_buf();
  if (!sc || i >= w->nptrs) return 1;
  __u64 p = vec_ptr(sc, w->first, i);
  if (!p) return 1;
  w->off = cap_arg(sc, w->off, KIND_SIZE(SCT_CAP_STR, w->str_size), p, 0);
  return 0;
}

/* opts: strv << 31 | max_strings << 16 | str_size. */
__noinline int cap_vec(struct scratch* sc, __u32 off, __u64 addr, __u32 opts) {
  __u32 strv = opts >> 31, max_strings = (opts >> 16) & 0x7fff;
  if (!sc || !addr) return off;
  struct vec_walk w = {.addr = addr, .off = off, .first = off + sizeof(struct sct_cap_hdr), .str_size = opts & 0xffff};
  bpf_loop(SCT_ARRAY_MAX / 8, vec_chunk, &w, 0);
  if (strv) bpf_loop(max_strings < SCT_ARRAY_MAX ? max_strings : SCT_ARRAY_MAX, vec_string, &w, 0);
  return w.off;
}

#include "dirent_count.h"

/* Captures argument i of the record in sc after off by its plan p (sp: the
 * stack pointer at entry, for SCT_CAP_STACK); returns the offset after it.
 * Global, so that the verifier checks these branches once, not once per
 * argument (inlined six times they cost it ~18k instructions per program). */
__noinline int cap_one(struct scratch* sc, __u32 off, const struct sct_arg_plan* p, __u32 i, __u64 sp) {
  if (!sc || !p || i > 5) return off;
  struct sct_rec_hdr* h = (void*)sc->data;
  __u64 arg = h->args[i & 7]; /* i <= 5: the mask is for the verifier */
  __u32 kind = p->kind;
  if (kind == SCT_CAP_NONE) return off;
  if (kind >= SCT_CAP_IOV) {
    __s32 la = p->len_arg;
    __u64 count = la >= 0 && la <= 5 ? h->args[la & 7] : 0;
    __u64 ret = h->ret > 0 ? (__u64)h->ret : 0;
    if (kind == SCT_CAP_IOV || kind == SCT_CAP_IOV_RET) {
      if (count > SCT_IOV_MAX) count = SCT_IOV_MAX;
      off = cap_iov(sc, off, arg, ((__u32)count << 16) | p->size, kind == SCT_CAP_IOV ? ~0ull : ret);
    } else if (kind == SCT_CAP_MSGHDR || kind == SCT_CAP_MSGHDR_RET) {
      off = cap_msghdr(sc, off, arg, p->size, kind == SCT_CAP_MSGHDR ? ~0ull : ret);
    } else if (kind == SCT_CAP_MMSGHDR || kind == SCT_CAP_MMSGHDR_RET) {
      /* Only the messages the call handled are shown. */
      if (count > ret) count = ret;
      if (count > SCT_MMSG_MAX) count = SCT_MMSG_MAX;
      off = cap_mmsg(sc, off, arg, ((__u32)count << 16) | p->size, kind == SCT_CAP_MMSGHDR_RET);
    } else if (kind == SCT_CAP_STACK) {
      off = cap_arg(sc, off, KIND_SIZE(kind, p->size), sp, 0);
    } else if (kind == SCT_CAP_CLONE_ARGS) {
      off = cap_clone_args(sc, off, arg, p->size);
    } else if (kind == SCT_CAP_DIRENTS) {
      off = cap_dirents(sc, off, arg, p->size, ret);
    }
    return off;
  }
  if (kind == SCT_CAP_STRV || kind == SCT_CAP_PTRV) {
    __u32 max_strings = p->len_arg > 0 ? p->len_arg : 32;
    off = cap_vec(sc, off, arg, ((__u32)(kind == SCT_CAP_STRV) << 31) | (max_strings << 16) | p->size);
    return off;
  }
  __u64 len = 0;
  if (kind == SCT_CAP_BUF_ARG) {
    __s32 la = p->len_arg;
    if (la < 0 || la > 5) return off;
    len = h->args[la];
  } else if (kind == SCT_CAP_BUF_RET) {
    if (h->ret <= 0) return off;
    len = (__u64)h->ret;
  }
  return cap_arg(sc, off, KIND_SIZE(kind, p->size), arg, len);
}

/* cap_one for the captures taken at entry (capture_plan.cc): execve's
 * strings and vectors, in/out structs, the signal frame. Without the nested
 * kinds (iovecs, msghdrs), which sys_enter's verification then skips (each
 * program verifies and compiles the global functions it reaches). */
__noinline int cap_one_entry(struct scratch* sc, __u32 off, const struct sct_arg_plan* p, __u32 i, __u64 sp) {
  if (!sc || !p || i > 5) return off;
  struct sct_rec_hdr* h = (void*)sc->data;
  __u64 arg = h->args[i & 7];
  __u32 kind = p->kind;
  if (kind == SCT_CAP_STACK) return cap_arg(sc, off, KIND_SIZE(kind, p->size), sp, 0);
  if (kind == SCT_CAP_STRV || kind == SCT_CAP_PTRV) {
    __u32 max_strings = p->len_arg > 0 ? p->len_arg : 32;
    return cap_vec(sc, off, arg, ((__u32)(kind == SCT_CAP_STRV) << 31) | (max_strings << 16) | p->size);
  }
  if (kind == SCT_CAP_STR || kind == SCT_CAP_FIXED) return cap_arg(sc, off, KIND_SIZE(kind, p->size), arg, 0);
  return off;
}

#include "fd_identity.h"

/* Fills the captures of the six argument plans args after the header;
 * returns the record size. */
/* Sets flags on the capture header at at. */
static __always_inline void mark_cap(struct scratch* sc, __u32 at, __u32 flags) {
  BARRIER_VAR(at);
  if (at > SCT_SCRATCH_SIZE - sizeof(struct sct_cap_hdr)) return;
  ((struct sct_cap_hdr*)&sc->data[at])->flags |= flags;
}

/* After a successful execve: its file name and argv strings from the new
 * image's stack, where the kernel has just written them (so they are mapped). */
static __always_inline __u32 capture_exec_strings(struct scratch* sc) {
  struct task_struct* task = CURRENT_TASK();
  struct mm_struct* mm = KREAD(task, mm);
  __u32 off = sizeof(struct sct_rec_hdr), next;
  if (!mm) return off;
  __u64 arg_start = KREAD(mm, arg_start), arg_end = KREAD(mm, arg_end), env_end = KREAD(mm, env_end);
  next = cap_arg(sc, off, KIND_SIZE(SCT_CAP_STR, SCT_CAP_MAX), env_end, 0);
  if (next != off) mark_cap(sc, off, SCT_CAP_EXECFN);
  off = next;
  if (arg_end > arg_start) {
    next = cap_arg(sc, off, KIND_SIZE(SCT_CAP_BUF_ARG, SCT_CAP_MAX), arg_start, arg_end - arg_start);
    if (next != off) mark_cap(sc, off, SCT_CAP_ARGV_STRINGS);
    off = next;
  }
  return off;
}

static __always_inline __u32 capture_all(struct scratch* sc, const struct sct_arg_plan* args, __u64 sp) {
  __u32 off = sizeof(struct sct_rec_hdr);
  for (int i = 0; i < 6; i++) off = cap_one(sc, off, &args[i], i, sp);
  return off;
}

static __always_inline __u32 capture_entry(struct scratch* sc, const struct sct_arg_plan* args, __u64 sp) {
  __u32 off = sizeof(struct sct_rec_hdr);
  for (int i = 0; i < 6; i++) off = cap_one_entry(sc, off, &args[i], i, sp);
  return off;
}

/* The syscall's argument registers and stack pointer. */
struct sys_regs {
  __u64 args[6];
  __u64 sp;
};

static __always_inline void read_regs(struct pt_regs* regs, struct sys_regs* out) {
#ifdef SCT_RAW_TP
  /* x86_64's struct pt_regs is ABI (ptrace's user_regs_struct): no CO-RE. */
  struct pt_regs r;
  if (bpf_probe_read_kernel(&r, sizeof r, regs) != 0) return;
#define R r.
#else
#define R regs->
#endif
  out->args[0] = R di;
  out->args[1] = R si;
  out->args[2] = R dx;
  out->args[3] = R r10;
  out->args[4] = R r8;
  out->args[5] = R r9;
  out->sp = R sp;
#undef R
}

/* The number of the syscall a sys_exit is for (orig_ax). */
static __always_inline long syscall_nr(struct pt_regs* regs) {
#ifdef SCT_RAW_TP
  long nr = -1;
  bpf_probe_read_kernel(&nr, sizeof nr, &regs->orig_ax);
  return nr;
#else
  return regs->orig_ax;
#endif
}

SCT_TP("sys_enter")
int BPF_PROG(sys_enter, struct pt_regs* regs, long id) {
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  __u32 tid = (__u32)pid_tgid;
  if (!traced(id)) {
    if (!track_last_nr) return 0;
    struct sct_inflight* s = have_comms ? 0 : inflight_of(tid);
    if (!s) {
      if (!selected(tid)) return 0;
      s = inflight_new(tid);
      if (!s) return 0;
    }
    s->last_nr = id;
    return 0;
  }
  /* A task with a slot was selected when it got it: without --comm (which is
   * decided anew each call) that spares the tid map's hashing. */
  struct sct_inflight* slot = have_comms ? 0 : inflight_of(tid);
  if (!slot) {
    if (!selected(tid)) return 0;
    slot = inflight_new(tid);
    if (!slot) return 0;
  }
  struct sys_regs r = {};
  if (!counts_only) read_regs(regs, &r);
  struct sct_inflight in = {};
  in.nr = id;
  in.last_nr = id;
  in.enter_ns = bpf_ktime_get_ns();
  for (int i = 0; i < 6; i++) in.args[i] = r.args[i];
  /* The comms (-Y) are not copied: no cost without -Y. */
  __builtin_memcpy(slot, &in, __builtin_offsetof(struct sct_inflight, comms));
  if (capture_comms) note_entry_comms(slot, tid);
  if (counts_only || id < 0 || id >= SCT_MAX_SYSCALLS) return 0;

  __u32 key = (__u32)id;
  const struct sct_plan* pl = bpf_map_lookup_elem(&plans, &key);
  if (fd_identity > 1 && pl && (pl->fd_args & 0x3f)) fdid_at_entry(pl->fd_args, in.enter_ns);
  if (!pl || !(pl->entry_record || pl->entry_copy)) return 0;
  __u32 zero = 0;
  struct scratch* sc = bpf_map_lookup_elem(&scratch, &zero);
  if (!sc) return 0;
  struct sct_rec_hdr* h = (void*)sc->data;
  __builtin_memset(h, 0, sizeof *h);
  /* Either the whole call is shown from its entry (execve), or its in/out
   * arguments are copied now, before the kernel overwrites them. */
  h->type = pl->entry_record ? SCT_REC_ENTRY : SCT_REC_ENTRY_COPY;
  h->tid = tid;
  h->tgid = pid_tgid >> 32;
  h->nr = id;
  for (int i = 0; i < 6; i++) h->args[i] = in.args[i];
  h->enter_ns = in.enter_ns;
  __u32 size = capture_entry(sc, pl->entry_record ? pl->arg : pl->entry_arg, r.sp);
  if (capture_comms && pl->entry_record) size = capture_comms_exit(sc, size, &slot->comms, 0);
  h->size = size;
  emit(sc->data, size, wake_flags());
  return 0;
}

static __always_inline void count(long nr, __s64 ret, __u64 ns) {
  __u32 key = nr >= 0 && nr < SCT_MAX_SYSCALLS ? (__u32)nr : SCT_MAX_SYSCALLS - 1;
  struct sct_count* c = bpf_map_lookup_elem(&counts, &key);
  if (!c) return;
  c->calls++;
  if (ret < 0 && ret >= -4095) c->errors++;
  c->ns += ns;
  if (ns > c->max_ns) c->max_ns = ns;
}

SCT_TP("sys_exit")
int BPF_PROG(sys_exit, struct pt_regs* regs, long ret) {
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  __u32 tid = (__u32)pid_tgid;
  struct sct_inflight* in = inflight_of(tid);
  if (!in || !in->enter_ns) return 0;
  if (in->announced == SCT_INFLIGHT_SEEDED && syscall_nr(regs) != in->nr) {
    /* Seeded at attach, but the task left that call before the seed was
     * written: this exit is another (untraced) call's. */
    in->enter_ns = 0;
    return 0;
  }
  __u64 now = bpf_ktime_get_ns();
  if (counts_only) {
    count(in->nr, ret, now - in->enter_ns);
    in->enter_ns = 0; /* consumed */
    return 0;
  }
  __u32 zero = 0;
  struct scratch* sc = bpf_map_lookup_elem(&scratch, &zero);
  if (!sc) return 0;
  struct sct_rec_hdr* h = (void*)sc->data;
  __builtin_memset(h, 0, sizeof *h);
  h->type = SCT_REC_SYSCALL;
  h->tid = tid;
  h->tgid = pid_tgid >> 32;
  h->nr = in->nr;
  for (int i = 0; i < 6; i++) h->args[i] = in->args[i];
  h->ret = ret;
  h->enter_ns = in->enter_ns;
  h->exit_ns = now;
  in->enter_ns = 0; /* consumed */
  __u32 size = sizeof(struct sct_rec_hdr);
  const struct sct_plan* pl = 0;
  if (h->nr >= 0 && h->nr < SCT_MAX_SYSCALLS) {
    __u32 key = (__u32)h->nr;
    pl = bpf_map_lookup_elem(&plans, &key);
    if (pl && !pl->entry_record) {
      size = capture_all(sc, pl->arg, 0);
      if (fd_identity && (pl->fd_args || pl->fd_pair_arg))
        size = fdid_at_exit(sc, size, pl->fd_args, pl->fd_pair_arg, h->enter_ns);
    } else if (pl && (h->nr == 59 || h->nr == 322)) {
      /* execve/execveat, shown from entry: where the strings could not be
       * copied then, the exit copies them (a failed call: the old image,
       * whose file name the kernel has just read; else the new one). */
      size = ret < 0 ? capture_all(sc, pl->arg, 0) : capture_exec_strings(sc);
    }
  }
  if (capture_comms) size = capture_comms_exit(sc, size, &in->comms, pl ? pl->pid_args : 0);
  h->size = size;
  emit_batched(sc->data, size);
  return 0;
}

SCT_TP("sched_process_fork")
int BPF_PROG(sched_fork, struct task_struct* parent, struct task_struct* child) {
  if (!follow_forks) return 0;
  __u32 ptid = KREAD(parent, pid);
  if (!bpf_map_lookup_elem(&tracked, &ptid)) return 0;
  __u32 ctid = KREAD(child, pid);
  __u8 one = 1;
  bpf_map_update_elem(&tracked, &ctid, &one, BPF_ANY);
  struct sct_rec_hdr h = {};
  h.type = SCT_REC_FORK;
  h.size = sizeof h;
  h.tid = ptid;
  h.tgid = KREAD(parent, tgid);
  h.nr = ctid;
  h.enter_ns = bpf_ktime_get_ns();
  /* The parent (current) is inside its clone/fork/vfork: its number + 1,
   * arguments and entry time, so that user space can show the call from
   * its entry, before the child's lines, as strace does. */
  struct sct_inflight* slot = inflight_of(ptid);
  if (slot && slot->enter_ns) {
    h.ret = slot->nr + 1;
    for (int i = 0; i < 6; i++) h.args[i] = slot->args[i];
    h.exit_ns = slot->enter_ns;
  }
  emit(&h, sizeof h, wake_flags());
  return 0;
}

SCT_TP("sched_process_exit")
int BPF_PROG(sched_exit, struct task_struct* p) {
  __u32 tid = KREAD(p, pid);
  if (!bpf_map_lookup_elem(&tracked, &tid)) return 0;
  bpf_map_delete_elem(&tracked, &tid);
  /* The task's own context: its last syscall, for -n's "[NR] +++ exited". */
  struct sct_inflight* slot = inflight_of(tid);
  __u64 last = slot ? slot->last_nr + 1 : 0;
#ifdef SCT_RAW_TP
  bpf_map_delete_elem(&inflight, &tid);
#endif
  fdid_forget(tid);
  struct sct_rec_hdr h = {};
  h.args[1] = last;
  h.type = SCT_REC_EXIT;
  h.size = sizeof h;
  h.tid = tid;
  h.tgid = KREAD(p, tgid);
  h.nr = KREAD(p, exit_code);
  h.enter_ns = bpf_ktime_get_ns();
  /* Wake user space at once: the end of a task may be the end of the trace. */
  if (capture_comms) {
    emit_exit_with_comm(&h, p);
    return 0;
  }
  emit(&h, sizeof h, BPF_RB_FORCE_WAKEUP);
  return 0;
}

struct sig_rec {
  struct sct_rec_hdr h;
  __u8 info[SCT_SIGINFO_SIZE];
  struct comm_cap sender; /* -Y only (sent with capture_comms) */
};

/* last: the task's last syscall number + 1 (0: unknown), for -n. */
static __always_inline void emit_signal(__u32 tid, __u32 tgid, int sig, struct kernel_siginfo* info, __u32 how,
                                        __u64 last) {
  struct sig_rec r = {};
  r.h.args[1] = last;
  r.h.type = SCT_REC_SIGNAL;
  r.h.size = sizeof r;
  r.h.tid = tid;
  r.h.tgid = tgid;
  r.h.nr = sig;
  r.h.args[0] = how;
  r.h.enter_ns = bpf_ktime_get_ns();
  /* SEND_SIG_NOINFO (0) and SEND_SIG_PRIV (1) are not pointers: a signal from
   * kill() without info, or from the kernel. */
  if ((unsigned long)info > 1) {
    bpf_probe_read_kernel(r.info, sizeof r.info, info);
  } else {
    int* f = (int*)r.info;
    f[0] = sig;
    if (info) {
      f[2] = 0x80; /* SI_KERNEL */
    } else {
      f[2] = 0; /* SI_USER, from the current task */
      f[4] = bpf_get_current_pid_tgid() >> 32;
      f[5] = (__u32)bpf_get_current_uid_gid();
    }
  }
  if (capture_comms) {
    sender_comm(&r.sender, r.info);
    emit(&r, sizeof r, wake_flags());
    return;
  }
  r.h.size = __builtin_offsetof(struct sig_rec, sender);
  emit(&r, __builtin_offsetof(struct sig_rec, sender), wake_flags());
}

SCT_TP("signal_deliver")
int BPF_PROG(sig_deliver, int sig, struct kernel_siginfo* info, struct k_sigaction* ka) {
  __u64 pid_tgid = bpf_get_current_pid_tgid();
  __u32 tid = (__u32)pid_tgid;
  if (!selected(tid)) return 0;
  struct sct_inflight* slot = inflight_of(tid);
  /* Its default action: a stop signal's is a group-stop (strace's
   * "--- stopped by SIGSTOP ---"). */
  __u32 how = SCT_SIG_DELIVERED;
  if (ka && KREAD(ka, sa.sa_handler) == 0) how = SCT_SIG_DELIVERED_DEFAULT;
  emit_signal(tid, pid_tgid >> 32, sig, info, how, slot ? slot->last_nr + 1 : 0);
  return 0;
}

SCT_TP("signal_generate")
int BPF_PROG(sig_generate, int sig, struct kernel_siginfo* info, struct task_struct* task, int group, int result) {
  if (result != TRACE_SIGNAL_IGNORED && result != TRACE_SIGNAL_DELIVERED) return 0;
  __u32 tid = KREAD(task, pid);
  if (!bpf_map_lookup_elem(&tracked, &tid)) return 0;
  struct sct_inflight* slot = inflight_of_task(task, tid);
  emit_signal(tid, KREAD(task, tgid), sig, info, result == TRACE_SIGNAL_IGNORED ? SCT_SIG_IGNORED : SCT_SIG_GENERATED,
              slot ? slot->last_nr + 1 : 0);
  return 0;
}

/* Run by user space on each CPU (a test run, BPF_F_TEST_RUN_ON_CPU) when no
 * record came for a while, and before it stops: a task that made a syscall
 * and then computes, alone on its CPU, never switches out, and its last
 * records would otherwise wait in the batch (or be lost when sctrace
 * detaches). Never attached. */
SEC("raw_tp/sys_enter") /* a name for bpftool; the program is never attached */
int flush_idle_batch(void* ctx) {
  flush_batch(batch_buf());
  return 0;
}

/* prev (still current) goes to sleep: if it is inside a traced call not yet
 * shown, announce the call with its entry captures. A ptrace tracer prints
 * a call's entry before the call blocks ("read(0, "): without this, a call
 * that waits (a read from a terminal, a wait4, a futex) would show nothing
 * until it returns, and strace's "<unfinished ...>" would never appear.
 * Calls that do not sleep cost nothing here: they never switch out. */
static __always_inline void announce_blocked(struct task_struct* prev) {
  __u32 tid = KREAD(prev, pid);
  struct sct_inflight* in = inflight_of_task(prev, tid);
  if (!in || !in->enter_ns || in->announced) return;
  in->announced = SCT_INFLIGHT_ANNOUNCED;
  __s64 nr = in->nr;
  if (nr < 0 || nr >= SCT_MAX_SYSCALLS) return;
  __u32 key = (__u32)nr;
  const struct sct_plan* pl = bpf_map_lookup_elem(&plans, &key);
  if (!pl || pl->entry_record) return; /* shown from its entry already (execve) */
  struct scratch* sc = scratch_buf();
  if (!sc) return;
  struct sct_rec_hdr* h = (void*)sc->data;
  __builtin_memset(h, 0, sizeof *h);
  h->type = SCT_REC_BLOCKED;
  h->tid = tid;
  h->tgid = KREAD(prev, tgid);
  h->nr = nr;
  for (int i = 0; i < 6; i++) h->args[i] = in->args[i];
  h->enter_ns = in->enter_ns;
  /* The exit plan, before the call has written anything: its inputs (paths,
   * buffers to write) are as at entry; outputs sized by the result are not
   * copied (ret is 0). prev is current: its user memory is readable. */
  __u32 size = capture_all(sc, pl->arg, 0);
  if (capture_comms) size = capture_comms_entry(sc, size, &in->comms);
  h->size = size;
  emit(sc->data, size, wake_flags());
}

/* A CPU switching tasks sends the records its batch holds (see batch). */
SCT_TP("sched_switch")
int BPF_PROG(sched_switch, bool preempt, struct task_struct* prev, struct task_struct* next,
             unsigned int prev_state) {
  struct batch* b = batch_buf();
  if (b && b->len) flush_batch(b);
  /* Asleep (not preempted, not runnable): blocked in the kernel. */
  if (notice_blocking && !preempt && prev_state != 0) announce_blocked(prev);
  return 0;
}
