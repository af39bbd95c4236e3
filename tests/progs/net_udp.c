// UDP over IPv4 loopback: addressed sendto/recvfrom, sendmsg/recvmsg with a
// name and several iovecs, sendmmsg/recvmmsg, and a connected UDP socket.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
  int rx = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(rx, (struct sockaddr*)&a, sizeof a);
  socklen_t len = sizeof a;
  getsockname(rx, (struct sockaddr*)&a, &len);

  int tx = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  sendto(tx, "ping", 4, 0, (struct sockaddr*)&a, sizeof a);
  char buf[64];
  struct sockaddr_in from;
  socklen_t flen = sizeof from;
  recvfrom(rx, buf, sizeof buf, 0, (struct sockaddr*)&from, &flen);

  struct iovec iov[2] = {{"abc", 3}, {"defgh", 5}};
  struct msghdr mh = {0};
  mh.msg_name = &a;
  mh.msg_namelen = sizeof a;
  mh.msg_iov = iov;
  mh.msg_iovlen = 2;
  sendmsg(tx, &mh, 0);

  char b1[4], b2[16];
  struct iovec riov[2] = {{b1, sizeof b1}, {b2, sizeof b2}};
  struct sockaddr_storage ss;
  struct msghdr rh = {0};
  rh.msg_name = &ss;
  rh.msg_namelen = sizeof ss;
  rh.msg_iov = riov;
  rh.msg_iovlen = 2;
  recvmsg(rx, &rh, 0);

  struct mmsghdr mm[2];
  memset(mm, 0, sizeof mm);
  struct iovec m1 = {"one", 3}, m2 = {"two!", 4};
  mm[0].msg_hdr.msg_name = &a;
  mm[0].msg_hdr.msg_namelen = sizeof a;
  mm[0].msg_hdr.msg_iov = &m1;
  mm[0].msg_hdr.msg_iovlen = 1;
  mm[1].msg_hdr.msg_name = &a;
  mm[1].msg_hdr.msg_namelen = sizeof a;
  mm[1].msg_hdr.msg_iov = &m2;
  mm[1].msg_hdr.msg_iovlen = 1;
  sendmmsg(tx, mm, 2, 0);

  struct mmsghdr rm[3];
  memset(rm, 0, sizeof rm);
  char rb[3][8];
  struct iovec ri[3];
  for (int i = 0; i < 3; i++) {
    ri[i].iov_base = rb[i];
    ri[i].iov_len = sizeof rb[i];
    rm[i].msg_hdr.msg_iov = &ri[i];
    rm[i].msg_hdr.msg_iovlen = 1;
  }
  recvmmsg(rx, rm, 3, MSG_DONTWAIT, NULL);
  recvmmsg(rx, rm, 3, MSG_DONTWAIT, NULL);

  connect(tx, (struct sockaddr*)&a, sizeof a);
  send(tx, "x", 1, 0);
  recv(rx, buf, sizeof buf, MSG_PEEK);
  recv(rx, buf, sizeof buf, MSG_TRUNC);
  struct sockaddr_in un = {0};
  un.sin_family = AF_UNSPEC;
  connect(tx, (struct sockaddr*)&un, sizeof un);
  close(tx);
  close(rx);
  return 0;
}
