/* Descriptor identities (included by sctrace.bpf.c after its maps and
 * capture helpers): what a descriptor argument or result referred to at the
 * call, read from the kernel's struct file, for -y/-yy and -e decode-fds=.
 *
 * Why: strace asks /proc and sock_diag while the tracee is stopped at the
 * call; the eBPF engine decodes records after the fact, when a short
 * program's socket is closed or in a later state (bound, connected), and a
 * pidfd's pid is gone. So the kernel copies the facts those answers are made
 * of (struct sct_fdinfo: a socket's inode, protocol name, state, addresses,
 * ports, a unix socket's peer inode and bound name; a pidfd's pid), and user
 * space formats them with the ptrace engine's code (decode/socket_info).
 *
 * Cost: nothing unless user space sets fd_identity (-y, -yy, decode-fds):
 * 1 reads the descriptors a call returns (socket, accept, socketpair,
 * pidfd_open...), whose identity never changes; 2 also the descriptor
 * arguments at entry (a socket's endpoints change: -yy's socket class).
 * Arguments are read at entry (close's is gone at exit; bind/connect change
 * it) into a per-task slot, and appended to the record at exit. */
#ifndef SCTRACE_BPF_FD_IDENTITY_H
#define SCTRACE_BPF_FD_IDENTITY_H

const volatile __u8 fd_identity = 0;

/* Descriptor arguments read at entry per call (sockets and pidfds only). */
#define SCT_FDID_ARGS 2

struct fdid_slot {
  __u64 enter_ns; /* of the call they belong to */
  __u32 n;
  __u32 pad;
  struct sct_fdinfo fi[SCT_FDID_ARGS];
};

#ifdef SCT_RAW_TP
struct {
  __uint(type, BPF_MAP_TYPE_HASH);
  __uint(max_entries, 16384); /* as tracked */
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, __u32); /* tid; deleted at the task's exit */
  __type(value, struct fdid_slot);
} fdid_entry SEC(".maps");

static __always_inline struct fdid_slot* fdid_slot_of(int create) {
  __u32 tid = (__u32)bpf_get_current_pid_tgid();
  struct fdid_slot* s = bpf_map_lookup_elem(&fdid_entry, &tid);
  if (s || !create) return s;
  __u32 zero = 0;
  /* The new value's bytes (too many for the stack): only its header needs
   * zeroing (n says which identities are valid). */
  struct scratch* sc = bpf_map_lookup_elem(&scratch, &zero);
  if (!sc) return 0;
  __builtin_memset(sc->data, 0, 16);
  bpf_map_update_elem(&fdid_entry, &tid, sc->data, BPF_NOEXIST);
  return bpf_map_lookup_elem(&fdid_entry, &tid);
}

static __always_inline void fdid_forget(__u32 tid) {
  if (fd_identity > 1) bpf_map_delete_elem(&fdid_entry, &tid);
}
#else
struct {
  __uint(type, BPF_MAP_TYPE_TASK_STORAGE);
  __uint(map_flags, BPF_F_NO_PREALLOC);
  __type(key, int);
  __type(value, struct fdid_slot);
} fdid_entry SEC(".maps");

static __always_inline struct fdid_slot* fdid_slot_of(int create) {
  return bpf_task_storage_get(&fdid_entry, bpf_get_current_task_btf(), 0,
                              create ? BPF_LOCAL_STORAGE_GET_F_CREATE : 0);
}

static __always_inline void fdid_forget(__u32 tid) {}
#endif

#define SCT_S_IFMT 00170000
#define SCT_S_IFSOCK 0140000
#define SCT_PID_FS_MAGIC 0x50494446
#define SCT_AF_UNIX 1
#define SCT_AF_INET 2
#define SCT_AF_INET6 10

/* Fills out with what descriptor fd of the current task is, when it is a
 * socket or a pidfd: 1; else (another file, not open) 0. Global: verified
 * once. Everything is read with bpf_probe_read_kernel (BPF_CORE_READ), the
 * same in both program variants. */
__noinline int fdid_read(struct sct_fdinfo* out, __u64 fd) {
  if (!out || fd > 0x7fffffff) return 0;
  struct task_struct* task = (struct task_struct*)bpf_get_current_task();
  struct fdtable* fdt = BPF_CORE_READ(task, files, fdt);
  if (!fdt) return 0;
  if (fd >= BPF_CORE_READ(fdt, max_fds)) return 0;
  struct file** fds = BPF_CORE_READ(fdt, fd);
  struct file* file = 0;
  if (bpf_probe_read_kernel(&file, sizeof file, &fds[fd]) != 0 || !file) return 0;
  struct inode* inode = BPF_CORE_READ(file, f_inode);
  if (!inode) return 0;
  __builtin_memset(out, 0, sizeof *out);
  out->fd = (__s32)fd;
  if ((BPF_CORE_READ(inode, i_mode) & SCT_S_IFMT) != SCT_S_IFSOCK) {
    /* A pidfd: a pidfs file (6.9 on), whose inode holds the struct pid. */
    if (BPF_CORE_READ(inode, i_sb, s_magic) != SCT_PID_FS_MAGIC) return 0;
    struct pid* pid = BPF_CORE_READ(inode, i_private);
    if (!pid) return 0;
    out->kind = SCT_FDID_PIDFD;
    out->pid = BPF_CORE_READ(pid, numbers[0].nr);
    return 1;
  }
  out->kind = SCT_FDID_SOCKET;
  out->ino = BPF_CORE_READ(inode, i_ino);
  struct socket* sock = BPF_CORE_READ(file, private_data);
  struct sock* sk = sock ? BPF_CORE_READ(sock, sk) : 0;
  if (!sk) return 1;
  struct proto* prot = BPF_CORE_READ(sk, __sk_common.skc_prot);
  if (prot) bpf_probe_read_kernel_str(out->proto, sizeof out->proto, __builtin_preserve_access_index(&prot->name));
  __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
  out->family = family;
  out->state = BPF_CORE_READ(sk, __sk_common.skc_state);
  out->type = BPF_CORE_READ(sk, sk_type);
  out->protocol = BPF_CORE_READ(sk, sk_protocol);
  if (family == SCT_AF_INET || family == SCT_AF_INET6) {
    out->sport = BPF_CORE_READ(sk, __sk_common.skc_num);
    out->dport = BPF_CORE_READ(sk, __sk_common.skc_dport);
    if (family == SCT_AF_INET) {
      __u32 s = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr), d = BPF_CORE_READ(sk, __sk_common.skc_daddr);
      __builtin_memcpy(out->src, &s, 4);
      __builtin_memcpy(out->dst, &d, 4);
    } else {
      BPF_CORE_READ_INTO(&out->src, sk, __sk_common.skc_v6_rcv_saddr);
      BPF_CORE_READ_INTO(&out->dst, sk, __sk_common.skc_v6_daddr);
    }
  } else if (family == SCT_AF_UNIX) {
    struct unix_sock* u = (struct unix_sock*)sk;
    struct sock* peer = BPF_CORE_READ(u, peer);
    struct socket* ps = peer ? BPF_CORE_READ(peer, sk_socket) : 0;
    /* SOCK_INODE(): the inode follows the socket in struct socket_alloc. */
    if (ps) out->peer_ino = BPF_CORE_READ((struct socket_alloc*)ps, vfs_inode.i_ino);
    struct unix_address* addr = BPF_CORE_READ(u, addr);
    if (addr) {
      /* The whole sun_path is copied (a fixed size keeps the verifier
       * simple; bytes past the name are not used): path_len says how much
       * is the name. */
      int len = BPF_CORE_READ(addr, len) - 2; /* less sun_family */
      if (len > 0) {
        out->path_len = len > SCT_FDID_PATH_MAX ? SCT_FDID_PATH_MAX : (__u16)len;
        bpf_probe_read_kernel(out->path, SCT_FDID_PATH_MAX,
                              (char*)addr + bpf_core_field_offset(struct unix_address, name) + 2);
      }
    }
  }
  return 1;
}

/* At entry (fd_identity > 1): the socket and pidfd arguments of mask (bits
 * 0-5), at most SCT_FDID_ARGS, kept in the task's slot for the exit. */
__noinline int fdid_at_entry(__u32 mask, __u64 enter_ns) {
  struct sct_inflight* in = inflight_of((__u32)bpf_get_current_pid_tgid());
  if (!in) return 0;
  struct fdid_slot* s = 0;
  __u32 n = 0;
  for (int i = 0; i < 6; i++) {
    if (!(mask & (1u << i))) continue;
    if (!s) {
      s = fdid_slot_of(1);
      if (!s) return 0;
    }
    if (n >= SCT_FDID_ARGS) break;
    n += fdid_read(&s->fi[n & (SCT_FDID_ARGS - 1)], in->args[i & 7] & 0xffffffff);
  }
  if (s) {
    s->n = n;
    s->enter_ns = enter_ns;
  }
  return 0;
}

/* Room for one identity capture at off. */
#define FDID_ROOM(off) ((off) <= SCT_SCRATCH_SIZE - sizeof(struct sct_cap_hdr) - sizeof(struct sct_fdinfo))

/* Appends fi as a capture at off; returns the offset after it. */
static __always_inline __u32 fdid_put(struct scratch* sc, __u32 off, const struct sct_fdinfo* fi, __u32 flags) {
  __u64 o = off;
  BARRIER_VAR(o);
  if (!FDID_ROOM(o)) return off;
  BARRIER_VAR(o);
  __builtin_memcpy(&sc->data[o + sizeof(struct sct_cap_hdr)], fi, sizeof *fi);
  return close_cap(sc, o, fi->fd, sizeof *fi, SCT_CAP_FDINFO | flags);
}

/* Reads descriptor fd into a capture at off. */
static __always_inline __u32 fdid_cap(struct scratch* sc, __u32 off, __u64 fd) {
  __u64 o = off;
  BARRIER_VAR(o);
  if (!FDID_ROOM(o)) return off;
  BARRIER_VAR(o);
  struct sct_fdinfo* fi = (void*)&sc->data[o + sizeof(struct sct_cap_hdr)];
  if (!fdid_read(fi, fd)) return off;
  return close_cap(sc, o, fd, sizeof *fi, SCT_CAP_FDINFO);
}

/* At exit: the arguments' identities read at entry (the same call's), then
 * those of the new descriptors (result, or the int[2] at arg pair - 1).
 * Returns the record's size. */
__noinline int fdid_at_exit(struct scratch* sc, __u32 off, __u32 fd_args, __u32 pair, __u64 enter_ns) {
  if (!sc) return off;
  struct sct_rec_hdr* h = (void*)sc->data;
  if (fd_identity > 1 && (fd_args & 0x3f)) {
    struct fdid_slot* s = fdid_slot_of(0);
    if (s && s->enter_ns == enter_ns) {
      __u32 n = s->n;
      for (__u32 i = 0; i < SCT_FDID_ARGS; i++) {
        if (i >= n) break;
        off = fdid_put(sc, off, &s->fi[i], SCT_CAP_FD_AT_ENTRY);
      }
      s->enter_ns = 0;
    }
  }
  __s64 ret = h->ret;
  if (ret < 0) return off;
  if (fd_args & SCT_FD_RET) off = fdid_cap(sc, off, (__u64)ret);
  if (pair >= 1 && pair <= 6) {
    int fds[2] = {-1, -1};
    if (bpf_probe_read_user(fds, sizeof fds, (void*)h->args[(pair - 1) & 7]) == 0) {
      off = fdid_cap(sc, off, (__u64)(__u32)fds[0]);
      off = fdid_cap(sc, off, (__u64)(__u32)fds[1]);
    }
  }
  return off;
}

#endif
