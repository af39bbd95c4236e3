/* The ABI between the BPF programs (sctrace.bpf.c) and the C++ engine: the
 * records in the ring buffer and the per-syscall capture plan. Plain C, so
 * that both clang -target bpf (with vmlinux.h) and g++ (with linux/types.h)
 * read the same layout. Every record is a multiple of 8 bytes. */
#ifndef SCTRACE_BPF_RECORDS_H
#define SCTRACE_BPF_RECORDS_H

#define SCT_MAX_SYSCALLS 1024
/* One capture is at most one path (PATH_MAX) long. */
#define SCT_CAP_MAX 4096
/* The per-CPU scratch record: header + up to six captures of CAP_MAX. */
#define SCT_SCRATCH_SIZE (28 * 1024)
#define SCT_MAX_CAPS 6
/* Syscall records are sent in per-CPU batches of up to this many bytes (a
 * ring-buffer sample holds one record or several, back to back); records
 * larger than SCT_BATCH_REC_MAX are sent alone. */
#define SCT_BATCH_SIZE (8 * 1024)
#define SCT_BATCH_REC_MAX 1024

enum sct_rec_type {
  SCT_REC_SYSCALL = 1, /* one whole syscall: entry and exit merged */
  SCT_REC_ENTRY = 2,   /* entry only: execve (its memory is gone at exit), exit_group */
  SCT_REC_EXIT = 3,    /* a task ended (sched_process_exit) */
  SCT_REC_FORK = 4,    /* a traced task made a new one (sched_process_fork) */
  SCT_REC_SIGNAL = 5,  /* a signal for a traced task: nr = signo, args[0] = SCT_SIG_*, then its siginfo */
  SCT_REC_ENTRY_COPY = 6, /* in/out arguments as they were at entry; the SYSCALL record with the
                             same tid and enter_ns follows */
  SCT_REC_BLOCKED = 7,    /* a traced call's task went to sleep inside it: the call's entry (number,
                             arguments, time, captures as then), so that user space shows it before
                             it returns; the SYSCALL record with the same tid and enter_ns follows */
};

/* A signal delivered (to a handler or its default action), or generated and
 * discarded at once because its action is to ignore it (SIGCHLD, SIGCONT...):
 * ptrace sees the latter at delivery, so user space shows it when the task
 * next returns to user mode. */
#define SCT_SIG_DELIVERED 0
/* Delivered to its default action (SIG_DFL). */
#define SCT_SIG_DELIVERED_DEFAULT 3
#define SCT_SIG_IGNORED 1
/* Generated for a task whose handler is the default: if it kills the process,
 * the kernel delivers SIGKILL instead (a group exit), where ptrace shows this
 * signal; user space puts it back. */
#define SCT_SIG_GENERATED 2
#define SCT_SIGINFO_SIZE 48 /* the kernel's struct kernel_siginfo: the start of siginfo_t */

struct sct_rec_hdr {
  __u32 type;
  __u32 size; /* of the whole record, captures included */
  __u32 tid;
  __u32 tgid;
  __s64 nr;      /* SYSCALL/ENTRY: the number; FORK: the child's tid; EXIT: the wait status */
  /* FORK: args, ret (number + 1, 0: none) and exit_ns (its entry time) are the
   * parent's syscall in flight. */
  __u64 args[6];
  __s64 ret;
  __u64 enter_ns; /* CLOCK_MONOTONIC */
  __u64 exit_ns;
  __u32 ncaps;
  __u32 pad;
};

/* A capture: len bytes copied from addr, then padding to 8. */
struct sct_cap_hdr {
  __u64 addr;
  __u32 len;
  __u32 flags;
};
#define SCT_CAP_TRUNCATED 1 /* a string that did not end within the copy */
#define SCT_CAP_AT_SP 2     /* copied at the stack pointer (SCT_CAP_STACK): addr is the SP */
/* A successful execve's exit record: its strings as the new image holds them
 * (the old image, where its arguments pointed, is gone; a forked child may not
 * have had them mapped at entry): */
#define SCT_CAP_EXECFN 4       /* the file name (at the new stack's AT_EXECFN) */
#define SCT_CAP_ARGV_STRINGS 8 /* argv's strings, one after another (mm->arg_start..arg_end) */
/* -Y: not memory but a task's comm (its 16 bytes, or len 0: no such task
 * then), as the kernel held it when the record was written; addr is the tid
 * whose comm it is. With SCT_CAP_COMM_ENTRY: as it was at the syscall's entry
 * (the current task's, and the first pid argument's). progs/comm_capture.h. */
#define SCT_CAP_COMM 16
#define SCT_CAP_COMM_ENTRY 32
/* Not memory but a count (8 bytes) the kernel took of the buffer at addr,
 * which was not copied whole (SCT_CAP_DIRENTS: its entries). */
#define SCT_CAP_COUNT 64
/* Not memory: a struct sct_fdinfo, what descriptor addr referred to (a
 * socket's endpoints, a pidfd's pid), read by the kernel at the call. */
#define SCT_CAP_FDINFO 0x100
#define SCT_CAP_FD_AT_ENTRY 0x200 /* with SCT_CAP_FDINFO: read at entry (an argument), else at exit (a result) */

/* How one argument's memory is captured. */
enum sct_cap_kind {
  SCT_CAP_NONE = 0,
  SCT_CAP_STR = 1,      /* NUL-terminated, at most size bytes */
  SCT_CAP_BUF_ARG = 2,  /* min(args[len_arg], size) bytes */
  SCT_CAP_BUF_RET = 3,  /* min(ret, size) bytes, when ret > 0 */
  SCT_CAP_FIXED = 4,    /* size bytes (fewer, 64 or 8, when that much is unreadable) */
  SCT_CAP_STRV = 5,     /* a NULL-terminated array of strings (argv): the pointers, then each string */
  SCT_CAP_PTRV = 6,     /* a NULL-terminated array of pointers only (envp: its count) */
  /* Second-level captures: an array, then what its elements point to. */
  SCT_CAP_IOV = 7,         /* iovec[args[len_arg]], then each buffer (at most size bytes) */
  SCT_CAP_IOV_RET = 8,     /* the same, the buffers' bytes counted against ret (readv) */
  SCT_CAP_MSGHDR = 9,      /* a struct msghdr, then its name, iovecs (as IOV) and control */
  SCT_CAP_MSGHDR_RET = 10, /* the same, the iovecs as IOV_RET (recvmsg) */
  SCT_CAP_MMSGHDR = 11,    /* struct mmsghdr[min(args[len_arg], ret)], each as MSGHDR */
  SCT_CAP_MMSGHDR_RET = 12, /* the same, each message's iovecs counted against its msg_len */
  SCT_CAP_STACK = 13,      /* size bytes at the stack pointer (rt_sigreturn's signal frame) */
  SCT_CAP_CLONE_ARGS = 14, /* clone3's struct clone_args (size bytes), then the ints its pidfd and
                              parent_tid point to (CLONE_PIDFD, CLONE_PARENT_SETTID: written by the call) */
  SCT_CAP_DIRENTS = 15,    /* getdents(64)'s buffer: min(ret, size) bytes as BUF_RET; when ret is more,
                              the count of its entries (walking d_reclen) as an SCT_CAP_COUNT capture */
};
/* The d_reclen walk of SCT_CAP_DIRENTS stops after this many entries. */
#define SCT_DIRENTS_MAX 65536

/* Bounds of the second-level captures (verifier: small bounded loops). */
#define SCT_IOV_MAX 32    /* iovecs per array */
#define SCT_MMSG_MAX 8    /* messages per mmsghdr array */
#define SCT_NAME_MAX 128  /* a msghdr's msg_name (sockaddr_storage) */
#define SCT_CONTROL_MAX 512 /* a msghdr's msg_control */

struct sct_arg_plan {
  __u8 kind;
  __s8 len_arg;
  __u16 size;
};

struct sct_plan {
  struct sct_arg_plan arg[6];       /* at exit (at entry with entry_record) */
  struct sct_arg_plan entry_arg[6]; /* with entry_copy: in/out arguments as they were at entry */
  __u8 entry_record; /* emit SCT_REC_ENTRY with the captures at entry */
  __u8 entry_copy;   /* emit SCT_REC_ENTRY_COPY with the entry_arg captures */
  /* Descriptor identities (progs/fd_identity.h): bits 0-5 the arguments that
   * are descriptors (read at entry), SCT_FD_RET the result is a new one. */
  __u8 fd_args;
  /* 1 + the argument pointing to the int[2] of new descriptors the call
   * fills (socketpair, pipe); 0: none. */
  __u8 fd_pair_arg;
  __u8 pad[4];
  /* -Y: which values name a task whose comm is captured (SCT_CAP_COMM):
   * bit i for args[i], SCT_PID_RET for the return value. */
  __u8 pid_args;
  /* 1 + the first pid argument (0: none): its comm is also taken at entry. */
  __u8 entry_pid_arg;
  __u8 pad2[6];
};
#define SCT_FD_RET 0x40
#define SCT_PID_RET (1u << 6)

/* -Y: what a syscall's entry leaves for its exit in the in-flight slot
 * (progs/comm_capture.h). */
struct sct_entry_comms {
  __u64 own[2];  /* the current task's comm at entry */
  __u64 arg[2];  /* arg_pid's comm at entry */
  __s32 arg_pid; /* 0: none looked up */
  __u32 arg_found;
};

/* The syscall in flight, per task (the inflight map's value). User space
 * writes one when it attaches (-p) to a task blocked in a call, so that the
 * call's exit is reported (announced = SCT_INFLIGHT_SEEDED). */
struct sct_inflight {
  __s64 nr;
  __u64 args[6];
  __u64 enter_ns;
  /* The last syscall the task entered: traced ones always, every one with
   * track_last_nr (-n: strace's signal and exit lines show it). */
  __s64 last_nr;
  /* The call in flight was announced (SCT_REC_BLOCKED) when it first slept,
   * or shown by user space at attach (SEEDED). */
  __u64 announced;
  struct sct_entry_comms comms; /* -Y only: not copied otherwise */
};
#define SCT_INFLIGHT_ANNOUNCED 1
#define SCT_INFLIGHT_SEEDED 2

/* -c: per-CPU totals per syscall number. */
struct sct_count {
  __u64 calls;
  __u64 errors;
  __u64 ns;
  __u64 max_ns;
};

/* A descriptor's identity at a call (SCT_CAP_FDINFO): what strace's -yy
 * asks sock_diag and /proc at that moment, read from the kernel's struct
 * file instead, because the record is decoded after the fact. Only sockets
 * and pidfds are sent (other files are named by the tables' paths). */
enum sct_fdid_kind {
  SCT_FDID_SOCKET = 1,
  SCT_FDID_PIDFD = 2,
};
#define SCT_FDID_PROTO_MAX 32 /* struct proto's name: the system.sockprotoname xattr */
#define SCT_FDID_PATH_MAX 108 /* sun_path */
struct sct_fdinfo {
  __s32 fd;
  __u16 kind;     /* enum sct_fdid_kind */
  __u16 family;   /* sk_family */
  __u64 ino;      /* the socket's inode */
  __u8 state;     /* sk_state */
  __u8 pad0;
  __u16 type;     /* sk_type */
  __u16 protocol; /* sk_protocol */
  __u16 sport;    /* skc_num: the local port, host order */
  __u16 dport;    /* skc_dport: the peer's port, network order */
  __u16 path_len; /* AF_UNIX: bytes of the bound name (its sun_path part) */
  __u32 pid;      /* a pidfd's pid (initial namespace) */
  __u64 peer_ino; /* AF_UNIX: the peer's inode */
  __u8 src[16];   /* local address (4 bytes for AF_INET), network order */
  __u8 dst[16];   /* peer address */
  char proto[SCT_FDID_PROTO_MAX];
  char path[SCT_FDID_PATH_MAX];
  __u32 pad1;
};

/* The array captures (SCT_CAP_STRV/PTRV) stop at this many elements. */
#define SCT_ARRAY_MAX 64

#endif
