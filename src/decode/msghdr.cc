// msghdr printing. Two details matter for matching strace: recvmsg limits the
// bytes shown across all iovecs to the return value (the rest print as ""),
// and control messages are walked with the kernel's 8-byte alignment, with a
// trailing "..." and the address of what was left when a header is cut.
#include "decode/msghdr.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netinet/in.h>
#include <sys/uio.h>

#include <cstring>
#include <string>
#include <vector>

#include "decode/net_common.h"
#include "decode/net_netlink.h"
#include "decode/sockaddr.h"
#include "xlat/net_xlat.h"

namespace sct::net {

namespace {

// The kernel's net.core.optmem_max bounds what strace reads of msg_control.
uint64_t optmem_max() {
  static uint64_t cached = [] {
    uint64_t v = 0;
    if (FILE* f = fopen("/proc/sys/net/core/optmem_max", "r")) {
      long long n = 0;
      if (fscanf(f, "%lld", &n) == 1 && n > 0) v = (static_cast<uint64_t>(n) + 7) & ~7ull;
      fclose(f);
    }
    if (!v) v = sizeof(long long) * (2 * 1024 + 512);
    return v;
  }();
  return cached;
}

Value cmsg_data(DecodeContext& ctx, int level, int type, const uint8_t* data, size_t len, bool* has) {
  *has = true;
  if (level == SOL_SOCKET) {
    if (type == SCM_RIGHTS && len >= sizeof(int)) {
      Value a = Value::array();
      for (size_t i = 0; i + sizeof(int) <= len; i += sizeof(int)) {
        int fd;
        std::memcpy(&fd, data + i, sizeof fd);
        a.push(ctx.fd(fd));
      }
      return a;
    }
    if (type == SCM_CREDENTIALS && len >= sizeof(ucred)) {
      ucred uc;
      std::memcpy(&uc, data, sizeof uc);
      Value s = Value::structure();
      s.add("pid", Value::pid(uc.pid));
      s.add("uid", Value::integer(static_cast<int32_t>(uc.uid)));
      s.add("gid", Value::integer(static_cast<int32_t>(uc.gid)));
      return s;
    }
    if (type == 3 /* SCM_SECURITY */ && len >= 1)
      return Value::str(std::string(reinterpret_cast<const char*>(data), len), false);
  } else if (level == SOL_IP) {
    if (type == IP_PKTINFO && len >= sizeof(in_pktinfo)) {
      in_pktinfo pi;
      std::memcpy(&pi, data, sizeof pi);
      Value s = Value::structure();
      s.add("ipi_ifindex", Value::raw(ifindex_text(static_cast<unsigned>(pi.ipi_ifindex))));
      s.add("ipi_spec_dst", Value::raw(inet_addr_text(&pi.ipi_spec_dst)));
      s.add("ipi_addr", Value::raw(inet_addr_text(&pi.ipi_addr)));
      return s;
    }
    if ((type == IP_TTL || type == IP_CHECKSUM) && len >= sizeof(unsigned)) {
      Value a = Value::array();
      for (size_t i = 0; i + sizeof(unsigned) <= len; i += sizeof(unsigned)) {
        unsigned u;
        std::memcpy(&u, data + i, sizeof u);
        a.push(Value::uinteger(u));
      }
      return a;
    }
    if ((type == IP_TOS || type == IP_RECVOPTS || type == IP_RETOPTS) && len >= 1) {
      Value a = Value::array();
      for (size_t i = 0; i < len; ++i) a.push(Value::raw(fmt::format("{:#04x}", data[i])));
      return a;
    }
    if (type == IP_ORIGDSTADDR && len >= sizeof(sockaddr_in))
      return sockaddr_value(std::span(data, len), static_cast<int>(std::min(len, sizeof(sockaddr_storage))));
  }
  *has = false;
  return {};
}

}  // namespace

Value cmsg_array_value(DecodeContext& ctx, const uint8_t* buf, size_t control_len, uint64_t addr, uint64_t in_len) {
  constexpr size_t kHdr = sizeof(cmsghdr);
  Value arr = Value::array();
  size_t off = 0;
  size_t left = control_len;
  while (left >= kHdr) {
    cmsghdr h;
    std::memcpy(&h, buf + off, kHdr);
    Value c = Value::structure();
    c.add("cmsg_len", Value::uinteger(h.cmsg_len));
    c.add("cmsg_level", xlat_enum_value(xlat::net_cmsg_levels, static_cast<uint32_t>(h.cmsg_level)));
    size_t len = h.cmsg_len > left ? left : h.cmsg_len;
    if (h.cmsg_level == SOL_SOCKET)
      c.add("cmsg_type", xlat_enum_value(xlat::net_scm_types, static_cast<uint32_t>(h.cmsg_type)));
    else if (h.cmsg_level == SOL_IP)
      c.add("cmsg_type", xlat_enum_value(xlat::net_ip_cmsg_types, static_cast<uint32_t>(h.cmsg_type)));
    else
      c.add("cmsg_type", Value::hex(static_cast<uint32_t>(h.cmsg_type)));
    if (h.cmsg_level == SOL_SOCKET || h.cmsg_level == SOL_IP) {
      bool has = false;
      Value d = cmsg_data(ctx, h.cmsg_level, h.cmsg_type, buf + off + kHdr, len > kHdr ? len - kHdr : 0, &has);
      if (has) c.add("cmsg_data", std::move(d));
    }
    arr.push(std::move(c));
    if (len < kHdr) {
      left -= kHdr;
      break;
    }
    size_t step = (h.cmsg_len + 7) & ~size_t{7};
    if (step >= left) {
      left = 0;
      break;
    }
    off += step;
    left -= step;
  }
  if (left) {
    arr.push(Value::raw(fmt::format("... /* {:#x} */", addr + (control_len - left))));
  } else if (control_len < in_len) {
    arr.elided();
  }
  return arr;
}

Value msg_control_value(DecodeContext& ctx, uint64_t addr, uint64_t in_len) {
  uint64_t control_len = in_len > optmem_max() ? optmem_max() : in_len;
  if (control_len < sizeof(cmsghdr)) return ctx.addr(addr);
  std::vector<uint8_t> buf(control_len);
  if (!ctx.mem().read(addr, std::as_writable_bytes(std::span(buf)))) return Value::unavailable(addr);
  return cmsg_array_value(ctx, buf.data(), buf.size(), addr, in_len);
}

Value iovec_array(DecodeContext& ctx, uint64_t addr, uint64_t count, uint64_t data_size, bool netlink, int fd) {
  if (addr == 0) return Value::addr(0);
  Value arr = Value::array();
  for (uint64_t i = 0; i < count; ++i) {
    if (ctx.options().abbrev && i >= ctx.options().string_limit) {
      arr.elided();
      break;
    }
    iovec iov;
    if (!ctx.mem().read_object(addr + i * sizeof iov, &iov)) {
      if (i == 0) return Value::unavailable(addr);
      arr.push(Value::raw(fmt::format("... /* {:#x} */", addr + i * sizeof iov)));
      break;
    }
    uint64_t base = reinterpret_cast<uint64_t>(iov.iov_base);
    uint64_t len = iov.iov_len;
    if (len > data_size) len = data_size;
    if (data_size != kUnlimited) data_size -= len;
    Value e = Value::structure();
    e.add("iov_base", netlink ? decode_netlink(ctx, fd, base, len) : strn(ctx, base, len));
    e.add("iov_len", Value::uinteger(iov.iov_len));
    arr.push(std::move(e));
  }
  return arr;
}

Value msghdr_value(DecodeContext& ctx, const msghdr& msg, const int* user_namelen, uint64_t data_size, int fd) {
  int namelen = static_cast<int>(msg.msg_namelen);
  if (user_namelen && namelen > *user_namelen) namelen = *user_namelen;
  Value v = Value::structure();
  int family = -1;
  v.add("msg_name", decode_sockaddr(ctx, reinterpret_cast<uint64_t>(msg.msg_name), namelen, &family));
  if (user_namelen && *user_namelen != static_cast<int>(msg.msg_namelen))
    v.add("msg_namelen", Value::raw(fmt::format("{} => {}", *user_namelen, static_cast<int>(msg.msg_namelen))));
  else
    v.add("msg_namelen", Value::integer(static_cast<int>(msg.msg_namelen)));
  v.add("msg_iov", iovec_array(ctx, reinterpret_cast<uint64_t>(msg.msg_iov), msg.msg_iovlen, data_size,
                               family == AF_NETLINK, fd));
  v.add("msg_iovlen", Value::uinteger(msg.msg_iovlen));
  if (msg.msg_controllen)
    v.add("msg_control", msg_control_value(ctx, reinterpret_cast<uint64_t>(msg.msg_control), msg.msg_controllen));
  v.add("msg_controllen", Value::uinteger(msg.msg_controllen));
  v.add("msg_flags", flags_value(xlat::net_msg_flags, static_cast<uint32_t>(msg.msg_flags)));
  return v;
}

Value decode_msghdr(DecodeContext& ctx, uint64_t addr, const int* user_namelen, uint64_t data_size, int fd) {
  auto msg = ctx.object<msghdr>(addr);
  if (!msg) return addr ? Value::unavailable(addr) : Value::addr(0);
  return msghdr_value(ctx, *msg, user_namelen, data_size, fd);
}

}  // namespace sct::net
