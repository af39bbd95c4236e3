// The network decoders against a fake tracee memory: each expectation is a
// line Debian's strace 6.1 printed for the same call (tests/progs/net_*).
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>

#include <cstring>

#include <gtest/gtest.h>

#include "decode/decoder.h"
#include "decode/net_netlink.h"
#include "decode/sockaddr.h"
#include "sinks/strace_render.h"

namespace sct {
namespace {

class NetDecoderTest : public ::testing::Test {
 protected:
  std::string run(const char* name, std::initializer_list<uint64_t> args, int64_t ret, int error = 0,
                  std::function<void()> before_exit = nullptr) {
    SyscallCall call;
    call.nr = syscall_number(name);
    call.row = syscall_row(call.nr);
    EXPECT_NE(call.row, nullptr) << name;
    size_t i = 0;
    for (uint64_t a : args) call.args[i++] = a;
    DecodeContext entry(mem, opt, nullptr, call, true);
    decode_phase(call, entry);
    if (before_exit) before_exit();
    call.exited = true;
    call.ret = error ? -1 : ret;
    call.error = error;
    DecodeContext exit(mem, opt, nullptr, call, false);
    decode_phase(call, exit);
    return render_call_line(call, {});
  }
  template <typename T>
  uint64_t put(uint64_t addr, const T& obj) {
    mem.map_object(addr, obj);
    return addr;
  }
  uint64_t bytes(uint64_t addr, const std::string& s) {
    mem.map(addr, s);
    return addr;
  }
  static sockaddr_in in4(const char* ip, uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    inet_pton(AF_INET, ip, &a.sin_addr);
    return a;
  }
  FakeMemory mem;
  DecodeOptions opt;
};

TEST_F(NetDecoderTest, Socket) {
  EXPECT_EQ(run("socket", {AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_IP}, 3),
            "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3");
  EXPECT_EQ(run("socket", {AF_INET, 12345, 0}, 0, EINVAL),
            "socket(AF_INET, 0x3039 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("socket", {1234, SOCK_STREAM, 0}, 0, EAFNOSUPPORT),
            "socket(0x4d2 /* AF_??? */, SOCK_STREAM, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
  EXPECT_EQ(run("socket", {AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE}, 3),
            "socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 3");
  EXPECT_EQ(run("socket", {AF_PACKET, SOCK_RAW, htons(3)}, 3), "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 3");
  EXPECT_EQ(run("socket", {AF_UNIX, SOCK_DGRAM, 0}, 3), "socket(AF_UNIX, SOCK_DGRAM, 0)          = 3");
}

TEST_F(NetDecoderTest, SocketpairBindConnectListenShutdown) {
  int fds[2] = {3, 4};
  uint64_t sv = put(0x1000, fds);
  EXPECT_EQ(run("socketpair", {AF_UNIX, SOCK_STREAM, 0, sv}, 0), "socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0");
  EXPECT_EQ(run("socketpair", {AF_UNIX, SOCK_STREAM, 0, 1}, 0, EFAULT),
            "socketpair(AF_UNIX, SOCK_STREAM, 0, 0x1) = -1 EFAULT (Bad address)");
  uint64_t a = put(0x2000, in4("127.0.0.1", 8080));
  EXPECT_EQ(run("connect", {3, a, 16}, 0),
            "connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
  EXPECT_EQ(run("connect", {3, a, 1}, 0, EINVAL), "connect(3, 0x2000, 1)                   = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("bind", {static_cast<uint64_t>(-1), 1, 16}, 0, EBADF),
            "bind(-1, 0x1, 16)                       = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(run("connect", {static_cast<uint64_t>(-1), 0, 0}, 0, EBADF),
            "connect(-1, NULL, 0)                    = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(run("listen", {3, 5}, 0), "listen(3, 5)                            = 0");
  EXPECT_EQ(run("shutdown", {5, SHUT_RDWR}, 0), "shutdown(5, SHUT_RDWR)                  = 0");
}

TEST_F(NetDecoderTest, SockaddrFamilies) {
  sockaddr_in6 s6{};
  s6.sin6_family = AF_INET6;
  s6.sin6_addr = in6addr_loopback;
  uint64_t a6 = put(0x3000, s6);
  EXPECT_EQ(run("bind", {3, a6, 28}, 0),
            "bind(3, {sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
            "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
  s6.sin6_port = htons(9);
  s6.sin6_flowinfo = htonl(5);
  inet_pton(AF_INET6, "2001:db8::1", &s6.sin6_addr);
  put(0x3000, s6);
  EXPECT_EQ(run("connect", {3, a6, 24}, 0),
            "connect(3, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(5), "
            "inet_pton(AF_INET6, \"2001:db8::1\", &sin6_addr)}, 24) = 0");

  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  strcpy(un.sun_path, "/tmp/sctrace-net-unix.sock");
  uint64_t au = put(0x4000, un);
  EXPECT_EQ(run("bind", {3, au, 29}, 0),
            "bind(3, {sa_family=AF_UNIX, sun_path=\"/tmp/sctrace-net-unix.sock\"}, 29) = 0");
  std::memcpy(un.sun_path, "\0sctrace-abstract", 17);
  put(0x4000, un);
  EXPECT_EQ(run("bind", {3, au, 19}, 0), "bind(3, {sa_family=AF_UNIX, sun_path=@\"sctrace-abstract\"}, 19) = 0");

  sockaddr_nl nl{};
  nl.nl_family = AF_NETLINK;
  uint64_t an = put(0x5000, nl);
  EXPECT_EQ(run("bind", {3, an, 12}, 0), "bind(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0");

  sockaddr_in unspec{};
  uint64_t az = put(0x6000, unspec);
  EXPECT_EQ(run("connect", {4, az, 16}, 0),
            "connect(4, {sa_family=AF_UNSPEC, sa_data=\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = 0");
}

TEST_F(NetDecoderTest, AcceptAndNames) {
  uint64_t a = 0x7000, len = 0x7100;
  put(len, int32_t{16});
  EXPECT_EQ(run("accept4", {3, a, len, SOCK_CLOEXEC | SOCK_NONBLOCK}, 5, 0,
                [&] { put(a, in4("127.0.0.1", 44562)); }),
            "accept4(3, {sa_family=AF_INET, sin_port=htons(44562), sin_addr=inet_addr(\"127.0.0.1\")}, [16], "
            "SOCK_CLOEXEC|SOCK_NONBLOCK) = 5");
  put(len, int32_t{128});
  EXPECT_EQ(run("getpeername", {4, a, len}, 0, 0, [&] { put(len, int32_t{16}); }),
            "getpeername(4, {sa_family=AF_INET, sin_port=htons(44562), sin_addr=inet_addr(\"127.0.0.1\")}, "
            "[128 => 16]) = 0");
  EXPECT_EQ(run("accept", {6, 0, 0}, 0, EAGAIN),
            "accept(6, NULL, NULL)                   = -1 EAGAIN (Resource temporarily unavailable)");
  put(len, int32_t{16});
  EXPECT_EQ(run("accept", {6, a, len}, 0, EAGAIN),
            "accept(6, 0x7000, [16])                 = -1 EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(run("accept", {static_cast<uint64_t>(-1), 1, 1}, 0, EBADF),
            "accept(-1, 0x1, 0x1)                    = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(run("getsockname", {static_cast<uint64_t>(-1), 1, len}, 0, EBADF),
            "getsockname(-1, 0x1, [16])              = -1 EBADF (Bad file descriptor)");
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  put(a, un);
  put(len, int32_t{110});
  EXPECT_EQ(run("accept", {3, a, len}, 7, 0, [&] { put(len, int32_t{2}); }),
            "accept(3, {sa_family=AF_UNIX}, [110 => 2]) = 7");
}

TEST_F(NetDecoderTest, SendtoRecvfrom) {
  uint64_t buf = bytes(0x8000, "hello");
  EXPECT_EQ(run("sendto", {4, buf, 5, 0, 0, 0}, 5), "sendto(4, \"hello\", 5, 0, NULL, 0)       = 5");
  uint64_t dst = put(0x8100, in4("127.0.0.1", 35428));
  EXPECT_EQ(run("sendto", {4, buf, 4, 0, dst, 16}, 4),
            "sendto(4, \"hell\", 4, 0, {sa_family=AF_INET, sin_port=htons(35428), "
            "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 4");
  EXPECT_EQ(run("recvfrom", {4, buf, 64, MSG_WAITALL | MSG_DONTWAIT, 0, 0}, 5),
            "recvfrom(4, \"hello\", 64, MSG_DONTWAIT|MSG_WAITALL, NULL, NULL) = 5");
  uint64_t len = put(0x8200, int32_t{16});
  EXPECT_EQ(run("recvfrom", {static_cast<uint64_t>(-1), 1, 10, 0, 1, len}, 0, EBADF),
            "recvfrom(-1, 0x1, 10, 0, 0x1, [16])     = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(run("sendto", {static_cast<uint64_t>(-1), 1, 10, 0, 1, 16}, 0, EBADF),
            "sendto(-1, 0x1, 10, 0, 0x1, 16)         = -1 EBADF (Bad file descriptor)");
}

TEST_F(NetDecoderTest, SendmsgRecvmsg) {
  uint64_t name = put(0x9000, in4("127.0.0.1", 35428));
  bytes(0x9100, "abc");
  bytes(0x9200, "defgh");
  iovec iov[2] = {{reinterpret_cast<void*>(0x9100), 3}, {reinterpret_cast<void*>(0x9200), 5}};
  put(0x9300, iov);
  msghdr mh{};
  mh.msg_name = reinterpret_cast<void*>(name);
  mh.msg_namelen = 16;
  mh.msg_iov = reinterpret_cast<iovec*>(0x9300);
  mh.msg_iovlen = 2;
  uint64_t m = put(0x9400, mh);
  EXPECT_EQ(run("sendmsg", {4, m, 0}, 8),
            "sendmsg(4, {msg_name={sa_family=AF_INET, sin_port=htons(35428), sin_addr=inet_addr(\"127.0.0.1\")}, "
            "msg_namelen=16, msg_iov=[{iov_base=\"abc\", iov_len=3}, {iov_base=\"defgh\", iov_len=5}], "
            "msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 8");

  // recvmsg: msg_namelen 128 at entry, 16 after; 8 bytes over two iovecs.
  bytes(0x9500, "abcd");
  bytes(0x9600, std::string("efgh") + std::string(12, 'z'));
  iovec riov[2] = {{reinterpret_cast<void*>(0x9500), 4}, {reinterpret_cast<void*>(0x9600), 16}};
  put(0x9700, riov);
  msghdr rh{};
  rh.msg_name = reinterpret_cast<void*>(name);
  rh.msg_namelen = 128;
  rh.msg_iov = reinterpret_cast<iovec*>(0x9700);
  rh.msg_iovlen = 2;
  uint64_t r = put(0x9800, rh);
  EXPECT_EQ(run("recvmsg", {3, r, 0}, 8, 0,
                [&] {
                  rh.msg_namelen = 16;
                  put(0x9800, rh);
                }),
            "recvmsg(3, {msg_name={sa_family=AF_INET, sin_port=htons(35428), sin_addr=inet_addr(\"127.0.0.1\")}, "
            "msg_namelen=128 => 16, msg_iov=[{iov_base=\"abcd\", iov_len=4}, {iov_base=\"efgh\", iov_len=16}], "
            "msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 8");
  EXPECT_EQ(run("recvmsg", {3, r, 0}, 0, EAGAIN),
            "recvmsg(3, {msg_namelen=16}, 0)         = -1 EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(run("recvmsg", {static_cast<uint64_t>(-1), 1, 0}, 0, EBADF),
            "recvmsg(-1, 0x1, 0)                     = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(run("sendmsg", {static_cast<uint64_t>(-1), 1, 0}, 0, EBADF),
            "sendmsg(-1, 0x1, 0)                     = -1 EBADF (Bad file descriptor)");
}

TEST_F(NetDecoderTest, ControlMessages) {
  bytes(0xa000, "fd");
  iovec iov{reinterpret_cast<void*>(0xa000), 2};
  put(0xa100, iov);
  alignas(cmsghdr) unsigned char cbuf[CMSG_SPACE(2 * sizeof(int))] = {};
  auto* c = reinterpret_cast<cmsghdr*>(cbuf);
  c->cmsg_len = CMSG_LEN(2 * sizeof(int));
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  int fds[2] = {0, 1};
  std::memcpy(CMSG_DATA(c), fds, sizeof fds);
  mem.map(0xa200, std::string(reinterpret_cast<char*>(cbuf), sizeof cbuf));
  msghdr mh{};
  mh.msg_iov = reinterpret_cast<iovec*>(0xa100);
  mh.msg_iovlen = 1;
  mh.msg_control = reinterpret_cast<void*>(0xa200);
  mh.msg_controllen = sizeof cbuf;
  uint64_t m = put(0xa300, mh);
  EXPECT_EQ(run("sendmsg", {3, m, 0}, 2),
            "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"fd\", iov_len=2}], msg_iovlen=1, "
            "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], "
            "msg_controllen=24, msg_flags=0}, 0) = 2");

  alignas(cmsghdr) unsigned char cred[CMSG_SPACE(sizeof(ucred))] = {};
  c = reinterpret_cast<cmsghdr*>(cred);
  c->cmsg_len = CMSG_LEN(sizeof(ucred));
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_CREDENTIALS;
  ucred uc{27157, 0, 0};
  std::memcpy(CMSG_DATA(c), &uc, sizeof uc);
  mem.map(0xa200, std::string(reinterpret_cast<char*>(cred), sizeof cred));
  mh.msg_controllen = sizeof cred;
  put(0xa300, mh);
  EXPECT_EQ(run("recvmsg", {4, m, 0}, 2),
            "recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"fd\", iov_len=2}], msg_iovlen=1, "
            "msg_control=[{cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, "
            "cmsg_data={pid=27157, uid=0, gid=0}}], msg_controllen=32, msg_flags=0}, 0) = 2");
}

TEST_F(NetDecoderTest, Mmsg) {
  uint64_t name = put(0xb000, in4("127.0.0.1", 35428));
  bytes(0xb100, "one");
  bytes(0xb200, "two!");
  iovec i1{reinterpret_cast<void*>(0xb100), 3}, i2{reinterpret_cast<void*>(0xb200), 4};
  put(0xb300, i1);
  put(0xb400, i2);
  mmsghdr mm[2] = {};
  mm[0].msg_hdr.msg_name = reinterpret_cast<void*>(name);
  mm[0].msg_hdr.msg_namelen = 16;
  mm[0].msg_hdr.msg_iov = reinterpret_cast<iovec*>(0xb300);
  mm[0].msg_hdr.msg_iovlen = 1;
  mm[1] = mm[0];
  mm[1].msg_hdr.msg_iov = reinterpret_cast<iovec*>(0xb400);
  uint64_t v = put(0xb500, mm);
  const std::string addr =
      "msg_name={sa_family=AF_INET, sin_port=htons(35428), sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16";
  EXPECT_EQ(run("sendmmsg", {4, v, 2, 0}, 2, 0,
                [&] {
                  mm[0].msg_len = 3;
                  mm[1].msg_len = 4;
                  put(0xb500, mm);
                }),
            "sendmmsg(4, [{msg_hdr={" + addr +
                ", msg_iov=[{iov_base=\"one\", iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
                "msg_len=3}, {msg_hdr={" +
                addr +
                ", msg_iov=[{iov_base=\"two!\", iov_len=4}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
                "msg_len=4}], 2, 0) = 2");
  EXPECT_EQ(run("recvmmsg", {3, 0x1, 3, MSG_DONTWAIT, 0}, 0, EAGAIN),
            "recvmmsg(3, 0x1, 3, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)");
  EXPECT_EQ(run("sendmmsg", {static_cast<uint64_t>(-1), 1, 1, 0}, 0, EBADF),
            "sendmmsg(-1, 0x1, 1, 0)                 = -1 EBADF (Bad file descriptor)");
}

TEST_F(NetDecoderTest, Sockopts) {
  uint64_t one = put(0xc000, int32_t{1});
  EXPECT_EQ(run("setsockopt", {3, SOL_SOCKET, SO_REUSEADDR, one, 4}, 0),
            "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
  EXPECT_EQ(run("setsockopt", {4, IPPROTO_TCP, TCP_NODELAY, one, 4}, 0),
            "setsockopt(4, SOL_TCP, TCP_NODELAY, [1], 4) = 0");
  EXPECT_EQ(run("setsockopt", {4, IPPROTO_IP, IP_TOS, one, 4}, 0), "setsockopt(4, SOL_IP, IP_TOS, [1], 4)   = 0");
  EXPECT_EQ(run("setsockopt", {3, IPPROTO_IPV6, IPV6_V6ONLY, one, 4}, 0),
            "setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], 4) = 0");
  linger lg{1, 5};
  uint64_t l = put(0xc100, lg);
  EXPECT_EQ(run("setsockopt", {4, SOL_SOCKET, SO_LINGER, l, 8}, 0),
            "setsockopt(4, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0");
  timeval tv{1, 500};
  uint64_t t = put(0xc200, tv);
  EXPECT_EQ(run("setsockopt", {4, SOL_SOCKET, SO_RCVTIMEO, t, 16}, 0),
            "setsockopt(4, SOL_SOCKET, SO_RCVTIMEO_OLD, \"\\1\\0\\0\\0\\0\\0\\0\\0\\364\\1\\0\\0\\0\\0\\0\\0\", 16) = 0");
  EXPECT_EQ(run("setsockopt", {3, SOL_SOCKET, 9999, one, 4}, 0, ENOPROTOOPT),
            "setsockopt(3, SOL_SOCKET, 0x270f /* SO_??? */, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
  EXPECT_EQ(run("setsockopt", {3, 999, 1, one, 4}, 0, ENOPROTOOPT),
            "setsockopt(3, 0x3e7 /* SOL_?? */, 1, [1], 4) = -1 ENOPROTOOPT (Protocol not available)");
  EXPECT_EQ(run("setsockopt", {static_cast<uint64_t>(-1), SOL_SOCKET, SO_REUSEADDR, 1, 4}, 0, EBADF),
            "setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, 0x1, 4) = -1 EBADF (Bad file descriptor)");

  uint64_t ab = bytes(0xc600, "abcdefgh");
  EXPECT_EQ(run("setsockopt", {3, SOL_SOCKET, SO_RCVBUF, ab, 3}, 0, EINVAL),
            "setsockopt(3, SOL_SOCKET, SO_RCVBUF, 0xc600, 3) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("setsockopt", {3, SOL_SOCKET, SO_RCVBUF, ab, 8}, 0),
            "setsockopt(3, SOL_SOCKET, SO_RCVBUF, [1684234849], 8) = 0");
  EXPECT_EQ(run("setsockopt", {3, SOL_SOCKET, SO_BINDTODEVICE, ab, 3}, 0),
            "setsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"abc\", 3) = 0");
  EXPECT_EQ(run("setsockopt", {3, IPPROTO_TCP, TCP_MAXSEG, ab, 5}, 0, ENOPROTOOPT),
            "setsockopt(3, SOL_TCP, TCP_MAXSEG, \"abcde\", 5) = -1 ENOPROTOOPT (Protocol not available)");
  uint64_t val = put(0xc300, int32_t{0}), len = put(0xc400, int32_t{4});
  EXPECT_EQ(run("getsockopt", {4, SOL_SOCKET, SO_TYPE, val, len}, 0, 0, [&] { put(val, int32_t{1}); }),
            "getsockopt(4, SOL_SOCKET, SO_TYPE, [1], [4]) = 0");
  EXPECT_EQ(run("getsockopt", {4, SOL_SOCKET, SO_ERROR, val, len}, 0, 0, [&] { put(val, int32_t{ECONNREFUSED}); }),
            "getsockopt(4, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0");
  put(len, int32_t{16});
  EXPECT_EQ(run("getsockopt", {static_cast<uint64_t>(-1), SOL_SOCKET, SO_RCVBUF, 1, len}, 0, EBADF),
            "getsockopt(-1, SOL_SOCKET, SO_RCVBUF, 0x1, [16]) = -1 EBADF (Bad file descriptor)");
  ucred uc{27261, 0, 0};
  put(len, int32_t{12});
  EXPECT_EQ(run("getsockopt", {7, SOL_SOCKET, SO_PEERCRED, 0xc500, len}, 0, 0, [&] { put(0xc500, uc); }),
            "getsockopt(7, SOL_SOCKET, SO_PEERCRED, {pid=27261, uid=0, gid=0}, [12]) = 0");
}

TEST_F(NetDecoderTest, NetlinkMessage) {
  struct {
    nlmsghdr h;
    rtgenmsg g;
  } req{};
  req.h.nlmsg_len = sizeof req;
  req.h.nlmsg_type = RTM_GETLINK;
  req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.h.nlmsg_seq = 1;
  req.g.rtgen_family = AF_PACKET;
  put(0xd000, req);
  SyscallCall call;
  DecodeContext ctx(mem, opt, nullptr, call, true);
  EXPECT_EQ(render_value(net::decode_netlink_with_family(ctx, NETLINK_ROUTE, 0xd000, sizeof req)),
            "[{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
            "nlmsg_pid=0}, {ifi_family=AF_PACKET, ...}]");
}

TEST_F(NetDecoderTest, PacketAddress) {
  unsigned char ll[20] = {};
  uint16_t fam = AF_PACKET, proto = htons(0x800);
  std::memcpy(ll, &fam, 2);
  std::memcpy(ll + 2, &proto, 2);
  int idx = 1;
  std::memcpy(ll + 4, &idx, 4);
  std::string text = render_value(net::sockaddr_value(std::span<const uint8_t>(ll, 20), 20));
  // The loopback interface is index 1 wherever these tests run.
  EXPECT_EQ(text,
            "{sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), sll_ifindex=if_nametoindex(\"lo\"), "
            "sll_hatype=ARPHRD_NETROM, sll_pkttype=PACKET_HOST, sll_halen=0}");
}

}  // namespace
}  // namespace sct
