/* Time calls through syscall() (glibc would use the vDSO): nanosleep,
 * clock_nanosleep, clock_gettime/getres/settime, gettimeofday, time,
 * alarm, itimers, POSIX timers. Outputs that vary are written to bad
 * pointers or not at all, so that the trace is deterministic. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct timespec ts = {0, 1000}, rem;
  syscall(SYS_nanosleep, &ts, &rem);
  syscall(SYS_nanosleep, &ts, NULL);
  syscall(SYS_nanosleep, (void *)1, NULL);
  syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, &rem);
  syscall(SYS_clock_nanosleep, CLOCK_REALTIME, TIMER_ABSTIME, &ts, NULL);
  syscall(SYS_clock_nanosleep, 99, 0, &ts, NULL);
  struct timespec res;
  syscall(SYS_clock_getres, CLOCK_MONOTONIC, &res);
  syscall(SYS_clock_getres, CLOCK_BOOTTIME, NULL);
  syscall(SYS_clock_getres, CLOCK_PROCESS_CPUTIME_ID, &res);
  syscall(SYS_clock_gettime, CLOCK_REALTIME, (void *)1);
  syscall(SYS_clock_gettime, 123, &res);
  ts.tv_sec = 1;
  syscall(SYS_clock_settime, CLOCK_MONOTONIC, &ts);
  syscall(SYS_gettimeofday, (void *)1, NULL);
  syscall(SYS_time, (void *)1);
  syscall(SYS_settimeofday, NULL, NULL);
  alarm(100);
  alarm(0);
  struct itimerval it = {{0, 0}, {100, 500}}, oit;
  setitimer(ITIMER_REAL, &it, &oit);
  it.it_value.tv_sec = 0;
  it.it_value.tv_usec = 0;
  setitimer(ITIMER_REAL, &it, NULL);
  getitimer(ITIMER_VIRTUAL, &oit);
  getitimer(ITIMER_PROF, (void *)1);
  setitimer(5, &it, NULL);
  timer_t tid;
  struct sigevent sev = {0};
  sev.sigev_notify = SIGEV_SIGNAL;
  sev.sigev_signo = SIGUSR1;
  sev.sigev_value.sival_int = 7;
  syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &tid);
  struct itimerspec its = {{0, 0}, {100, 0}}, oits;
  syscall(SYS_timer_settime, tid, 0, &its, &oits);
  its.it_value.tv_sec = 0;
  syscall(SYS_timer_settime, tid, TIMER_ABSTIME, &its, NULL);
  syscall(SYS_timer_gettime, tid, &oits);
  syscall(SYS_timer_getoverrun, tid);
  syscall(SYS_timer_delete, tid);
  syscall(SYS_timer_create, CLOCK_REALTIME, NULL, &tid);
  syscall(SYS_timer_delete, tid);
  sev.sigev_notify = SIGEV_NONE;
  syscall(SYS_timer_create, CLOCK_BOOTTIME, &sev, (void *)1);
  syscall(SYS_timer_delete, 12345);
  return 0;
}
