/* getdents/getdents64 (SCT_CAP_DIRENTS): strace prints the number of entries
 * the call returned (a "208 entries" comment), counted over all ret bytes,
 * which may be far more than one capture holds (SCT_CAP_MAX: a python
 * start-up reads 6944 bytes of one directory). The kernel counts them here
 * instead, walking d_reclen through the tracee's buffer, which the call has
 * just written (so it is mapped), and sends the count as an SCT_CAP_COUNT
 * capture. Both layouts keep d_reclen at byte 16 of an entry.
 * Included by sctrace.bpf.c after the capture helpers (cap_arg, ROOM). */
#ifndef SCTRACE_DIRENT_COUNT_H
#define SCTRACE_DIRENT_COUNT_H

struct dirent_walk {
  __u64 addr; /* the buffer */
  __u64 pos;  /* of the next entry */
  __u64 end;  /* ret */
  __u64 n;    /* entries so far */
};

/* One entry (bpf_loop's callback: verified once): counted as the decoders
 * count, while its fixed part (18 bytes) lies within the buffer. */
static long dirent_step(__u32 i, struct dirent_walk* w) {
  if (w->pos + 18 > w->end) return 1;
  __u16 reclen = 0;
  if (bpf_probe_read_user(&reclen, sizeof reclen, (void*)(w->addr + w->pos + 16)) != 0) return 1;
  w->n++;
  if (!reclen) return 1;
  w->pos += reclen;
  return 0;
}

/* min(ret, size) bytes of the buffer (none with size 0: the line shows only
 * the count), then the count when those are not all of it. */
__noinline int cap_dirents(struct scratch* sc, __u32 off, __u64 addr, __u32 size, __u64 ret) {
  if (!sc || !addr || !ret) return off;
  __u32 start = off;
  if (size) off = cap_arg(sc, off, KIND_SIZE(SCT_CAP_BUF_ARG, size), addr, ret);
  if (ret <= size && off != start) return off;
  struct dirent_walk w = {.addr = addr, .end = ret};
  /* Entries take 24 bytes at least. */
  __u64 steps = ret / 24 + 1;
  if (steps > SCT_DIRENTS_MAX) steps = SCT_DIRENTS_MAX;
  bpf_loop(steps, dirent_step, &w, 0);
  __u64 o = off;
  BARRIER_VAR(o);
  if (!ROOM(o)) return off;
  struct sct_cap_hdr* c = (void*)&sc->data[o];
  c->addr = addr;
  c->len = 8;
  c->flags = SCT_CAP_COUNT;
  *(__u64*)&sc->data[o + sizeof *c] = w.n;
  return o + sizeof *c + 8;
}

#endif
