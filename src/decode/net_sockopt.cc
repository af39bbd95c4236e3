// setsockopt and getsockopt: the level and option names (SOL_TCP,
// TCP_NODELAY...), and the value as strace 6.1 prints it: [1] for an int,
// structs for the few options it knows (SO_LINGER, SO_PEERCRED, SO_ERROR,
// multicast requests), and a quoted string for everything else.
// getsockopt prints its value and [len] / [len => newlen] at exit.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "decode/decoder.h"
#include "decode/net_common.h"
#include "decode/sockaddr.h"
#include "xlat/errnos.h"
#include "xlat/net_xlat.h"

namespace sct::net {
namespace {

// printxvals: the first table that names the value, else hex with a comment.
Value option_name(const Xlat& common, const Xlat* specific, uint32_t name) {
  if (const char* n = xlat_name(common, name)) return Value::sym(n, name);
  if (specific)
    if (const char* n = xlat_name(*specific, name)) return Value::sym(n, name);
  return xlat_enum_value(common, name);
}

void add_fd_level_name(SyscallCall& call, DecodeContext& ctx, bool get) {
  uint32_t level = static_cast<uint32_t>(call.args[1]);
  uint32_t name = static_cast<uint32_t>(call.args[2]);
  call.arg(ctx.fd(static_cast<int>(call.args[0])));
  call.arg(xlat_enum_value(xlat::net_socket_levels, level));
  switch (level) {
    case SOL_SOCKET:
      call.arg(option_name(xlat::net_sol_socket_options, get ? &xlat::net_getsock_options : &xlat::net_setsock_options,
                           name));
      break;
    case SOL_IP: call.arg(option_name(xlat::net_ip_options, nullptr, name)); break;
    case SOL_IPV6: call.arg(option_name(xlat::net_ipv6_options, nullptr, name)); break;
    case IPPROTO_TCP: call.arg(xlat_enum_value(xlat::net_tcp_options, name)); break;
    case IPPROTO_UDP: call.arg(xlat_enum_value(xlat::net_udp_options, name)); break;
    case SOL_NETLINK: call.arg(xlat_enum_value(xlat::net_netlink_options, name)); break;
    case SOL_PACKET: call.arg(xlat_enum_value(xlat::net_packet_options, name)); break;
    default: call.arg(Value::uinteger(name)); break;
  }
}

Value linger_value(DecodeContext& ctx, uint64_t addr, size_t len) {
  linger l{};
  if (len > sizeof l) len = sizeof l;
  if (!addr || !ctx.mem().read(addr, std::as_writable_bytes(std::span(reinterpret_cast<char*>(&l), len))))
    return addr ? Value::unavailable(addr) : Value::addr(0);
  Value s = Value::structure();
  if (len >= offsetof(linger, l_onoff) + sizeof l.l_onoff) s.add("l_onoff", Value::integer(l.l_onoff));
  if (len >= offsetof(linger, l_linger) + sizeof l.l_linger) s.add("l_linger", Value::integer(l.l_linger));
  return s;
}

Value ucred_value(DecodeContext& ctx, uint64_t addr, size_t len) {
  ucred uc{};
  if (len > sizeof uc) len = sizeof uc;
  if (!addr || !ctx.mem().read(addr, std::as_writable_bytes(std::span(reinterpret_cast<char*>(&uc), len))))
    return addr ? Value::unavailable(addr) : Value::addr(0);
  Value s = Value::structure();
  if (len >= 4) s.add("pid", Value::pid(uc.pid));
  if (len >= 8) s.add("uid", Value::integer(static_cast<int32_t>(uc.uid)));
  if (len >= 12) s.add("gid", Value::integer(static_cast<int32_t>(uc.gid)));
  return s;
}

// The default: an int when the length is that of an int, else the bytes.
Value default_optval(DecodeContext& ctx, uint64_t addr, int len) {
  if (len == static_cast<int>(sizeof(int))) return int_at(ctx, addr);
  return strn(ctx, addr, static_cast<uint32_t>(len));
}

Value get_optval(DecodeContext& ctx, uint32_t level, uint32_t name, uint64_t addr, int ulen, int rlen) {
  if (!ctx.options().deref) return ctx.addr(addr);
  if (ulen <= 0 || rlen <= 0) return ctx.addr(addr);
  if (addr) {
    if (level == SOL_SOCKET) {
      if (name == SO_LINGER) return linger_value(ctx, addr, static_cast<size_t>(rlen));
      if (name == SO_PEERCRED) return ucred_value(ctx, addr, static_cast<size_t>(rlen));
      if (name == SO_ERROR) {
        uint32_t err = 0;
        size_t n = static_cast<size_t>(rlen) < sizeof err ? static_cast<size_t>(rlen) : sizeof err;
        if (!ctx.mem().read(addr, std::as_writable_bytes(std::span(reinterpret_cast<char*>(&err), n))))
          return Value::unavailable(addr);
        const char* en = err ? errno_name(static_cast<int>(err)) : nullptr;
        return Value::array().push(en ? Value::sym(en, err) : Value::uinteger(err));
      }
    } else if (level == SOL_NETLINK) {
      if (name == NETLINK_LIST_MEMBERSHIPS) {
        Value a = Value::array();
        int n = (ulen < rlen ? ulen : rlen) / 4;
        for (int i = 0; i < n; ++i) {
          if (ctx.options().abbrev && static_cast<size_t>(i) >= ctx.options().string_limit) {
            a.elided();
            break;
          }
          uint32_t u;
          if (!ctx.mem().read_object(addr + 4u * static_cast<unsigned>(i), &u)) {
            if (i == 0) return Value::unavailable(addr);
            break;
          }
          a.push(Value::uinteger(u));
        }
        return a;
      }
      return int_at(ctx, addr);
    }
  }
  return default_optval(ctx, addr, rlen);
}

// The SOL_SOCKET options strace 6.1 prints as an int whatever the length
// (measured against Debian's strace: others print as strings).
bool is_int_sol_socket_option(uint32_t name) {
  static constexpr uint32_t kInts[] = {1,  2,  5,  6,  7,  8,  9,  10, 11, 12, 14, 15, 16, 18, 19, 27,
                                       29, 30, 32, 33, 34, 35, 36, 37, 40, 41, 42, 43, 44, 45, 46, 49,
                                       53, 56, 60, 63, 64, 65, 68, 69, 70, 73, 74, 75};
  for (uint32_t n : kInts)
    if (n == name) return true;
  return false;
}

Value set_optval(DecodeContext& ctx, uint32_t level, uint32_t name, uint64_t addr, int len) {
  // -e verbose=none: strace prints the address whatever the option.
  if (!ctx.options().deref) return ctx.addr(addr);
  if (addr) {
    if (level == SOL_SOCKET && is_int_sol_socket_option(name)) {
      if (len < static_cast<int>(sizeof(int))) return ctx.addr(addr);
      Value v = int_at(ctx, addr);
      // SO_TXREHASH values are named; an unnamed one gets the comment.
      if (name == 74 && v.kind == Value::Kind::Array) {
        int64_t n = v.fields[0].second.num;
        const char* nm = n == 0 ? "SOCK_TXREHASH_DISABLED" : n == 1 ? "SOCK_TXREHASH_ENABLED" : n == 255 ? "SOCK_TXREHASH_DEFAULT" : nullptr;
        v.fields[0].second = nm ? Value::sym(nm, n) : Value::integer(n).with_comment("SOCK_TXREHASH_???");
      }
      return v;
    }
    if (level == SOL_SOCKET && (name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF)) {
      struct {
        uint16_t len;
        uint64_t filter;
      } prog;
      if (len != 16) return ctx.addr(addr);
      if (!ctx.mem().read_object(addr, &prog)) return Value::unavailable(addr);
      return Value::structure().add("len", Value::uinteger(prog.len)).add("filter", Value::addr(prog.filter));
    }
    if ((level == SOL_IP || level == SOL_IPV6) && (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP)) {
      group_req gr;
      if (len < static_cast<int>(sizeof gr)) return ctx.addr(addr);
      if (!ctx.mem().read_object(addr, &gr)) return Value::unavailable(addr);
      return Value::structure()
          .add("gr_interface", Value::raw(ifindex_text(gr.gr_interface)))
          .add("gr_group", sockaddr_value(std::span(reinterpret_cast<const uint8_t*>(&gr.gr_group), sizeof gr.gr_group),
                                          sizeof gr.gr_group));
    }
    if (level == SOL_SOCKET && name == SO_LINGER) {
      if (len < static_cast<int>(sizeof(linger))) return ctx.addr(addr);
      return linger_value(ctx, addr, sizeof(linger));
    }
    if (level == SOL_IP && (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)) {
      ip_mreq m;
      if (len < static_cast<int>(sizeof m)) return ctx.addr(addr);
      if (!ctx.mem().read_object(addr, &m)) return Value::unavailable(addr);
      return Value::structure()
          .add("imr_multiaddr", Value::raw(inet_addr_text(&m.imr_multiaddr)))
          .add("imr_interface", Value::raw(inet_addr_text(&m.imr_interface)));
    }
    if (level == SOL_IPV6 && (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
                              name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST)) {
      ipv6_mreq m;
      if (len < static_cast<int>(sizeof m)) return ctx.addr(addr);
      if (!ctx.mem().read_object(addr, &m)) return Value::unavailable(addr);
      char text[INET6_ADDRSTRLEN] = "";
      inet_ntop(AF_INET6, &m.ipv6mr_multiaddr, text, sizeof text);
      return Value::structure()
          .add("", Value::raw(fmt::format("inet_pton(AF_INET6, \"{}\", &ipv6mr_multiaddr)", text)))
          .add("ipv6mr_interface", Value::raw(ifindex_text(m.ipv6mr_interface)));
    }
    if (level == SOL_NETLINK) {
      if (len < static_cast<int>(sizeof(int))) return ctx.addr(addr);
      return int_at(ctx, addr);
    }
  }
  return default_optval(ctx, addr, len);
}

}  // namespace

SCT_DECODER(setsockopt) {
  if (!ctx.entering()) return;
  add_fd_level_name(call, ctx, false);
  int len = static_cast<int>(call.args[4]);
  call.arg(set_optval(ctx, static_cast<uint32_t>(call.args[1]), static_cast<uint32_t>(call.args[2]), call.args[3], len));
  call.arg(Value::integer(len));
}

// saved[0]: *optlen at entry; saved[1]: 1 when everything printed at entry.
SCT_DECODER(getsockopt) {
  if (ctx.entering()) {
    add_fd_level_name(call, ctx, true);
    int32_t ulen;
    if (call.args[4] && ctx.mem().read_object(call.args[4], &ulen)) {
      call.saved[0] = static_cast<uint32_t>(ulen);
      return;
    }
    call.saved[1] = 1;
    call.arg(ctx.addr(call.args[3]));
    call.arg(ctx.addr(call.args[4]));
    return;
  }
  if (call.saved[1]) return;
  int ulen = static_cast<int32_t>(call.saved[0]);
  int32_t rlen;
  if (call.failed() || !ctx.mem().read_object(call.args[4], &rlen)) {
    call.arg(ctx.addr(call.args[3]));
    call.arg(Value::array().push(Value::integer(ulen)));
    return;
  }
  call.arg(get_optval(ctx, static_cast<uint32_t>(call.args[1]), static_cast<uint32_t>(call.args[2]), call.args[3],
                      ulen, rlen));
  call.arg(len_in_out(ulen, rlen));
}

}  // namespace sct::net
