#include "backend/bpf/fd_table.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sched.h>
#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>
#include <map>
#include <vector>

#include "decode/socket_info.h"

namespace sct {
namespace {

// Tracee memory holding a few objects at made-up addresses.
class FakeMemory final : public TraceeMemory {
 public:
  uint64_t put(const void* bytes, size_t len) {
    uint64_t addr = next_;
    next_ += 0x1000;
    regions_[addr] = std::string(static_cast<const char*>(bytes), len);
    return addr;
  }
  uint64_t str(const std::string& s) { return put(s.c_str(), s.size() + 1); }
  bool read(uint64_t addr, std::span<std::byte> out) override {
    return read_partial(addr, out) == out.size();
  }
  size_t read_partial(uint64_t addr, std::span<std::byte> out) override {
    auto it = regions_.upper_bound(addr);
    if (it == regions_.begin()) return 0;
    --it;
    uint64_t off = addr - it->first;
    if (off >= it->second.size()) return 0;
    size_t n = std::min(out.size(), it->second.size() - off);
    memcpy(out.data(), it->second.data() + off, n);
    return n;
  }

 private:
  std::map<uint64_t, std::string> regions_;
  uint64_t next_ = 0x10000;
};

constexpr pid_t kPid = 4000000;  // no such process: nothing may come from /proc

struct FdTableTest : ::testing::Test {
  FdTableTest() { fds.set_for_test(kPid, -1, {}, "/"); }
  void call(pid_t tid, long nr, std::initializer_list<uint64_t> a, int64_t ret) {
    uint64_t args[6] = {};
    size_t i = 0;
    for (uint64_t v : a) args[i++] = v;
    fds.apply(tid, nr, args, ret, mem);
  }
  std::string path(pid_t tid, int fd) { return fds.fd_path(tid, fd).value_or("(closed)"); }
  FdTables fds;
  FakeMemory mem;
};

TEST_F(FdTableTest, OpenThenCloseIsRememberedAfterTheFact) {
  call(kPid, SYS_openat, {static_cast<uint64_t>(AT_FDCWD), mem.str("/etc/../etc/./hostname"), O_RDONLY}, 3);
  EXPECT_EQ(path(kPid, 3), "/etc/hostname");
  call(kPid, SYS_close, {3}, 0);
  EXPECT_EQ(path(kPid, 3), "(closed)");
  // A failed close of a bad descriptor changes nothing; a failed open opens nothing.
  call(kPid, SYS_open, {mem.str("/nonexistent"), O_RDONLY}, -ENOENT);
  EXPECT_EQ(path(kPid, 3), "(closed)");
}

TEST_F(FdTableTest, RelativePathsFollowTheWorkingDirectoryAndDirfd) {
  call(kPid, SYS_chdir, {mem.str("/usr")}, 0);
  call(kPid, SYS_open, {mem.str("lib/not-there-sct"), O_CREAT | O_WRONLY}, 4);
  EXPECT_EQ(path(kPid, 4), fd_table_resolve_path("/usr/lib", "not-there-sct"));
  call(kPid, SYS_openat, {static_cast<uint64_t>(AT_FDCWD), mem.str("/tmp"), O_RDONLY | O_DIRECTORY}, 5);
  call(kPid, SYS_openat, {5, mem.str("x/../y"), O_RDONLY}, 6);
  EXPECT_EQ(path(kPid, 6), fd_table_resolve_path("/tmp", "y"));
  call(kPid, SYS_fchdir, {5}, 0);
  call(kPid, SYS_creat, {mem.str("z"), 0600}, 7);
  EXPECT_EQ(path(kPid, 7), fd_table_resolve_path("/tmp", "z"));
}

TEST_F(FdTableTest, DupCopiesAndExecClosesCloexecOnly) {
  call(kPid, SYS_open, {mem.str("/a"), O_RDONLY | O_CLOEXEC}, 3);
  call(kPid, SYS_dup2, {3, 10}, 10);                         // dup2 clears FD_CLOEXEC
  call(kPid, SYS_dup3, {3, 11, O_CLOEXEC}, 11);
  call(kPid, SYS_fcntl, {3, F_DUPFD, 20}, 20);
  call(kPid, SYS_fcntl, {20, F_SETFD, FD_CLOEXEC}, 0);
  call(kPid, SYS_fcntl, {3, F_DUPFD_CLOEXEC, 30}, 30);
  call(kPid, SYS_dup, {3}, 12);
  for (int fd : {3, 10, 11, 12, 20, 30}) EXPECT_EQ(path(kPid, fd), "/a") << fd;
  call(kPid, SYS_execve, {0, 0, 0}, 0);
  EXPECT_EQ(path(kPid, 3), "(closed)");
  EXPECT_EQ(path(kPid, 10), "/a");
  EXPECT_EQ(path(kPid, 11), "(closed)");
  EXPECT_EQ(path(kPid, 12), "/a");
  EXPECT_EQ(path(kPid, 20), "(closed)");
  EXPECT_EQ(path(kPid, 30), "(closed)");
}

TEST_F(FdTableTest, CloseRangeClosesOrMarks) {
  for (int fd = 3; fd < 8; ++fd) call(kPid, SYS_open, {mem.str("/f"), O_RDONLY}, fd);
  call(kPid, SYS_close_range, {6, ~0u, 4 /* CLOSE_RANGE_CLOEXEC */}, 0);
  call(kPid, SYS_close_range, {4, 5, 0}, 0);
  EXPECT_EQ(path(kPid, 3), "/f");
  EXPECT_EQ(path(kPid, 4), "(closed)");
  EXPECT_EQ(path(kPid, 5), "(closed)");
  EXPECT_EQ(path(kPid, 6), "/f");
  call(kPid, SYS_execve, {0, 0, 0}, 0);
  EXPECT_EQ(path(kPid, 3), "/f");
  EXPECT_EQ(path(kPid, 6), "(closed)");
  EXPECT_EQ(path(kPid, 7), "(closed)");
}

TEST_F(FdTableTest, ForkCopiesThreadsShare) {
  const pid_t child = kPid + 1, thread = kPid + 2;
  fds.task_seen(kPid, kPid);
  call(kPid, SYS_open, {mem.str("/before-fork"), O_RDONLY}, 3);
  fds.forked(kPid, child);
  fds.forked(kPid, thread);
  // The parent's changes after the fork are not the child's.
  call(kPid, SYS_open, {mem.str("/parent-only"), O_RDONLY}, 4);
  fds.task_seen(child, child);
  fds.task_seen(thread, kPid);
  EXPECT_EQ(path(child, 3), "/before-fork");
  EXPECT_EQ(path(child, 4), "(closed)");
  EXPECT_EQ(path(thread, 4), "/parent-only");
  call(child, SYS_close, {3}, 0);
  EXPECT_EQ(path(kPid, 3), "/before-fork");
  call(thread, SYS_close, {3}, 0);
  EXPECT_EQ(path(kPid, 3), "(closed)");
}

TEST_F(FdTableTest, CloneFilesSharesBetweenProcesses) {
  const pid_t child = kPid + 3;
  fds.task_seen(kPid, kPid);
  fds.forked(kPid, child);
  call(kPid, SYS_clone, {CLONE_FILES | SIGCHLD, 0, 0, 0, 0}, child);
  fds.task_seen(child, child);
  call(child, SYS_open, {mem.str("/shared"), O_RDONLY}, 5);
  EXPECT_EQ(path(kPid, 5), "/shared");
}

TEST_F(FdTableTest, PipesAndSocketsAreLookedUpWhileOpen) {
  // This process's own pipe: the table asks /proc for its inode at the record.
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  FdTables own;
  own.snapshot(getpid());
  FakeMemory m;
  uint64_t args[6] = {m.put(p, sizeof p), 0};
  own.apply(getpid(), SYS_pipe2, args, 0, m);
  std::string name = own.fd_path(getpid(), p[0]).value_or("");
  EXPECT_EQ(name.rfind("pipe:[", 0), 0u) << name;
  close(p[0]);
  close(p[1]);
  uint64_t close_args[6] = {static_cast<uint64_t>(p[0])};
  own.apply(getpid(), SYS_close, close_args, 0, m);
  EXPECT_EQ(own.fd_path(getpid(), p[0]), std::nullopt);
  EXPECT_EQ(own.fd_path(getpid(), p[1]), name);  // the record of its close is not seen yet
}

TEST_F(FdTableTest, NetlinkProtocolOnceBound) {
  int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
  ASSERT_GE(s, 0);
  FdTables own;
  own.snapshot(getpid());
  FakeMemory m;
  uint64_t args[6] = {AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE};
  close(s);  // the record is read after the socket is gone
  own.apply(getpid(), SYS_socket, args, s, m);
  // Its name (the inode) is lost with it; its kind is not.
  EXPECT_FALSE(own.fd_path(getpid(), s));
  EXPECT_TRUE(own.is_netlink(getpid(), s));
  EXPECT_EQ(own.netlink_protocol(getpid(), s), -1);  // not bound yet: strace does not know it either
  uint64_t bind_args[6] = {static_cast<uint64_t>(s)};
  own.apply(getpid(), SYS_bind, bind_args, 0, m);
  EXPECT_EQ(own.netlink_protocol(getpid(), s), NETLINK_ROUTE);
}

// What the kernel side sends for a socket or a pidfd (progs/fd_identity.h).
sct_fdinfo socket_info(int fd, uint64_t ino, const char* proto, int family, int protocol) {
  sct_fdinfo fi{};
  fi.fd = fd;
  fi.kind = SCT_FDID_SOCKET;
  fi.ino = ino;
  fi.family = static_cast<uint16_t>(family);
  fi.protocol = static_cast<uint16_t>(protocol);
  fi.state = 7;  // TCP_CLOSE
  strncpy(fi.proto, proto, sizeof fi.proto - 1);
  return fi;
}

sct_fdinfo tcp4(int fd, uint64_t ino, uint16_t sport, uint16_t dport, uint8_t state) {
  sct_fdinfo fi = socket_info(fd, ino, "TCP", AF_INET, IPPROTO_TCP);
  fi.state = state;
  fi.sport = sport;
  fi.dport = htons(dport);
  const uint8_t lo[4] = {127, 0, 0, 1};
  memcpy(fi.src, lo, 4);
  if (dport) memcpy(fi.dst, lo, 4);
  return fi;
}

TEST(FdIdentityListed, TcpUdpUnixFollowSockDiag) {
  net::socket_detail_cache_clear();
  bool modelled = false;
  // Unbound, unconnected: not listed. Bound, listening, connected: listed.
  EXPECT_EQ(fd_identity_listed(tcp4(3, 10, 0, 0, 7), &modelled), std::nullopt);
  EXPECT_TRUE(modelled);
  EXPECT_EQ(fd_identity_listed(tcp4(3, 10, 4242, 0, 7), &modelled), "TCP:[127.0.0.1:4242]");
  EXPECT_EQ(fd_identity_listed(tcp4(3, 10, 4242, 0, 10), &modelled), "TCP:[127.0.0.1:4242]");
  EXPECT_EQ(fd_identity_listed(tcp4(4, 11, 5000, 4242, 1), &modelled), "TCP:[127.0.0.1:5000->127.0.0.1:4242]");
  sct_fdinfo udp = socket_info(5, 12, "UDP", AF_INET, IPPROTO_UDP);
  EXPECT_EQ(fd_identity_listed(udp, &modelled), std::nullopt);
  EXPECT_TRUE(modelled);
  udp.sport = 53;
  EXPECT_EQ(fd_identity_listed(udp, &modelled), "UDP:[0.0.0.0:53]");
  sct_fdinfo un = socket_info(6, 13, "UNIX-STREAM", AF_UNIX, 0);
  EXPECT_EQ(fd_identity_listed(un, &modelled), std::nullopt);
  un.peer_ino = 14;
  EXPECT_EQ(fd_identity_listed(un, &modelled), "UNIX-STREAM:[13->14]");
  memcpy(un.path, "/tmp/s\0", 7);
  un.path_len = 7;
  EXPECT_EQ(fd_identity_listed(un, &modelled), "UNIX-STREAM:[13->14,\"/tmp/s\"]");
  // Not modelled: asked live.
  EXPECT_EQ(fd_identity_listed(socket_info(7, 15, "NETLINK", AF_NETLINK, 0), &modelled), std::nullopt);
  EXPECT_FALSE(modelled);
}

TEST_F(FdTableTest, KernelIdentitiesNameClosedSocketsAndPidfds) {
  net::socket_detail_cache_clear();
  // socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0, read in the kernel at the call.
  int pair[2] = {3, 4};
  uint64_t sv = mem.put(pair, sizeof pair);
  sct_fdinfo a = socket_info(3, 100, "UNIX-STREAM", AF_UNIX, 0), b = socket_info(4, 101, "UNIX-STREAM", AF_UNIX, 0);
  a.peer_ino = 101;
  b.peer_ino = 100;
  std::vector<FdIdentity> ids = {{a, false}, {b, false}};
  fds.use_identities(kPid, &ids, true);
  call(kPid, SYS_socketpair, {AF_UNIX, SOCK_STREAM, 0, sv}, 0);
  EXPECT_EQ(fds.fd_detail(kPid, 3, kDecodeFdAll), "UNIX-STREAM:[100->101]");
  // A later call without identities: the table's path (no /proc for this pid).
  fds.use_identities(kPid, nullptr, false);
  EXPECT_EQ(path(kPid, 4), "socket:[101]");
  // pidfd_open(PID, 0) = 5.
  sct_fdinfo p{};
  p.fd = 5;
  p.kind = SCT_FDID_PIDFD;
  p.pid = 1234;
  ids = {{p, false}};
  fds.use_identities(kPid, &ids, true);
  call(kPid, SYS_pidfd_open, {1234, 0}, 5);
  fds.use_identities(kPid, nullptr, false);
  EXPECT_EQ(path(kPid, 5), "anon_inode:[pidfd]");
  EXPECT_EQ(fds.fd_detail(kPid, 5, kDecodeFdPidfd), "pid:1234");
  EXPECT_EQ(fds.fd_detail(kPid, 5, kDecodeFdPath | kDecodeFdSocket), "anon_inode:[pidfd]");
  EXPECT_EQ(fds.fd_detail(kPid, 5, kDecodeFdSocket), std::nullopt);
}

TEST_F(FdTableTest, SocketArgumentsShowTheirStateAtEntryThenStraceCache) {
  net::socket_detail_cache_clear();
  // An unbound TCP socket: "TCP:[INODE]"; once listed, its text is cached
  // by inode as strace caches it (later states do not show).
  std::vector<FdIdentity> ids = {{tcp4(3, 200, 0, 0, 7), true}};
  fds.use_identities(kPid, &ids, false);
  EXPECT_EQ(fds.fd_detail(kPid, 3, kDecodeFdAll), "TCP:[200]");
  ids = {{tcp4(3, 200, 4242, 0, 10), true}};
  EXPECT_EQ(fds.fd_detail(kPid, 3, kDecodeFdAll), "TCP:[127.0.0.1:4242]");
  ids = {{tcp4(3, 200, 4242, 5000, 1), true}};
  EXPECT_EQ(fds.fd_detail(kPid, 3, kDecodeFdAll), "TCP:[127.0.0.1:4242]");
  // The exit half prefers the result's identity for the same number.
  ids = {{tcp4(4, 201, 0, 0, 7), true}, {tcp4(4, 202, 0, 0, 7), false}};
  fds.use_identities(kPid, &ids, true);
  EXPECT_EQ(fds.fd_path(kPid, 4), "socket:[202]");
  fds.use_identities(kPid, &ids, false);
  EXPECT_EQ(fds.fd_path(kPid, 4), "socket:[201]");
  // Another task's call does not use them.
  EXPECT_EQ(fds.fd_path(kPid + 1, 4), std::nullopt);
}

// A msghdr whose control holds one SCM_RIGHTS message with fds.
uint64_t rights_msghdr(FakeMemory& mem, std::vector<int> fds) {
  std::vector<char> control(CMSG_SPACE(fds.size() * sizeof(int)));
  struct cmsghdr c{};
  c.cmsg_len = CMSG_LEN(fds.size() * sizeof(int));
  c.cmsg_level = SOL_SOCKET;
  c.cmsg_type = SCM_RIGHTS;
  memcpy(control.data(), &c, sizeof c);
  memcpy(control.data() + CMSG_LEN(0), fds.data(), fds.size() * sizeof(int));
  struct msghdr mh{};
  mh.msg_control = reinterpret_cast<void*>(mem.put(control.data(), control.size()));
  mh.msg_controllen = control.size();
  return mem.put(&mh, sizeof mh);
}

TEST_F(FdTableTest, ScmRightsCarryTheSendersEntriesToTheReceiver) {
  net::socket_detail_cache_clear();
  call(kPid, SYS_openat, {static_cast<uint64_t>(AT_FDCWD), mem.str("/etc/passwd"), O_RDONLY}, 5);
  // sendmsg(3<UNIX-STREAM:[300->301]>, {SCM_RIGHTS [5]}) then
  // recvmsg(4<UNIX-STREAM:[301->300]>, ...) = new descriptor 6.
  sct_fdinfo a = socket_info(3, 300, "UNIX-STREAM", AF_UNIX, 0), b = socket_info(4, 301, "UNIX-STREAM", AF_UNIX, 0);
  a.peer_ino = 301;
  b.peer_ino = 300;
  std::vector<FdIdentity> ids = {{a, true}};
  fds.use_identities(kPid, &ids, true);
  call(kPid, SYS_sendmsg, {3, rights_msghdr(mem, {5}), 0}, 1);
  call(kPid, SYS_close, {5}, 0);
  ids = {{b, true}};
  call(kPid, SYS_recvmsg, {4, rights_msghdr(mem, {6}), MSG_CMSG_CLOEXEC}, 1);
  fds.use_identities(kPid, nullptr, false);
  EXPECT_EQ(path(kPid, 6), "/etc/passwd");
  EXPECT_EQ(path(kPid, 5), "(closed)");
}

TEST(FdTableResolve, SymlinksResolvedLexicalWhenGone) {
  char dir[] = "/tmp/sct-fdtable-XXXXXX";
  ASSERT_TRUE(mkdtemp(dir));
  std::string d = dir;
  ASSERT_EQ(mkdir((d + "/real").c_str(), 0700), 0);
  ASSERT_EQ(symlink("real", (d + "/link").c_str()), 0);
  EXPECT_EQ(fd_table_resolve_path(d, "link/file"), d + "/real/file");
  EXPECT_EQ(fd_table_resolve_path("/", d + "/link//./gone/../f"), d + "/real/f");
  EXPECT_EQ(fd_table_resolve_path("/nonexistent-sct", "a/../b"), "/nonexistent-sct/b");
  unlink((d + "/link").c_str());
  rmdir((d + "/real").c_str());
  rmdir(dir);
}

}  // namespace
}  // namespace sct
