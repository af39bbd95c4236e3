/* See bpf_loader.h. */
#include "backend/bpf/bpf_loader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpf/sctrace.lskel.h"
#include "bpf/sctrace_raw.lskel.h"

/* The two skeletons (tp_btf and raw tracepoints) have the same maps and
 * programs under different type names: one body for both. */
#define SCT_DEFINE_LOADER(skel_t)                                                                          \
  static int load_##skel_t(const struct sct_bpf_config* config, struct sct_bpf* out, char* log,           \
                           size_t log_size, char* err, size_t err_size) {                                  \
    struct skel_t* skel = skel_t##__open();                                                                \
    if (!skel) {                                                                                           \
      int e = errno ? errno : ENOMEM;                                                                      \
      snprintf(err, err_size, "opening the BPF programs: %s", strerror(e));                                \
      return -e;                                                                                           \
    }                                                                                                      \
    out->skel = skel;                                                                                      \
    skel->rodata->follow_forks = config->follow_forks;                                                     \
    skel->rodata->counts_only = config->counts_only;                                                       \
    skel->rodata->have_comms = config->have_comms;                                                         \
    skel->rodata->trace_unknown = config->trace_unknown;                                                   \
    skel->rodata->track_last_nr = config->track_last_nr;                                                   \
    skel->rodata->capture_comms = config->capture_comms;                                                   \
    skel->rodata->notice_blocking = config->notice_blocking;                                               \
    skel->rodata->fd_identity = config->fd_identity;                                                       \
    skel->rodata->wake_threshold = config->wake_threshold;                                                 \
    skel->rodata->batch_records = out->batching;                                                           \
    memcpy((void*)skel->rodata->traced_bits, config->traced_bits, sizeof config->traced_bits);             \
    skel->maps.events.max_entries = config->ring_size;                                                     \
    if (log && log_size) {                                                                                 \
      /* The loader passes these on to every program it loads. */                                          \
      log[0] = 0;                                                                                          \
      skel->ctx.log_level = 1;                                                                             \
      skel->ctx.log_size = (__u32)log_size;                                                                \
      skel->ctx.log_buf = (__u64)(unsigned long)log;                                                       \
    }                                                                                                      \
    if (skel_t##__load(skel) != 0) {                                                                       \
      int e = errno ? errno : EINVAL;                                                                      \
      snprintf(err, err_size, "loading the BPF programs%s: %s", out->raw_tp ? " (raw tracepoints)" : "",   \
               strerror(e));                                                                               \
      return -e;                                                                                           \
    }                                                                                                      \
    out->tracked_fd = skel->maps.tracked.map_fd;                                                           \
    out->comms_fd = skel->maps.comms.map_fd;                                                               \
    out->plans_fd = skel->maps.plans.map_fd;                                                               \
    out->counts_fd = skel->maps.counts.map_fd;                                                             \
    out->events_fd = skel->maps.events.map_fd;                                                             \
    out->inflight_fd = skel->maps.inflight.map_fd;                                                         \
    out->lost_events = &skel->bss->lost_events;                                                            \
    out->flush_prog_fd = skel->progs.flush_idle_batch.prog_fd;                                             \
    out->nprogs = 0;                                                                                       \
    SCT_PROG(sys_enter)                                                                                    \
    SCT_PROG(sys_exit)                                                                                     \
    SCT_PROG(sched_fork)                                                                                   \
    SCT_PROG(sched_exit)                                                                                   \
    SCT_PROG(sig_deliver)                                                                                  \
    SCT_PROG(sig_generate)                                                                                 \
    SCT_PROG(sched_switch)                                                                                 \
    return 0;                                                                                              \
  }                                                                                                        \
  static int attach_##skel_t(struct sct_bpf* bpf, int streaming) {                                         \
    struct skel_t* skel = (struct skel_t*)bpf->skel;                                                       \
    /* Each attach costs ~1 ms (the tracepoint's static key is patched in). */                             \
    int r = skel_t##__sys_enter__attach(skel);                                                             \
    if (r >= 0) r = skel_t##__sys_exit__attach(skel);                                                      \
    if (r >= 0 && bpf->follow_forks) r = skel_t##__sched_fork__attach(skel);                               \
    if (r >= 0) r = skel_t##__sched_exit__attach(skel);                                                    \
    if (r >= 0 && streaming) r = skel_t##__sig_deliver__attach(skel);                                      \
    if (r >= 0 && streaming) r = skel_t##__sig_generate__attach(skel);                                     \
    /* sched_switch: flushes the batches, announces calls that sleep. */                                   \
    if (r >= 0 && streaming) r = skel_t##__sched_switch__attach(skel);                                     \
    return r < 0 ? (errno ? -errno : r) : 0;                                                               \
  }                                                                                                        \
  static void destroy_##skel_t(struct sct_bpf* bpf) { skel_t##__destroy((struct skel_t*)bpf->skel); }

#define SCT_PROG(name)                                   \
  out->prog_fds[out->nprogs] = skel->progs.name.prog_fd; \
  out->prog_names[out->nprogs++] = #name;

SCT_DEFINE_LOADER(sctrace_bpf)
SCT_DEFINE_LOADER(sctrace_raw_bpf)

static int env_set(const char* name) {
  const char* v = getenv(name);
  return v && *v && strcmp(v, "0") != 0;
}

int sct_bpf_load(const struct sct_bpf_config* config, struct sct_bpf* out, char* log, size_t log_size, char* err,
                 size_t err_size) {
  memset(out, 0, sizeof *out);
  /* SCTRACE_BPF_NO_BATCH=1: one ring-buffer sample per record (to measure
   * what batching saves). */
  out->batching = !env_set("SCTRACE_BPF_NO_BATCH");
  out->follow_forks = config->follow_forks;
  /* SCTRACE_BPF_FORCE_RAW_TP=1: the fallback, as on a kernel without tp_btf
   * (how the tests reach it here). */
  if (!env_set("SCTRACE_BPF_FORCE_RAW_TP")) {
    int r = load_sctrace_bpf(config, out, log, log_size, err, err_size);
    if (r == 0) return 0;
    /* tp_btf refused (an older kernel, or attach points it lacks): the raw
     * tracepoints next; their error is reported only if they fail too. */
    sct_bpf_destroy(out);
    int batching = out->batching;
    memset(out, 0, sizeof *out);
    out->batching = batching;
    out->follow_forks = config->follow_forks;
    char first[256];
    snprintf(first, sizeof first, "%s", err);
    out->raw_tp = 1;
    if (load_sctrace_raw_bpf(config, out, log, log_size, err, err_size) == 0) return 0;
    snprintf(err, err_size, "%s", first);
    return r;
  }
  out->raw_tp = 1;
  return load_sctrace_raw_bpf(config, out, log, log_size, err, err_size);
}

int sct_bpf_flush_batches(struct sct_bpf* bpf) {
  if (!bpf->skel || !bpf->batching || bpf->flush_prog_fd <= 0) return 0;
  long ncpus = sysconf(_SC_NPROCESSORS_CONF);
  int ran = 0;
  for (long cpu = 0; cpu < ncpus; ++cpu) {
    union bpf_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.test.prog_fd = (__u32)bpf->flush_prog_fd;
    attr.test.flags = BPF_F_TEST_RUN_ON_CPU;
    attr.test.cpu = (__u32)cpu;
    /* An offline CPU answers ENXIO: it holds nothing. */
    if (skel_sys_bpf(BPF_PROG_TEST_RUN, &attr, sizeof attr) == 0) ++ran;
  }
  return ran;
}

int sct_bpf_attach(struct sct_bpf* bpf, int streaming) {
  return bpf->raw_tp ? attach_sctrace_raw_bpf(bpf, streaming) : attach_sctrace_bpf(bpf, streaming);
}

void sct_bpf_destroy(struct sct_bpf* bpf) {
  if (!bpf->skel) return;
  if (bpf->raw_tp)
    destroy_sctrace_raw_bpf(bpf);
  else
    destroy_sctrace_bpf(bpf);
  bpf->skel = NULL;
}
