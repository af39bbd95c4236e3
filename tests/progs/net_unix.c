// AF_UNIX: socketpair, SCM_RIGHTS and SCM_CREDENTIALS over sendmsg/recvmsg,
// a named stream socket in /tmp and an abstract one.
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

int main(void) {
  getpid();  // lets comparisons map the pid in SCM_CREDENTIALS/nl_pid
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  int one = 1;
  setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);

  // SCM_RIGHTS: pass two descriptors.
  int fds[2] = {0, 1};
  char cbuf[CMSG_SPACE(sizeof fds)];
  memset(cbuf, 0, sizeof cbuf);
  struct iovec iov = {"fd", 2};
  struct msghdr mh = {0};
  mh.msg_iov = &iov;
  mh.msg_iovlen = 1;
  mh.msg_control = cbuf;
  mh.msg_controllen = sizeof cbuf;
  struct cmsghdr* c = CMSG_FIRSTHDR(&mh);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof fds);
  memcpy(CMSG_DATA(c), fds, sizeof fds);
  sendmsg(sv[0], &mh, 0);

  char data[16];
  char rcbuf[256];
  struct iovec riov = {data, sizeof data};
  struct msghdr rh = {0};
  rh.msg_iov = &riov;
  rh.msg_iovlen = 1;
  rh.msg_control = rcbuf;
  rh.msg_controllen = sizeof rcbuf;
  recvmsg(sv[1], &rh, MSG_CMSG_CLOEXEC);

  // SCM_CREDENTIALS: the kernel attaches them because of SO_PASSCRED.
  send(sv[0], "cred", 4, 0);
  rh.msg_controllen = sizeof rcbuf;
  recvmsg(sv[1], &rh, 0);
  close(sv[0]);
  close(sv[1]);

  socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv);
  close(sv[0]);
  close(sv[1]);

  // Named and abstract addresses.
  const char* path = "/tmp/sctrace-net-unix.sock";
  unlink(path);
  int srv = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un sa = {0};
  sa.sun_family = AF_UNIX;
  strcpy(sa.sun_path, path);
  bind(srv, (struct sockaddr*)&sa, offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1);
  listen(srv, 1);
  int cli = socket(AF_UNIX, SOCK_STREAM, 0);
  connect(cli, (struct sockaddr*)&sa, sizeof sa);
  struct sockaddr_un peer;
  socklen_t plen = sizeof peer;
  int conn = accept(srv, (struct sockaddr*)&peer, &plen);
  plen = sizeof peer;
  getpeername(cli, (struct sockaddr*)&peer, &plen);
  plen = sizeof peer;
  getsockname(cli, (struct sockaddr*)&peer, &plen);
  struct ucred cr;
  socklen_t crl = sizeof cr;
  getsockopt(conn, SOL_SOCKET, SO_PEERCRED, &cr, &crl);
  close(conn);
  close(cli);
  close(srv);
  unlink(path);

  int ab = socket(AF_UNIX, SOCK_DGRAM, 0);
  struct sockaddr_un aa = {0};
  aa.sun_family = AF_UNIX;
  memcpy(aa.sun_path, "\0sctrace-abstract", 17);
  bind(ab, (struct sockaddr*)&aa, offsetof(struct sockaddr_un, sun_path) + 17);
  close(ab);
  return 0;
}
