/* A pidfd and a copy of a socket taken through it (pidfd_getfd): under
 * -yy each descriptor shows what it was at the call, after the program has
 * closed them all (the eBPF engine reads them in the kernel). */
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  int sock = socket(AF_INET, SOCK_DGRAM, 0);
  pid_t self = getpid(); /* traced: the differential runner maps this pid */
  int pidfd = (int)syscall(SYS_pidfd_open, self, 0);
  int copy = (int)syscall(SYS_pidfd_getfd, pidfd, sock, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(copy, (struct sockaddr*)&a, sizeof a);
  close(copy);
  close(pidfd);
  close(sock);
  return 0;
}
