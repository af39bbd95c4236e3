// -yy details: the formatting against strace 6.1's texts, and live lookups of
// sockets this test process creates itself (loopback only).
#include "decode/socket_info.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include <gtest/gtest.h>

namespace sct::net {
namespace {

TEST(SocketInfoFormat, Inet) {
  in_addr lo{htonl(INADDR_LOOPBACK)}, any{0};
  EXPECT_EQ(format_inet_detail("TCP", AF_INET, &lo, htons(41234), &lo, htons(8080)),
            "TCP:[127.0.0.1:41234->127.0.0.1:8080]");
  EXPECT_EQ(format_inet_detail("TCP", AF_INET, &lo, htons(8080), &any, 0), "TCP:[127.0.0.1:8080]");
  EXPECT_EQ(format_inet_detail("UDP", AF_INET, &any, htons(40103), &any, 0), "UDP:[0.0.0.0:40103]");
  in6_addr l6 = in6addr_loopback, z6{};
  EXPECT_EQ(format_inet_detail("TCPv6", AF_INET6, &l6, htons(41234), &l6, htons(8080)),
            "TCPv6:[[::1]:41234->[::1]:8080]");
  EXPECT_EQ(format_inet_detail("UDPv6", AF_INET6, &z6, htons(33210), &z6, 0), "UDPv6:[[::]:33210]");
}

TEST(SocketInfoFormat, UnixNetlinkPath) {
  EXPECT_EQ(format_unix_detail("UNIX-STREAM", 70040, 70041, ""), "UNIX-STREAM:[70040->70041]");
  EXPECT_EQ(format_unix_detail("UNIX-STREAM", 70053, 0, "/tmp/sctrace-net-unix.sock"),
            "UNIX-STREAM:[70053,\"/tmp/sctrace-net-unix.sock\"]");
  EXPECT_EQ(format_unix_detail("UNIX-STREAM", 70060, 70057, "/tmp/x.sock"), "UNIX-STREAM:[70060->70057,\"/tmp/x.sock\"]");
  EXPECT_EQ(format_unix_detail("UNIX", 70064, 0, std::string("\0sctrace-abstract", 17)),
            "UNIX:[70064,@\"sctrace-abstract\"]");
  EXPECT_EQ(format_netlink_detail("NETLINK", NETLINK_ROUTE, 27273), "NETLINK:[ROUTE:27273]");
  EXPECT_EQ(format_netlink_detail("NETLINK", NETLINK_SOCK_DIAG, 5), "NETLINK:[SOCK_DIAG:5]");
  EXPECT_EQ(format_netlink_detail("NETLINK", 99, 5), "NETLINK:[99]");
  EXPECT_EQ(format_path_detail("/dev/null", true, false, 1, 3), "/dev/null<char 1:3>");
  EXPECT_EQ(format_path_detail("/tmp/we<ir>d\nna me", false, false, 0, 0), "/tmp/we\\74ir\\76d\\nna me");
  EXPECT_EQ(format_path_detail("pipe:[75135]", false, false, 0, 0), "pipe:[75135]");
}

std::string inode_of(int fd) {
  struct stat st;
  fstat(fd, &st);
  return std::to_string(st.st_ino);
}

TEST(SocketInfoLive, TcpOverLoopback) {
  socket_detail_cache_clear();
  int srv = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(srv, 0);
  // Before bind the kernel does not list the socket: strace prints the inode.
  EXPECT_EQ(socket_detail(getpid(), srv), "TCP:[" + inode_of(srv) + "]");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(srv, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(listen(srv, 1), 0);
  socklen_t len = sizeof a;
  getsockname(srv, reinterpret_cast<sockaddr*>(&a), &len);
  std::string port = std::to_string(ntohs(a.sin_port));
  EXPECT_EQ(socket_detail(getpid(), srv), "TCP:[127.0.0.1:" + port + "]");

  int cli = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_EQ(connect(cli, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  sockaddr_in c{};
  len = sizeof c;
  getsockname(cli, reinterpret_cast<sockaddr*>(&c), &len);
  std::string cport = std::to_string(ntohs(c.sin_port));
  EXPECT_EQ(socket_detail(getpid(), cli), "TCP:[127.0.0.1:" + cport + "->127.0.0.1:" + port + "]");
  close(cli);
  close(srv);
}

TEST(SocketInfoLive, UdpUnixNetlinkAndFiles) {
  socket_detail_cache_clear();
  int u = socket(AF_INET6, SOCK_DGRAM, 0);
  if (u >= 0) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    if (bind(u, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
      socklen_t len = sizeof a;
      getsockname(u, reinterpret_cast<sockaddr*>(&a), &len);
      EXPECT_EQ(socket_detail(getpid(), u), "UDPv6:[[::1]:" + std::to_string(ntohs(a.sin6_port)) + "]");
    }
    close(u);
  }

  int sv[2];
  ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
  EXPECT_EQ(socket_detail(getpid(), sv[0]), "UNIX-STREAM:[" + inode_of(sv[0]) + "->" + inode_of(sv[1]) + "]");
  close(sv[0]);
  close(sv[1]);

  int ab = socket(AF_UNIX, SOCK_DGRAM, 0);
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::memcpy(un.sun_path, "\0sctrace-test-abstract", 22);
  ASSERT_EQ(bind(ab, reinterpret_cast<sockaddr*>(&un), offsetof(sockaddr_un, sun_path) + 22), 0);
  EXPECT_EQ(socket_detail(getpid(), ab), "UNIX:[" + inode_of(ab) + ",@\"sctrace-test-abstract\"]");
  close(ab);

  int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  ASSERT_GE(nl, 0);
  EXPECT_EQ(socket_detail(getpid(), nl), "NETLINK:[" + inode_of(nl) + "]");
  sockaddr_nl sa{};
  sa.nl_family = AF_NETLINK;
  ASSERT_EQ(bind(nl, reinterpret_cast<sockaddr*>(&sa), sizeof sa), 0);
  socklen_t len = sizeof sa;
  getsockname(nl, reinterpret_cast<sockaddr*>(&sa), &len);
  EXPECT_EQ(socket_detail(getpid(), nl), "NETLINK:[ROUTE:" + std::to_string(sa.nl_pid) + "]");
  EXPECT_EQ(netlink_protocol_of(getpid(), nl), NETLINK_ROUTE);
  close(nl);

  int dn = open("/dev/null", O_RDONLY);
  EXPECT_EQ(socket_detail(getpid(), dn), "/dev/null<char 1:3>");
  close(dn);
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  EXPECT_EQ(socket_detail(getpid(), p[0]), "pipe:[" + inode_of(p[0]) + "]");
  close(p[0]);
  close(p[1]);
  EXPECT_EQ(socket_detail(getpid(), 12345), std::nullopt);
}

// strace's cache: the first successful lookup of an inode is kept.
TEST(SocketInfoLive, FirstLookupIsCached) {
  socket_detail_cache_clear();
  int rx = socket(AF_INET, SOCK_DGRAM, 0);
  int tx = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(rx, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(rx, reinterpret_cast<sockaddr*>(&a), &len);
  bind(tx, reinterpret_cast<sockaddr*>(&a) /* port reused below */, 0);
  sockaddr_in any{};
  any.sin_family = AF_INET;
  bind(tx, reinterpret_cast<sockaddr*>(&any), sizeof any);
  len = sizeof any;
  getsockname(tx, reinterpret_cast<sockaddr*>(&any), &len);
  std::string before = socket_detail(getpid(), tx).value_or("");
  EXPECT_EQ(before, "UDP:[0.0.0.0:" + std::to_string(ntohs(any.sin_port)) + "]");
  connect(tx, reinterpret_cast<sockaddr*>(&a), sizeof a);
  EXPECT_EQ(socket_detail(getpid(), tx), before);
  close(tx);
  close(rx);
}

}  // namespace
}  // namespace sct::net
