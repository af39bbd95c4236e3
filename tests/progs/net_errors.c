// Failing network calls: bad descriptors, bad pointers, bad lengths.
#define _GNU_SOURCE
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  void* bad = (void*)1;
  socket(AF_INET, 12345, 0);
  socket(1234, SOCK_STREAM, 0);
  bind(-1, bad, 16);
  connect(-1, NULL, 0);
  listen(-1, 0);
  accept(-1, bad, bad);
  accept4(-1, NULL, NULL, 0);
  socklen_t len = 16;
  getsockname(-1, bad, &len);
  getpeername(-1, bad, bad);
  sendto(-1, bad, 10, 0, bad, 16);
  recvfrom(-1, bad, 10, 0, bad, &len);
  sendmsg(-1, bad, 0);
  recvmsg(-1, bad, 0);
  sendmmsg(-1, bad, 1, 0);
  recvmmsg(-1, bad, 1, 0, NULL);
  setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, bad, 4);
  getsockopt(-1, SOL_SOCKET, SO_RCVBUF, bad, &len);
  shutdown(-1, SHUT_RD);
  // Through syscall(): the compiler would reject the bad pointer otherwise.
  syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, bad);

  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_port = htons(1);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  connect(s, (struct sockaddr*)&a, sizeof a);
  int err = 0;
  socklen_t el = sizeof err;
  getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &el);
  connect(s, (struct sockaddr*)&a, 1);
  bind(s, bad, 16);
  setsockopt(s, SOL_SOCKET, 9999, &err, sizeof err);
  setsockopt(s, 999, 1, &err, sizeof err);
  char big[3] = "ab";
  setsockopt(s, SOL_SOCKET, SO_RCVBUF, big, 3);
  setsockopt(s, SOL_SOCKET, SO_RCVBUF, "abcdefgh", 8);
  setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3);
  setsockopt(s, SOL_SOCKET, SO_LINGER, "abcde", 5);
  setsockopt(s, IPPROTO_IP, IP_ADD_MEMBERSHIP, "abcde", 5);
  close(s);
  return 0;
}
