// TCP and UDP over IPv6 loopback, IPV6 socket options, a link-local scope id.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int srv = socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP);
  int one = 1;
  setsockopt(srv, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
  struct sockaddr_in6 a = {0};
  a.sin6_family = AF_INET6;
  a.sin6_addr = in6addr_loopback;
  bind(srv, (struct sockaddr*)&a, sizeof a);
  listen(srv, 1);
  socklen_t len = sizeof a;
  getsockname(srv, (struct sockaddr*)&a, &len);
  int cli = socket(AF_INET6, SOCK_STREAM, 0);
  connect(cli, (struct sockaddr*)&a, sizeof a);
  struct sockaddr_in6 p;
  socklen_t pl = sizeof p;
  int conn = accept(srv, (struct sockaddr*)&p, &pl);
  write(cli, "v6", 2);
  char buf[8];
  read(conn, buf, sizeof buf);
  int v = 0;
  socklen_t vl = sizeof v;
  getsockopt(cli, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, &vl);
  setsockopt(cli, IPPROTO_IPV6, IPV6_TCLASS, &one, sizeof one);
  close(conn);
  close(cli);
  close(srv);

  int u = socket(AF_INET6, SOCK_DGRAM, 0);
  struct sockaddr_in6 ll = {0};
  ll.sin6_family = AF_INET6;
  ll.sin6_port = htons(9);
  ll.sin6_flowinfo = htonl(5);
  inet_pton(AF_INET6, "fe80::1", &ll.sin6_addr);
  ll.sin6_scope_id = 1;
  sendto(u, "x", 1, MSG_DONTWAIT, (struct sockaddr*)&ll, sizeof ll);
  inet_pton(AF_INET6, "2001:db8::1", &ll.sin6_addr);
  ll.sin6_scope_id = 0;
  connect(u, (struct sockaddr*)&ll, 24);
  close(u);
  return 0;
}
