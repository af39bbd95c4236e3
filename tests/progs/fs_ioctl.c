// ioctl: the terminal requests programs make at start-up, on a fresh pty
// (deterministic settings) and on a regular file (ENOTTY), plus FIO* and
// unknown requests.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
  struct termios t;
  struct winsize ws = {24, 80, 0, 0};
  int n = 1;
  int m = syscall(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
  unsigned int unlock = 0;
  syscall(SYS_ioctl, m, TIOCSPTLCK, &unlock);
  syscall(SYS_ioctl, m, TIOCGPTN, &n);
  int s = syscall(SYS_ioctl, m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
  syscall(SYS_ioctl, s, TCGETS, &t);
  syscall(SYS_ioctl, s, TCSETS, &t);
  t.c_lflag &= ~(ICANON | ECHO);
  t.c_cc[VMIN] = 1;
  t.c_cc[VTIME] = 0;
  syscall(SYS_ioctl, s, TCSETSW, &t);
  syscall(SYS_ioctl, s, TCSETSF, &t);
  syscall(SYS_ioctl, s, TCGETS, &t);
  syscall(SYS_ioctl, s, TIOCSWINSZ, &ws);
  syscall(SYS_ioctl, s, TIOCGWINSZ, &ws);
  syscall(SYS_ioctl, s, TIOCGPGRP, &n);
  syscall(SYS_ioctl, s, FIONREAD, &n);
  n = 1;
  syscall(SYS_ioctl, s, FIONBIO, &n);
  syscall(SYS_ioctl, s, FIOCLEX);
  syscall(SYS_ioctl, s, FIONCLEX);
  syscall(SYS_ioctl, s, TCFLSH, TCIFLUSH);
  syscall(SYS_ioctl, s, TCXONC, TCOON);
  syscall(SYS_ioctl, s, TCSBRK, 1);
  syscall(SYS_ioctl, s, TIOCSPGRP, &n);
  int fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
  syscall(SYS_ioctl, fd, TCGETS, &t);
  syscall(SYS_ioctl, fd, TIOCGWINSZ, &ws);
  syscall(SYS_ioctl, fd, TIOCGPGRP, &n);
  syscall(SYS_ioctl, fd, TCSETS, &t);
  syscall(SYS_ioctl, -1, TCGETS, &t);
  syscall(SYS_ioctl, s, TCGETS, (void*)1);
  syscall(SYS_ioctl, fd, _IOR(0x12, 0x34, long), 0);
  syscall(SYS_ioctl, fd, _IOW('x', 1, int), 8);
  syscall(SYS_ioctl, fd, _IOWR(0xfe, 0xff, char[100]), 0);
  syscall(SYS_ioctl, fd, _IO(0xab, 3), 0);
  syscall(SYS_ioctl, fd, 0x1234, 0x10);
  return 0;
}
