#include "backend/bpf/fd_identity.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

#include "decode/socket_info.h"

namespace sct {

static_assert(sizeof(sct_fdinfo) % 8 == 0, "captures are padded to 8 bytes");

namespace {

constexpr int kTcpClose = 7;  // TCP_CLOSE: unbound, or closed since

std::string field(const char* s, size_t max) { return std::string(s, strnlen(s, max)); }

}  // namespace

std::string fd_identity_path(const sct_fdinfo& fi) {
  if (fi.kind == SCT_FDID_PIDFD) return "anon_inode:[pidfd]";
  return "socket:[" + std::to_string(fi.ino) + "]";
}

std::optional<std::string> fd_identity_listed(const sct_fdinfo& fi, bool* modelled) {
  *modelled = false;
  if (fi.kind != SCT_FDID_SOCKET) return std::nullopt;
  const std::string proto = field(fi.proto, sizeof fi.proto);
  if (fi.family == AF_INET || fi.family == AF_INET6) {
    const bool v6 = fi.family == AF_INET6;
    bool listed;
    if (fi.protocol == IPPROTO_TCP && proto == (v6 ? "TCPv6" : "TCP")) {
      // inet_diag dumps listening and established-hash sockets, and (since
      // 6.6, asked for every state as strace does) bound ones in TCP_CLOSE.
      listed = fi.state != kTcpClose || fi.sport != 0;
    } else if (fi.protocol == IPPROTO_UDP && proto == (v6 ? "UDPv6" : "UDP")) {
      // udp_dump walks the hash of bound sockets (autobound on first send).
      listed = fi.sport != 0;
    } else {
      return std::nullopt;
    }
    *modelled = true;
    if (!listed) return std::nullopt;
    return net::format_inet_detail(proto.c_str(), fi.family, fi.src, htons(fi.sport), fi.dst, fi.dport);
  }
  if (fi.family == AF_UNIX && (proto == "UNIX" || proto == "UNIX-STREAM")) {
    // unix_diag finds every unix socket by inode; strace takes the answer
    // only when it names a peer or a bound path.
    *modelled = true;
    size_t len = fi.path_len <= sizeof fi.path ? fi.path_len : sizeof fi.path;
    std::string path(fi.path, len);
    if (!fi.peer_ino && path.empty()) return std::nullopt;
    return net::format_unix_detail(proto.c_str(), static_cast<unsigned long>(fi.ino),
                                   static_cast<uint32_t>(fi.peer_ino), path);
  }
  return std::nullopt;
}

}  // namespace sct
