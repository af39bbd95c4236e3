// AF_PACKET (needs CAP_NET_RAW; fails with EPERM otherwise): socket and
// bind to the loopback interface.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int s = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
  struct sockaddr_ll ll = {0};
  ll.sll_family = AF_PACKET;
  ll.sll_protocol = htons(ETH_P_IP);
  ll.sll_ifindex = 1;
  bind(s, (struct sockaddr*)&ll, sizeof ll);
  close(s);
  int d = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ARP));
  close(d);
  return 0;
}
