/* One descriptor of each -e decode-fds= class: a file, a device, a socket
 * pair and a pidfd of this process; each is written to or closed, so that
 * every class's decoration shows (or not) on the same calls. */
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

int main(void) {
  int file = open("/etc/hostname", O_RDONLY);
  int dev = open("/dev/null", O_WRONLY);
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 1;
  pid_t self = getpid(); /* traced: the differential runner maps this pid */
  int pidfd = (int)syscall(SYS_pidfd_open, self, 0);
  (void)!write(dev, "x", 1);
  (void)!write(sv[0], "y", 1);
  close(pidfd);
  close(sv[1]);
  close(sv[0]);
  close(dev);
  close(file);
  return 0;
}
