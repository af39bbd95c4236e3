/* Calls every x86_64 syscall number 0..469 once, with all-zero arguments,
 * under a seccomp filter that makes each of them fail with ENOSYS before the
 * kernel runs it (ptrace sees the entry before seccomp does). So even exit,
 * fork, kill, reboot and rt_sigreturn are safe to "call", and a tracer shows
 * one line per number: running this under strace -e trace=%CLASS lists the
 * syscalls strace puts in that class. Only exit_group is let through.
 * uretprobe (335) and uprobe (336) are skipped: seccomp lets them through
 * unfiltered, and uretprobe outside a uprobe trampoline kills the caller
 * with SIGILL; strace 6.1 has no name for either anyway.
 *
 * With any argument (call_all seq) the arguments are 1..6 instead of zeros:
 * diffing strace's and sctrace's output of both runs shows how each
 * syscall's arguments print. */
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LAST_NR 469

int main(int argc, char **argv) {
  (void)argv;
  long a = argc > 1;
  struct sock_filter code[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_exit_group, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 38 /* ENOSYS */),
  };
  struct sock_fprog prog = {sizeof code / sizeof code[0], code};
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return 2;
  if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) return 3;
  for (long nr = 0; nr <= LAST_NR; ++nr)
    if (nr != __NR_exit_group && nr != 335 && nr != 336) syscall(nr, a * 1, a * 2, a * 3, a * 4, a * 5, a * 6);
  syscall(__NR_exit_group, 0);
  return 0;
}
