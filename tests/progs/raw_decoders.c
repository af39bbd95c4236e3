// Calls whose decoders print named constants inside structs, sockaddrs,
// compound arguments and return comments: what -X raw / -X verbose must
// reach. One group per argument (all groups when none is given):
//   tty      termios/termio/winsize ioctls on a pseudo-terminal
//   statx    statx masks, attributes and mode
//   sockaddr bind/connect/getsockname/getpeername on unix, inet and inet6
//   caps     capget/capset
//   futex    FUTEX_WAKE_OP's encoded operation
//   utime    utimensat with UTIME_NOW/UTIME_OMIT
//   poll     poll/ppoll requested and returned events
//   comments personality's and membarrier's return comments
//   numa     get_mempolicy/set_mempolicy/mbind/set_mempolicy_home_node
//   unknown  numbers with no name (unassigned, newer than strace 6.1, past the table)
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/futex.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

// asm/termbits.h's struct termios (the ioctls carry the kernel's layout).
struct kernel_termios {
  unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
  unsigned char c_line, c_cc[19];
};

static void tty(void) {
  int fd = syscall(SYS_openat, AT_FDCWD, "/dev/ptmx", O_RDWR | O_NOCTTY);
  if (fd < 0) return;
  struct kernel_termios t;
  syscall(SYS_ioctl, fd, TCGETS, &t);
  syscall(SYS_ioctl, fd, TCSETS, &t);
  t.c_lflag &= ~(unsigned)(ICANON | ECHO);
  t.c_cflag = (t.c_cflag & ~(unsigned)CBAUD) | B9600;
  syscall(SYS_ioctl, fd, TCSETSW, &t);
  // Zero flag words, a split input speed and a delay field set.
  struct kernel_termios z = t;
  z.c_iflag = 0;
  z.c_oflag = OPOST | NL1 | TAB3;
  z.c_cflag = B0 | CS5 | (B4800 << 16 /* IBSHIFT */);
  z.c_lflag = 0;
  syscall(SYS_ioctl, fd, TCSETSF, &z);
  syscall(SYS_ioctl, fd, TCSETSF, &t);
  struct winsize ws = {24, 80, 0, 0};
  syscall(SYS_ioctl, fd, TIOCSWINSZ, &ws);
  syscall(SYS_ioctl, fd, TIOCGWINSZ, &ws);
  char termio[18];
  syscall(SYS_ioctl, fd, TCGETA, termio);
  syscall(SYS_ioctl, fd, TCFLSH, TCIFLUSH);
  syscall(SYS_ioctl, fd, TCXONC, TCOON);
  int n;
  syscall(SYS_ioctl, fd, FIONREAD, &n);
  syscall(SYS_close, fd);
}

static void statx_calls(void) {
  char buf[256];
  syscall(SYS_statx, AT_FDCWD, "/dev/null", AT_STATX_SYNC_AS_STAT, 0x7ff, buf);
  syscall(SYS_statx, AT_FDCWD, "/", AT_SYMLINK_NOFOLLOW | AT_STATX_DONT_SYNC, 0x1, buf);
  syscall(SYS_statx, AT_FDCWD, "/nonexistent", 0, 0xfff, buf);
}

static void sockaddr_calls(void) {
  int u = syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0);
  struct sockaddr_un un = {.sun_family = AF_UNIX};
  strcpy(un.sun_path + 1, "sct-raw-decoders");
  syscall(SYS_bind, u, &un, offsetof(struct sockaddr_un, sun_path) + 1 + strlen("sct-raw-decoders"));
  struct sockaddr_storage ss;
  socklen_t len = sizeof ss;
  syscall(SYS_getsockname, u, &ss, &len);
  syscall(SYS_close, u);

  int s = syscall(SYS_socket, AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(9)};
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  syscall(SYS_connect, s, &in, sizeof in);
  len = sizeof ss;
  syscall(SYS_getpeername, s, &ss, &len);
  struct sockaddr unspec = {.sa_family = AF_UNSPEC};
  syscall(SYS_connect, s, &unspec, sizeof unspec);
  syscall(SYS_close, s);

  int s6 = syscall(SYS_socket, AF_INET6, SOCK_DGRAM, 0);
  struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(9), .sin6_flowinfo = htonl(5)};
  in6.sin6_addr = in6addr_loopback;
  syscall(SYS_connect, s6, &in6, sizeof in6);
  syscall(SYS_close, s6);
}

static void caps(void) {
  struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct d[2];
  syscall(SYS_capget, &h, d);
  syscall(SYS_capset, &h, d);
  h.version = _LINUX_CAPABILITY_VERSION_1;
  syscall(SYS_capget, &h, d);
  h.version = 0x12345678;
  syscall(SYS_capget, &h, NULL);
}

static void futex_calls(void) {
  static uint32_t a, b;
  syscall(SYS_futex, &a, FUTEX_WAKE_OP_PRIVATE, 1, 1, &b, FUTEX_OP(FUTEX_OP_ADD, 1, FUTEX_OP_CMP_GT, 0));
  syscall(SYS_futex, &a, FUTEX_WAKE_OP, 1, 0, &b,
          FUTEX_OP(10 /* FUTEX_OP_OR|FUTEX_OP_OPARG_SHIFT */, 3, FUTEX_OP_CMP_EQ, 8));
  syscall(SYS_futex, &a, FUTEX_WAKE_OP, 1, 0, &b, 0xf0000000u | (7u << 24));
}

static void utime(void) {
  struct timespec ts[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
  syscall(SYS_utimensat, AT_FDCWD, "/nonexistent", ts, 0);
  ts[0].tv_nsec = UTIME_OMIT;
  ts[1].tv_sec = 1;
  ts[1].tv_nsec = 2;
  syscall(SYS_utimensat, AT_FDCWD, "/nonexistent", ts, AT_SYMLINK_NOFOLLOW);
}

static void poll_calls(void) {
  int p[2];
  syscall(SYS_pipe2, p, 0);
  syscall(SYS_write, p[1], "x", 1);
  struct pollfd pfd[2] = {{p[0], POLLIN | POLLPRI, 0}, {p[1], POLLOUT | POLLWRNORM, 0}};
  syscall(SYS_poll, pfd, 2, 0);
  struct timespec ts = {0, 0};
  syscall(SYS_ppoll, pfd, 2, &ts, NULL, 8);
  syscall(SYS_close, p[1]);
  syscall(SYS_poll, pfd, 1, 0);
  syscall(SYS_close, p[0]);
}

static void comments(void) {
  syscall(SYS_personality, 0xffffffff);
  syscall(SYS_personality, 0x0040000 /* ADDR_NO_RANDOMIZE */);
  syscall(SYS_personality, 0xffffffff);
  syscall(SYS_personality, 0);
  syscall(SYS_membarrier, 0 /* MEMBARRIER_CMD_QUERY */, 0, 0);
}

static void numa(void) {
  int mode = -1;
  unsigned long mask[2] = {0, 0};
  syscall(SYS_get_mempolicy, &mode, mask, 128, NULL, 0);
  syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0);
  syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, 4 /* MPOL_F_MEMS_ALLOWED */);
  syscall(SYS_set_mempolicy, 0 /* MPOL_DEFAULT */, NULL, 0);
  mask[0] = 1;
  syscall(SYS_set_mempolicy, 1 /* MPOL_PREFERRED */, mask, 64);
  syscall(SYS_set_mempolicy, 2 /* MPOL_BIND */ | 0x8000 /* MPOL_F_STATIC_NODES */, mask, 64);
  syscall(SYS_set_mempolicy, 0x4000 /* MPOL_F_RELATIVE_NODES */ | 3, mask, 65);
  syscall(SYS_set_mempolicy, 99, NULL, 0);
  syscall(SYS_set_mempolicy, 0, NULL, 0);
  void* m = (void*)syscall(SYS_mmap, NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  syscall(SYS_mbind, m, 4096, 2 /* MPOL_BIND */, mask, 64, 2 /* MPOL_MF_MOVE */);
  syscall(SYS_mbind, m, 4096, 0, NULL, 0, 0);
  syscall(SYS_mbind, m, 4096, 5 /* MPOL_LOCAL */, NULL, 0, 1 | 4 | 8);
  syscall(450 /* set_mempolicy_home_node */, m, 4096, 0, 0);
  syscall(SYS_munmap, m, 4096);
}

static void unknown(void) {
  // Unassigned between rseq and pidfd_send_signal (not 335/336: uretprobe
  // and uprobe, which raise SIGILL outside their trampolines), newer than
  // strace 6.1 (cachestat 451, fchmodat2 452, map_shadow_stack 453,
  // futex_wake 454...), and past every table.
  static const long nrs[] = {400, 423, 451, 452, 453, 454, 455, 456, 457, 458, 459, 460,
                             461, 462, 463, 464, 465, 466, 467, 468, 469, 500, 0x3ff};
  for (unsigned i = 0; i < sizeof nrs / sizeof nrs[0]; ++i) syscall(nrs[i], 1, 2, 3, 4, 5, 6);
  // A success with a result other than 0 (strace 6.1 prints it in hex):
  // lsm_list_modules returns how many security modules are active.
  uint64_t ids[64];
  uint32_t size = sizeof ids;
  syscall(461, ids, &size, 0, 0, 0, 0);
}

int main(int argc, char** argv) {
  static const struct {
    const char* name;
    void (*fn)(void);
  } groups[] = {{"tty", tty},     {"statx", statx_calls}, {"sockaddr", sockaddr_calls}, {"caps", caps},
                {"futex", futex_calls}, {"utime", utime}, {"poll", poll_calls}, {"comments", comments},
                {"numa", numa},   {"unknown", unknown}};
  for (unsigned g = 0; g < sizeof groups / sizeof groups[0]; ++g) {
    int wanted = argc < 2;
    for (int i = 1; i < argc; ++i) wanted |= strcmp(argv[i], groups[g].name) == 0;
    if (wanted) groups[g].fn();
  }
  return 0;
}
