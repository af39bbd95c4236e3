// AF_NETLINK basics: a route socket, bind, getsockname, a link dump request
// and its (first) answer, as `ip link` and getifaddrs make.
#define _GNU_SOURCE
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  getpid();  // lets comparisons map the pid in SCM_CREDENTIALS/nl_pid
  int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  struct sockaddr_nl nl = {0};
  nl.nl_family = AF_NETLINK;
  bind(s, (struct sockaddr*)&nl, sizeof nl);
  socklen_t len = sizeof nl;
  getsockname(s, (struct sockaddr*)&nl, &len);
  int bufsz = 32768;
  setsockopt(s, SOL_SOCKET, SO_SNDBUF, &bufsz, sizeof bufsz);
  int one = 1;
  setsockopt(s, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof one);

  struct {
    struct nlmsghdr h;
    struct rtgenmsg g;
  } req;
  memset(&req, 0, sizeof req);
  req.h.nlmsg_len = sizeof req;
  req.h.nlmsg_type = RTM_GETLINK;
  req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.h.nlmsg_seq = 1;
  req.g.rtgen_family = AF_PACKET;
  struct sockaddr_nl k = {0};
  k.nl_family = AF_NETLINK;
  sendto(s, &req, sizeof req, 0, (struct sockaddr*)&k, sizeof k);
  close(s);
  int g = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_GENERIC);
  close(g);
  return 0;
}
