// TCP over IPv4 loopback: socket, setsockopt, bind, listen, getsockname,
// connect, accept4, getpeername, sendto/recvfrom, shutdown. The listener binds
// port 0, so ports are ephemeral: comparisons normalise them.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_IP);
  int one = 1;
  setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_port = htons(0);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(srv, (struct sockaddr*)&a, sizeof a);
  listen(srv, 5);
  socklen_t len = sizeof a;
  getsockname(srv, (struct sockaddr*)&a, &len);

  int cli = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  connect(cli, (struct sockaddr*)&a, sizeof a);

  struct sockaddr_in peer;
  socklen_t plen = sizeof peer;
  int conn = accept4(srv, (struct sockaddr*)&peer, &plen, SOCK_CLOEXEC | SOCK_NONBLOCK);
  plen = sizeof peer;
  getpeername(conn, (struct sockaddr*)&peer, &plen);
  struct sockaddr_storage big;
  socklen_t blen = sizeof big;
  getpeername(cli, (struct sockaddr*)&big, &blen);

  sendto(cli, "hello", 5, 0, NULL, 0);
  char buf[64];
  recvfrom(conn, buf, sizeof buf, 0, NULL, NULL);
  send(conn, "world!", 6, MSG_NOSIGNAL);
  recv(cli, buf, sizeof buf, MSG_WAITALL | MSG_DONTWAIT);

  int val = 0;
  socklen_t vlen = sizeof val;
  getsockopt(cli, SOL_SOCKET, SO_TYPE, &val, &vlen);
  getsockopt(cli, SOL_SOCKET, SO_ERROR, &val, &vlen);
  getsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &val, &vlen);
  setsockopt(cli, IPPROTO_IP, IP_TOS, &one, sizeof one);
  setsockopt(cli, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
  struct linger lg = {1, 5};
  setsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  struct timeval tv = {1, 500};
  setsockopt(cli, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);

  shutdown(cli, SHUT_WR);
  shutdown(conn, SHUT_RDWR);
  // A pending-free nonblocking listener: accept fails with EAGAIN at once.
  int nb = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_TCP);
  listen(nb, 1);
  accept(nb, NULL, NULL);
  len = sizeof a;
  accept(nb, (struct sockaddr*)&a, &len);
  close(nb);
  close(conn);
  close(cli);
  close(srv);
  return 0;
}
