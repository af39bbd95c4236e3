/* Futexes, robust lists, identity and credential calls, resource limits,
 * prctl, arch_prctl, getrandom, uname, scheduling, capabilities,
 * personality, membarrier, seccomp and ptrace (failing ones mostly). */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <linux/capability.h>
#include <linux/futex.h>
#include <linux/membarrier.h>
#include <linux/seccomp.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/fsuid.h>
#include <stdint.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void) {
  uint32_t f = 0;
  struct timespec ts = {0, 1000};
  syscall(SYS_futex, &f, FUTEX_WAIT_PRIVATE, 1, NULL, NULL, 0);
  syscall(SYS_futex, &f, FUTEX_WAIT, 0, &ts, NULL, 0);
  syscall(SYS_futex, &f, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
  syscall(SYS_futex, &f, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, FUTEX_BITSET_MATCH_ANY);
  syscall(SYS_futex, &f, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0x5);
  syscall(SYS_futex, &f, FUTEX_REQUEUE_PRIVATE, 1, 2, &f, 0);
  syscall(SYS_futex, &f, FUTEX_CMP_REQUEUE, 1, 2, &f, 0);
  syscall(SYS_futex, &f, FUTEX_WAKE_OP, 1, 1, &f, FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0));
  syscall(SYS_futex, &f, FUTEX_LOCK_PI, 0, &ts, NULL, 0);
  syscall(SYS_futex, &f, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
  syscall(SYS_futex, &f, 99, 0, NULL, NULL, 0);
  syscall(SYS_futex, (void *)1, FUTEX_WAIT, 0, NULL, NULL, 0);

  syscall(SYS_set_tid_address, &f);
  void *head;
  size_t len;
  syscall(SYS_get_robust_list, 0, &head, &len);
  syscall(SYS_get_robust_list, 0, (void *)1, &len);
  syscall(SYS_set_robust_list, (void *)0, 0);

  getpid(); syscall(SYS_gettid);
  getuid(); geteuid(); getgid(); getegid();
  setpgid(0, 0);
  setsid();
  setuid(0); setgid(0); setreuid(-1, -1); setregid(-1, 0);
  setresuid(-1, -1, -1); setresgid(0, -1, 0);
  uid_t r, e, s;
  getresuid(&r, &e, &s);
  getresgid(&r, &e, &s);
  getresuid((void *)1, &e, &s);
  gid_t groups[8];
  getgroups(0, NULL);
  int n = getgroups(8, groups);
  setgroups(n, groups);
  setgroups(0, NULL);
  syscall(SYS_getgroups, 8, (void *)1);
  setfsuid(0); setfsgid(0);

  struct rlimit rl;
  getrlimit(RLIMIT_NOFILE, &rl);
  setrlimit(RLIMIT_NOFILE, &rl);
  rl.rlim_cur = 1024 * 1024; rl.rlim_max = RLIM_INFINITY;
  syscall(SYS_prlimit64, 0, RLIMIT_STACK, &rl, NULL);
  syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &rl);
  syscall(SYS_prlimit64, 0, 99, NULL, &rl);
  syscall(SYS_getrlimit, RLIMIT_AS, (void *)1);
  getrusage(RUSAGE_SELF, (void *)1);
  getrusage(7, NULL);

  syscall(SYS_arch_prctl, ARCH_GET_FS, (void *)1);
  syscall(SYS_arch_prctl, 0x3001, &f);
  unsigned long fs;
  syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
  syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0);
  prctl(PR_SET_NAME, "proc_misc_name");
  char name[16];
  prctl(PR_GET_NAME, name);
  prctl(PR_SET_DUMPABLE, 1);
  prctl(PR_GET_DUMPABLE);
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  int sig;
  prctl(PR_GET_PDEATHSIG, &sig);
  prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
  prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
  prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN);
  prctl(PR_SET_KEEPCAPS, 0);
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  prctl(PR_GET_TIMERSLACK);
  prctl(PR_SET_SECCOMP, 99);
  prctl(0x12345678, 1, 2, 3, 4);

  char rnd[8];
  getrandom(rnd, 0, GRND_NONBLOCK);
  syscall(SYS_getrandom, (void *)1, 8, GRND_RANDOM);
  getrandom(rnd, 8, 0x80);
  uname((void *)1);
  syscall(SYS_sysinfo, (void *)1);

  sched_yield();
  cpu_set_t cs;
  CPU_ZERO(&cs);
  CPU_SET(0, &cs);
  sched_setaffinity(0, sizeof cs, &cs);
  sched_getaffinity(0, sizeof cs, &cs);
  sched_getaffinity(0, 4, (void *)1);
  struct sched_param sp = {0};
  sched_getparam(0, &sp);
  sched_setparam(0, &sp);
  sched_getscheduler(0);
  sched_setscheduler(0, SCHED_OTHER, &sp);
  sched_get_priority_max(SCHED_FIFO);
  sched_get_priority_min(SCHED_RR);
  sched_rr_get_interval(0, (void *)1);
  getpriority(PRIO_PROCESS, 0);
  setpriority(PRIO_PROCESS, 0, 0);
  getpriority(PRIO_USER, 0);

  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  syscall(SYS_capget, &hdr, data);
  syscall(SYS_capset, &hdr, data);
  syscall(SYS_capget, &hdr, NULL);

  personality(0xffffffff);
  personality(PER_LINUX);
  syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0);
  syscall(SYS_membarrier, 12345, 0);
  syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, (void *)1);
  syscall(SYS_seccomp, 99, 0, NULL);
  ptrace(PTRACE_TRACEME, 0, 0, 0);
  ptrace(PTRACE_PEEKDATA, 999999, (void *)0x1000, 0);
  ptrace(PTRACE_CONT, 999999, 0, SIGTERM);
  getpid();
  return 0;
}
