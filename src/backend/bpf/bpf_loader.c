/* See bpf_loader.h. */
#include "backend/bpf/bpf_loader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bpf/sctrace.lskel.h"

int sct_bpf_load(const struct sct_bpf_config* config, struct sct_bpf* out, char* log, size_t log_size, char* err,
                 size_t err_size) {
  memset(out, 0, sizeof *out);
  struct sctrace_bpf* skel = sctrace_bpf__open();
  if (!skel) {
    int e = errno ? errno : ENOMEM;
    snprintf(err, err_size, "opening the BPF programs: %s", strerror(e));
    return -e;
  }
  out->skel = skel;
  skel->rodata->follow_forks = config->follow_forks;
  skel->rodata->counts_only = config->counts_only;
  skel->rodata->have_comms = config->have_comms;
  skel->rodata->trace_unknown = config->trace_unknown;
  skel->rodata->wake_threshold = config->wake_threshold;
  memcpy((void*)skel->rodata->traced_bits, config->traced_bits, sizeof config->traced_bits);
  skel->maps.events.max_entries = config->ring_size;
  if (log && log_size) {
    /* The loader passes these on to every program it loads. */
    log[0] = 0;
    skel->ctx.log_level = 1;
    skel->ctx.log_size = (__u32)log_size;
    skel->ctx.log_buf = (__u64)(unsigned long)log;
  }
  if (sctrace_bpf__load(skel) != 0) {
    int e = errno ? errno : EINVAL;
    snprintf(err, err_size, "loading the BPF programs: %s", strerror(e));
    return -e;
  }
  out->tracked_fd = skel->maps.tracked.map_fd;
  out->comms_fd = skel->maps.comms.map_fd;
  out->plans_fd = skel->maps.plans.map_fd;
  out->counts_fd = skel->maps.counts.map_fd;
  out->events_fd = skel->maps.events.map_fd;
  out->lost_events = &skel->bss->lost_events;
#define SCT_PROG(name)                                     \
  out->prog_fds[out->nprogs] = skel->progs.name.prog_fd;   \
  out->prog_names[out->nprogs++] = #name;
  SCT_PROG(sys_enter)
  SCT_PROG(sys_exit)
  SCT_PROG(sched_fork)
  SCT_PROG(sched_exit)
  SCT_PROG(sig_deliver)
  SCT_PROG(sig_generate)
#undef SCT_PROG
  return 0;
}

int sct_bpf_attach(struct sct_bpf* bpf, int signals) {
  struct sctrace_bpf* skel = (struct sctrace_bpf*)bpf->skel;
  /* Each attach costs ~1 ms (the tracepoint's static key is patched in). */
  int r = sctrace_bpf__sys_enter__attach(skel);
  if (r >= 0) r = sctrace_bpf__sys_exit__attach(skel);
  if (r >= 0) r = sctrace_bpf__sched_fork__attach(skel);
  if (r >= 0) r = sctrace_bpf__sched_exit__attach(skel);
  if (r >= 0 && signals) r = sctrace_bpf__sig_deliver__attach(skel);
  if (r >= 0 && signals) r = sctrace_bpf__sig_generate__attach(skel);
  return r < 0 ? (errno ? -errno : r) : 0;
}

void sct_bpf_destroy(struct sct_bpf* bpf) {
  if (bpf->skel) sctrace_bpf__destroy((struct sctrace_bpf*)bpf->skel);
  bpf->skel = NULL;
}
