// -yy socket details through sock_diag, the way strace 6.1 gets them: one
// NETLINK_SOCK_DIAG socket per lookup, a dump request for the socket's
// family/protocol (inet, netlink) or an exact request by inode (unix), and
// the response whose inode matches. The results are cached by inode exactly
// as strace caches them, because that cache is visible in its output (a UDP
// socket looked up before connect() keeps printing its unconnected address).
#include "decode/socket_info.h"

#include <cstdio>

#include "decode/decoder.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "decode/sockaddr.h"
#include "xlat/net_xlat.h"

namespace sct::net {

namespace {

struct CacheEntry {
  unsigned long inode = 0;
  std::string details;
};

constexpr size_t kCacheSize = 1024;
std::mutex cache_mutex;
CacheEntry cache[kCacheSize];

const std::string* cached(unsigned long inode) {
  const CacheEntry& e = cache[inode & (kCacheSize - 1)];
  return e.inode == inode && !e.details.empty() ? &e.details : nullptr;
}

void remember(unsigned long inode, std::string details) {
  CacheEntry& e = cache[inode & (kCacheSize - 1)];
  e.inode = inode;
  e.details = std::move(details);
}

std::string fd_link(pid_t tid, int fd, bool* ok) {
  char buf[4096];
  std::string p = fmt::format("/proc/{}/fd/{}", tid, fd);
  ssize_t n = readlink(p.c_str(), buf, sizeof buf - 1);
  *ok = n >= 0;
  return n >= 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

unsigned long socket_inode(const std::string& link) {
  constexpr std::string_view prefix = "socket:[";
  if (link.size() <= prefix.size() + 1 || link.compare(0, prefix.size(), prefix) != 0 || link.back() != ']')
    return 0;
  char* end = nullptr;
  unsigned long r = strtoul(link.c_str() + prefix.size(), &end, 10);
  return end == link.c_str() + link.size() - 1 ? r : 0;
}

bool send_query(int fd, const void* req, size_t size) {
  sockaddr_nl nl{};
  nl.nl_family = AF_NETLINK;
  iovec iov{const_cast<void*>(req), size};
  msghdr msg{};
  msg.msg_name = &nl;
  msg.msg_namelen = sizeof nl;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  for (;;) {
    if (sendmsg(fd, &msg, 0) >= 0) return true;
    if (errno != EINTR) return false;
  }
}

// Calls parse(payload, nlmsg_len) on each response until it returns >0
// (found), <0 (give up) or the dump ends.
template <typename Parse>
bool receive(int fd, Parse parse) {
  alignas(nlmsghdr) static thread_local char buf[8192];
  int flags = 0;
  for (;;) {
    sockaddr_nl nl{};
    nl.nl_family = AF_NETLINK;
    iovec iov{buf, sizeof buf};
    msghdr msg{};
    msg.msg_name = &nl;
    msg.msg_namelen = sizeof nl;
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    ssize_t ret = recvmsg(fd, &msg, flags);
    if (ret < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    int left = static_cast<int>(ret);
    const nlmsghdr* h = reinterpret_cast<const nlmsghdr*>(buf);
    if (!NLMSG_OK(h, left)) return false;
    for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
      if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) return false;
      int rc = parse(NLMSG_DATA(h), static_cast<int>(h->nlmsg_len));
      if (rc > 0) return true;
      if (rc < 0) return false;
    }
    flags = MSG_DONTWAIT;
  }
}

std::optional<std::string> inet_lookup(int fd, int family, int protocol, unsigned long inode, const char* name) {
  struct {
    nlmsghdr nlh;
    inet_diag_req_v2 idr;
  } req{};
  req.nlh.nlmsg_len = sizeof req;
  req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  req.nlh.nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST;
  req.idr.sdiag_family = static_cast<uint8_t>(family);
  req.idr.sdiag_protocol = static_cast<uint8_t>(protocol);
  req.idr.idiag_states = ~0u;
  if (!send_query(fd, &req, sizeof req)) return std::nullopt;
  std::optional<std::string> out;
  receive(fd, [&](const void* data, int len) {
    const auto* m = static_cast<const inet_diag_msg*>(data);
    if (len < static_cast<int>(NLMSG_LENGTH(sizeof *m))) return -1;
    if (m->idiag_inode != inode) return 0;
    if (m->idiag_family != AF_INET && m->idiag_family != AF_INET6) return -1;
    out = format_inet_detail(name, m->idiag_family, m->id.idiag_src, m->id.idiag_sport, m->id.idiag_dst,
                             m->id.idiag_dport);
    return 1;
  });
  return out;
}

std::optional<std::string> unix_lookup(int fd, unsigned long inode, const char* name) {
  struct {
    nlmsghdr nlh;
    unix_diag_req udr;
  } req{};
  req.nlh.nlmsg_len = sizeof req;
  req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  req.nlh.nlmsg_flags = NLM_F_REQUEST;
  req.udr.sdiag_family = AF_UNIX;
  req.udr.udiag_ino = static_cast<uint32_t>(inode);
  req.udr.udiag_states = ~0u;
  req.udr.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
  req.udr.udiag_cookie[0] = req.udr.udiag_cookie[1] = ~0u;
  if (!send_query(fd, &req, sizeof req)) return std::nullopt;
  std::optional<std::string> out;
  receive(fd, [&](const void* data, int len) {
    const auto* m = static_cast<const unix_diag_msg*>(data);
    int rta_len = len - static_cast<int>(NLMSG_LENGTH(sizeof *m));
    if (rta_len < 0) return -1;
    if (m->udiag_ino != inode) return 0;
    if (m->udiag_family != AF_UNIX) return -1;
    uint32_t peer = 0;
    std::string path;
    bool have_path = false;
    for (auto* a = reinterpret_cast<const rtattr*>(m + 1); RTA_OK(a, rta_len); a = RTA_NEXT(a, rta_len)) {
      if (a->rta_type == UNIX_DIAG_NAME && !have_path) {
        size_t n = RTA_PAYLOAD(a);
        if (n > sizeof(sockaddr_un::sun_path)) n = sizeof(sockaddr_un::sun_path);
        path.assign(static_cast<const char*>(RTA_DATA(a)), n);
        have_path = n > 0;
      } else if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4) {
        std::memcpy(&peer, RTA_DATA(a), sizeof peer);
      }
    }
    if (!peer && !have_path) return -1;
    out = format_unix_detail(name, inode, peer, path);
    return 1;
  });
  return out;
}

std::optional<std::string> netlink_lookup(int fd, unsigned long inode, const char* name) {
  struct {
    nlmsghdr nlh;
    netlink_diag_req ndr;
  } req{};
  req.nlh.nlmsg_len = sizeof req;
  req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  req.nlh.nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST;
  req.ndr.sdiag_family = AF_NETLINK;
  req.ndr.sdiag_protocol = NDIAG_PROTO_ALL;
  if (!send_query(fd, &req, sizeof req)) return std::nullopt;
  std::optional<std::string> out;
  receive(fd, [&](const void* data, int len) {
    const auto* m = static_cast<const netlink_diag_msg*>(data);
    if (len < static_cast<int>(NLMSG_LENGTH(sizeof *m))) return -1;
    if (m->ndiag_ino != inode) return 0;
    if (m->ndiag_family != AF_NETLINK) return -1;
    out = format_netlink_detail(name, m->ndiag_protocol, m->ndiag_portid);
    return 1;
  });
  return out;
}

enum class Lookup { Unix, Inet, Netlink };

struct Proto {
  const char* name;
  Lookup lookup;
  int family;
  int protocol;
};

// strace's protocol table, looked up by the xattr's name.
constexpr Proto kProtos[] = {
    {"UNIX", Lookup::Unix, AF_UNIX, 0},
    {"UNIX-STREAM", Lookup::Unix, AF_UNIX, 0},
    {"TCP", Lookup::Inet, AF_INET, IPPROTO_TCP},
    {"UDP", Lookup::Inet, AF_INET, IPPROTO_UDP},
    {"UDPLITE", Lookup::Inet, AF_INET, IPPROTO_UDPLITE},
    {"DCCP", Lookup::Inet, AF_INET, IPPROTO_DCCP},
    {"SCTP", Lookup::Inet, AF_INET, IPPROTO_SCTP},
    {"L2TP/IP", Lookup::Inet, AF_INET, 115},
    {"PING", Lookup::Inet, AF_INET, IPPROTO_ICMP},
    {"RAW", Lookup::Inet, AF_INET, IPPROTO_RAW},
    {"TCPv6", Lookup::Inet, AF_INET6, IPPROTO_TCP},
    {"UDPv6", Lookup::Inet, AF_INET6, IPPROTO_UDP},
    {"UDPLITEv6", Lookup::Inet, AF_INET6, IPPROTO_UDPLITE},
    {"DCCPv6", Lookup::Inet, AF_INET6, IPPROTO_DCCP},
    {"SCTPv6", Lookup::Inet, AF_INET6, IPPROTO_SCTP},
    {"L2TP/IPv6", Lookup::Inet, AF_INET6, 115},
    {"PINGv6", Lookup::Inet, AF_INET6, IPPROTO_ICMP},
    {"RAWv6", Lookup::Inet, AF_INET6, IPPROTO_RAW},
    {"NETLINK", Lookup::Netlink, AF_NETLINK, 0},
};

const Proto* find_proto(const std::string& name) {
  for (const auto& p : kProtos)
    if (name == p.name) return &p;
  return nullptr;
}

std::optional<std::string> lookup(const Proto& p, unsigned long inode) {
  int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> r;
  switch (p.lookup) {
    case Lookup::Unix: r = unix_lookup(fd, inode, p.name); break;
    case Lookup::Inet: r = inet_lookup(fd, p.family, p.protocol, inode, p.name); break;
    case Lookup::Netlink: r = netlink_lookup(fd, inode, p.name); break;
  }
  close(fd);
  return r;
}

// get_sockaddr_by_inode: the cache, else a lookup (cached when it succeeds),
// else "PROTO:[inode]" for a known protocol; nullopt for an unknown one.
std::optional<std::string> details_by_inode(pid_t tid, int fd, unsigned long inode) {
  std::lock_guard lock(cache_mutex);
  if (const std::string* c = cached(inode)) return *c;
  const Proto* p = find_proto(socket_proto_name(tid, fd));
  if (!p) return std::nullopt;
  if (auto d = lookup(*p, inode)) {
    remember(inode, *d);
    return d;
  }
  return fmt::format("{}:[{}]", p->name, inode);
}

}  // namespace

std::optional<std::string> socket_detail_from(unsigned long inode, const std::string& proto,
                                              const std::optional<std::string>& listed) {
  std::lock_guard lock(cache_mutex);
  if (const std::string* c = cached(inode)) return *c;
  const Proto* p = find_proto(proto);
  if (!p) return std::nullopt;
  if (listed) {
    remember(inode, *listed);
    return listed;
  }
  return fmt::format("{}:[{}]", p->name, inode);
}

std::string format_inet_detail(const char* proto, int family, const void* src, uint16_t sport_net,
                               const void* dst, uint16_t dport_net) {
  char s[INET6_ADDRSTRLEN] = "", d[INET6_ADDRSTRLEN] = "";
  inet_ntop(family, src, s, sizeof s);
  const char* ob = family == AF_INET6 ? "[" : "";
  const char* cb = family == AF_INET6 ? "]" : "";
  static const char zero[16] = {};
  size_t asize = family == AF_INET6 ? 16 : 4;
  if (dport_net || std::memcmp(zero, dst, asize) != 0) {
    inet_ntop(family, dst, d, sizeof d);
    return fmt::format("{}:[{}{}{}:{}->{}{}{}:{}]", proto, ob, s, cb, ntohs(sport_net), ob, d, cb, ntohs(dport_net));
  }
  return fmt::format("{}:[{}{}{}:{}]", proto, ob, s, cb, ntohs(sport_net));
}

std::string format_unix_detail(const char* proto, unsigned long inode, uint32_t peer, const std::string& path) {
  std::string out = fmt::format("{}:[{}", proto, inode);
  if (peer) out += fmt::format("->{}", peer);
  if (!path.empty()) {
    out += ',';
    // QUOTE_0_TERMINATED: the name stops at its first NUL.
    if (path[0] == '\0') {
      std::string rest = path.substr(1);
      out += '@' + quote_bytes(rest.substr(0, rest.find('\0')));
    } else {
      out += quote_bytes(path.substr(0, path.find('\0')));
    }
  }
  out += ']';
  return out;
}

std::string format_netlink_detail(const char* proto, int protocol, uint32_t portid) {
  if (const char* n = xlat_name(xlat::net_netlink_protocols, static_cast<uint64_t>(protocol)))
    return fmt::format("{}:[{}:{}]", proto, n + std::strlen("NETLINK_"), portid);
  return fmt::format("{}:[{}]", proto, protocol);
}

std::string format_path_detail(const std::string& path, bool is_char, bool is_block, unsigned major,
                               unsigned minor) {
  std::string out = quote_bytes(path, "<>", false);
  if (is_char || is_block) out += fmt::format("<{} {}:{}>", is_block ? "block" : "char", major, minor);
  return out;
}

std::string socket_proto_name(pid_t tid, int fd) {
  if (fd < 0) return {};
  char buf[256];
  std::string p = fmt::format("/proc/{}/fd/{}", tid, fd);
  ssize_t r = getxattr(p.c_str(), "system.sockprotoname", buf, sizeof buf - 1);
  if (r <= 0) return {};
  buf[r] = '\0';
  return buf;
}

// The pid a pidfd refers to ("Pid:" in its fdinfo), 0 when not known.
static long pidfd_pid(pid_t tid, int fd) {
  FILE* f = fopen(fmt::format("/proc/{}/fdinfo/{}", tid, fd).c_str(), "re");
  if (!f) return 0;
  char line[256];
  long pid = 0;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "Pid:\t%ld", &pid) == 1) break;
  fclose(f);
  return pid;
}

std::optional<std::string> socket_detail(pid_t tid, int fd, int classes) {
  if (fd < 0) return std::nullopt;
  bool ok = false;
  std::string link = fd_link(tid, fd, &ok);
  if (!ok) return std::nullopt;
  const bool path = classes & kDecodeFdPath;
  if (unsigned long inode = socket_inode(link)) {
    if (!(classes & kDecodeFdSocket)) return path ? std::optional<std::string>(link) : std::nullopt;
    if (auto d = details_by_inode(tid, fd, inode)) return d;
    return link;
  }
  struct stat st;
  if ((classes & kDecodeFdDev) && link[0] == '/' && stat(link.c_str(), &st) == 0 &&
      (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
    return format_path_detail(link, S_ISCHR(st.st_mode), S_ISBLK(st.st_mode), major(st.st_rdev), minor(st.st_rdev));
  if ((classes & kDecodeFdPidfd) && link == "anon_inode:[pidfd]")
    if (long pid = pidfd_pid(tid, fd); pid > 0) return "pid:" + std::to_string(pid);
  if (!path) return std::nullopt;
  return format_path_detail(link, false, false, 0, 0);
}

int netlink_protocol_of(pid_t tid, int fd) {
  bool ok = false;
  std::string link = fd_link(tid, fd, &ok);
  unsigned long inode = ok ? socket_inode(link) : 0;
  if (!inode) return -1;
  auto d = details_by_inode(tid, fd, inode);
  constexpr std::string_view prefix = "NETLINK:[";
  if (!d || d->compare(0, prefix.size(), prefix) != 0) return -1;
  std::string rest = d->substr(prefix.size());
  for (const auto& e : xlat::net_netlink_protocols.entries) {
    std::string_view n = e.name + std::strlen("NETLINK_");
    if (rest.compare(0, n.size(), n) == 0 && rest.size() > n.size() && rest[n.size()] == ':')
      return static_cast<int>(e.value);
  }
  if (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') return atoi(rest.c_str());
  return -1;
}

void socket_detail_cache_clear() {
  std::lock_guard lock(cache_mutex);
  for (auto& e : cache) e = CacheEntry{};
}

}  // namespace sct::net
