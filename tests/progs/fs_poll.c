// poll, ppoll, select, pselect6 and epoll on a pipe with data in it.
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  int p[2];
  syscall(SYS_pipe2, p, 0);
  syscall(SYS_write, p[1], "x", 1);
  struct pollfd pfd[3] = {{p[0], POLLIN | POLLPRI, 0}, {p[1], POLLOUT, 0}, {-1, POLLIN, 0}};
  syscall(SYS_poll, pfd, 3, 0);
  syscall(SYS_poll, pfd, 1, 10);
  struct pollfd none = {p[1], POLLIN, 0};
  syscall(SYS_poll, &none, 1, 0);
  syscall(SYS_poll, NULL, 0, 0);
  syscall(SYS_poll, (void*)1, 1, 0);
  struct timespec ts = {0, 0};
  uint64_t mask = 1ULL << (SIGUSR1 - 1);
  syscall(SYS_ppoll, pfd, 2, &ts, NULL, 8);
  syscall(SYS_ppoll, &none, 1, &ts, &mask, 8);
  fd_set r, w;
  FD_ZERO(&r);
  FD_ZERO(&w);
  FD_SET(p[0], &r);
  FD_SET(p[1], &r);
  FD_SET(p[1], &w);
  struct timeval tv = {0, 0};
  syscall(SYS_select, p[1] + 1, &r, &w, NULL, &tv);
  FD_ZERO(&r);
  FD_SET(p[1], &r);
  tv.tv_sec = 0;
  tv.tv_usec = 1000;
  syscall(SYS_select, p[1] + 1, &r, NULL, NULL, &tv);
  syscall(SYS_select, 0, NULL, NULL, NULL, &tv);
  syscall(SYS_select, -1, NULL, NULL, NULL, &tv);
  FD_ZERO(&r);
  FD_SET(p[0], &r);
  ts.tv_sec = 0;
  struct { void* ss; size_t len; } sig = {&mask, 8};
  syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, &ts, &sig);
  syscall(SYS_pselect6, p[0] + 1, &r, NULL, NULL, NULL, NULL);
  int ep = syscall(SYS_epoll_create1, EPOLL_CLOEXEC);
  syscall(SYS_epoll_create, 1);
  syscall(SYS_epoll_create1, 0);
  syscall(SYS_epoll_create, 0);
  struct epoll_event ev = {EPOLLIN | EPOLLET, {.u64 = 0x100000005ULL}};
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[0], &ev);
  ev.events = EPOLLOUT;
  ev.data.fd = p[1];
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], &ev);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_MOD, p[1], &ev);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[1], NULL);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, -1, &ev);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_ADD, p[1], (void*)1);
  struct epoll_event out[4];
  syscall(SYS_epoll_wait, ep, out, 4, 0);
  syscall(SYS_epoll_ctl, ep, EPOLL_CTL_DEL, p[0], NULL);
  syscall(SYS_epoll_wait, ep, out, 4, 0);
  syscall(SYS_epoll_wait, -1, out, 4, 0);
  syscall(SYS_epoll_pwait, ep, out, 4, 0, NULL, 8);
  syscall(SYS_epoll_pwait, ep, out, 4, 1, &mask, 8);
  ts.tv_sec = 0;
  ts.tv_nsec = 1000;
  syscall(SYS_epoll_pwait2, ep, out, 4, &ts, NULL, 8);
  ts.tv_nsec = 0; syscall(SYS_epoll_pwait2, ep, out, 4, &ts, &mask, 8);
  return 0;
}
