/* Signal calls: rt_sigaction with several flags, rt_sigprocmask, a signal
 * delivered to a handler (rt_sigreturn), sigaltstack, rt_sigpending,
 * rt_sigtimedwait, rt_sigqueueinfo, kill/tkill/tgkill, rt_sigsuspend. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile int got;
static void handler(int sig) { got = sig; }
static void action(int sig, siginfo_t *si, void *uc) { (void)si; (void)uc; got = sig; }

int main(void) {
  struct sigaction sa, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigaction(SIGUSR1, &sa, &old);
  sa.sa_sigaction = action;
  sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK | SA_NODEFER;
  sigaddset(&sa.sa_mask, SIGTERM);
  sigaddset(&sa.sa_mask, SIGRTMIN + 2);
  sigaction(SIGUSR2, &sa, NULL);
  sa.sa_handler = SIG_IGN;
  sa.sa_flags = SA_RESETHAND;
  sigfillset(&sa.sa_mask);
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGKILL, &sa, NULL);
  syscall(SYS_rt_sigaction, SIGINT, (void *)1, NULL, 8);
  syscall(SYS_rt_sigaction, 100, NULL, NULL, 8);
  sigaction(SIGUSR1, NULL, &old);

  sigset_t set, oldset;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, &oldset);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  sigprocmask(SIG_SETMASK, NULL, &oldset);
  syscall(SYS_rt_sigprocmask, 7, &set, NULL, 8);
  syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);

  stack_t ss = {.ss_sp = (void *)0x1000, .ss_size = 65536, .ss_flags = 0}, oss;
  static char stk[65536];
  ss.ss_sp = stk;
  sigaltstack(NULL, &oss);
  sigaltstack(&ss, &oss);
  ss.ss_flags = SS_DISABLE;
  sigaltstack(&ss, NULL);
  sigaltstack((void *)1, NULL);

  kill(getpid(), SIGUSR1);
  syscall(SYS_tkill, syscall(SYS_gettid), SIGUSR2);
  syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1);
  kill(-1, 0) ;
  kill(999999, SIGTERM);

  sigset_t blk;
  sigemptyset(&blk);
  sigaddset(&blk, SIGUSR1);
  sigaddset(&blk, SIGALRM);
  sigprocmask(SIG_BLOCK, &blk, NULL);
  kill(getpid(), SIGUSR1);
  sigset_t pend;
  sigpending(&pend);
  struct timespec ts = {0, 1000};
  siginfo_t si;
  sigtimedwait(&blk, &si, &ts);
  sigtimedwait(&blk, &si, &ts);
  sigtimedwait(&blk, NULL, &ts);
  union sigval v = {.sival_int = 42};
  sigqueue(getpid(), SIGUSR1, v);
  sigwaitinfo(&blk, &si);
  sa.sa_handler = handler;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, NULL);
  alarm(1);
  sigset_t empty;
  sigemptyset(&empty);
  sigaddset(&empty, SIGUSR1);
  sigsuspend(&empty);
  alarm(0);
  return 0;
}
