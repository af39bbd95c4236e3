/* Loading progs/sctrace.bpf.c through its light skeleton (bpftool gen
 * skeleton -L), behind a small C interface.
 *
 * Why a light skeleton: libbpf's ordinary loader parses the kernel's whole
 * BTF in user space (5.5 MB, 127k types: 60 ms idle, 200 ms on a busy
 * machine here) to find the tp_btf attach points and apply CO-RE
 * relocations. The light skeleton runs a small loader program in the kernel
 * instead, which looks both up in the BTF the kernel already holds.
 * Why C: the generated header relies on GNU C (arithmetic on void *,
 * implicit void * conversions) that C++ refuses.
 */
#ifndef SCTRACE_BPF_LOADER_H
#define SCTRACE_BPF_LOADER_H

#include <linux/types.h>
#include <stddef.h>

#include "backend/bpf/progs/records.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The programs' read-only settings (the .rodata of sctrace.bpf.c), fixed at load. */
struct sct_bpf_config {
  __u8 follow_forks;
  __u8 counts_only;
  __u8 have_comms;
  __u8 trace_unknown;
  __u8 track_last_nr; /* -n: note every syscall's number, traced or not */
  __u8 notice_blocking; /* announce traced calls that sleep (SCT_REC_BLOCKED) */
  __u64 wake_threshold;
  __u64 traced_bits[SCT_MAX_SYSCALLS / 64];
  __u32 ring_size; /* bytes, a power of two */
  __u8 capture_comms; /* -Y: comms with each record (progs/comm_capture.h) */
  /* Descriptor identities (progs/fd_identity.h): 0 none, 1 the new
   * descriptors calls return, 2 also descriptor arguments at entry. */
  __u8 fd_identity;
};

#define SCT_BPF_MAX_PROGS 8

/* What user space needs of the loaded object. */
struct sct_bpf {
  void* skel;
  int raw_tp;   /* the raw-tracepoint programs (fallback) rather than tp_btf */
  int batching; /* syscall records sent in per-CPU batches (sched_switch attached) */
  int follow_forks; /* sched_process_fork attached (-f) */
  int tracked_fd, comms_fd, plans_fd, counts_fd, events_fd;
  int inflight_fd; /* keyed by tid (raw_tp) or by a pidfd (tp_btf: task storage) */
  volatile __u64* lost_events; /* the programs' counter, mapped */
  int flush_prog_fd; /* flush_idle_batch: run on a CPU, sends its batch */
  int nprogs;
  int prog_fds[SCT_BPF_MAX_PROGS];
  const char* prog_names[SCT_BPF_MAX_PROGS];
};

/* Creates the maps and loads the programs: 0, or -errno with a message in
 * err. log/log_size: where the verifier's log goes (NULL: nowhere).
 * The tp_btf programs first; where the kernel refuses them, the same
 * programs on raw tracepoints (SCTRACE_BPF_FORCE_RAW_TP=1: those only).
 * SCTRACE_BPF_NO_BATCH=1: one ring-buffer sample per record. */
int sct_bpf_load(const struct sct_bpf_config* config, struct sct_bpf* out, char* log, size_t log_size, char* err,
                 size_t err_size);

/* Attaches the programs (those watching signals, and sched_switch that
 * sends batches, only when streaming records rather than counting):
 * 0 or -errno. */
int sct_bpf_attach(struct sct_bpf* bpf, int streaming);

/* Sends the records waiting in every CPU's batch (runs flush_idle_batch
 * on each CPU): for when no record came for a while, and before the last
 * read of the ring. Returns how many CPUs it ran on. */
int sct_bpf_flush_batches(struct sct_bpf* bpf);

/* Detaches and unloads (safe on a failed load). */
void sct_bpf_destroy(struct sct_bpf* bpf);

#ifdef __cplusplus
}
#endif

#endif
