/* Pids in arguments, return values and structs, for -Y (--decode-pids=comm):
 * every pid strace prints gets "<comm>" while /proc/PID/comm is readable.
 *
 *   pid_comm          own ids, a renamed process, a live child that calls
 *                     are made on (kill, tgkill, sched_*, prlimit64, ...),
 *                     wait4 on it once it is gone, a signal from itself
 *                     (si_pid), F_GETOWN
 *   pid_comm thread   a renamed thread: tid and tgid have different comms
 *   pid_comm escape   a comm with '<', '>', '"', '\\' and a control byte
 *   pid_comm sender   signals from a renamed child that has exited (a zombie,
 *                     not yet reaped) when they are delivered: si_pid<sender> */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int got;
static void on_usr1(int sig) { got = sig; }

static int to_main[2], to_worker[2];

/* A new task renames itself only when told to: until then its comm is its
 * creator's, whenever the tracer prints clone's result. */
static void *worker(void *arg) {
  (void)arg;
  char c;
  read(to_worker[0], &c, 1);
  prctl(PR_SET_NAME, "worker");
  pid_t tid = syscall(SYS_gettid);
  write(to_main[1], &tid, sizeof tid);
  read(to_worker[0], &c, 1);  /* until main has signalled us */
  return NULL;
}

/* A renamed thread: tgkill(tgid, tid) shows the process's and the
 * thread's comm. */
static int thread_case(void) {
  if (pipe(to_main) < 0 || pipe(to_worker) < 0) return 1;
  pthread_t t;
  pthread_create(&t, NULL, worker, NULL);
  write(to_worker[1], "s", 1);
  pid_t tid = 0;
  read(to_main[0], &tid, sizeof tid);
  syscall(SYS_tgkill, getpid(), tid, 0);
  syscall(SYS_tkill, tid, 0);
  sched_getscheduler(tid);
  write(to_worker[1], "x", 1);
  pthread_join(t, NULL);
  return 0;
}

static int escape_case(void) {
  prctl(PR_SET_NAME, "a<b>c\"d\\e\tf");
  syscall(SYS_getpid);
  return 0;
}

/* SIGUSR1 and SIGCHLD stay blocked until the child is gone (its end of the
 * pipe closed), then arrive in number order. */
static int sender_case(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  sigset_t both;
  sigemptyset(&both);
  sigaddset(&both, SIGUSR1);
  sigaddset(&both, SIGCHLD);
  sigprocmask(SIG_BLOCK, &both, NULL);
  int done[2];
  if (pipe(done) < 0) return 1;
  pid_t child = fork();
  if (child == 0) {
    close(done[0]);
    prctl(PR_SET_NAME, "sender");
    kill(getppid(), SIGUSR1);
    _exit(0);
  }
  close(done[1]);
  char c;
  while (read(done[0], &c, 1) > 0) {
  }
  /* The child may still be exiting: its SIGCHLD is sent at its very end. */
  siginfo_t si;
  waitid(P_PID, child, &si, WEXITED | WNOWAIT);
  sigprocmask(SIG_UNBLOCK, &both, NULL);
  wait4(child, NULL, 0, NULL);
  return got == SIGUSR1 ? 0 : 1;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "thread") == 0) return thread_case();
  if (argc > 1 && strcmp(argv[1], "sender") == 0) return sender_case();
  if (argc > 1 && strcmp(argv[1], "escape") == 0) return escape_case();

  syscall(SYS_getpid);
  syscall(SYS_getppid);
  syscall(SYS_gettid);
  prctl(PR_SET_NAME, "renamed");
  pid_t self = syscall(SYS_getpid);

  /* SIGCHLD stays blocked: whether it would arrive before or after wait4
   * reaps the child (si_pid with or without its comm) is up to the
   * scheduler. */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);
  int gate[2], named[2], start[2];
  if (pipe(gate) < 0 || pipe(named) < 0 || pipe(start) < 0) return 1;
  pid_t child = fork();
  if (child == 0) {
    char c;
    close(gate[1]);
    read(start[0], &c, 1);
    prctl(PR_SET_NAME, "kid");
    write(named[1], "k", 1);
    read(gate[0], &c, 1);  /* until the parent closes the pipe */
    _exit(0);
  }
  close(gate[0]);
  write(start[1], "s", 1);
  char c;
  read(named[0], &c, 1);  /* the child has its own name now */
  kill(child, 0);
  kill(-getpgrp(), 0);
  kill(0, 0);
  syscall(SYS_tkill, child, 0);
  syscall(SYS_tgkill, child, child, 0);
  getpgid(child);
  getsid(child);
  sched_getscheduler(child);
  struct rlimit rl;
  prlimit(child, RLIMIT_NOFILE, NULL, &rl);
  getpriority(PRIO_PROCESS, child);
  fcntl(gate[1], F_SETOWN, self);
  syscall(SYS_fcntl, gate[1], F_GETOWN);  /* glibc would ask F_GETOWN_EX */
  close(gate[1]);
  int status;
  wait4(child, &status, 0, NULL);
  /* Gone now: the pid prints plain. */
  kill(child, 0);

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaction(SIGUSR1, &sa, NULL);
  kill(self, SIGUSR1);  /* si_pid is our own pid */
  return got == SIGUSR1 ? 0 : 1;
}
