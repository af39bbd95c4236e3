// Netlink message decoding. A buffer holding one message prints as
// [header, payload] (or just the header when there is no payload); several
// messages are wrapped in one more array, as strace's decode_netlink does.
#include "decode/net_netlink.h"

#include <fmt/format.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <cstring>
#include <string>

#include "decode/socket_info.h"
#include "xlat/errnos.h"
#include "xlat/net_xlat.h"

namespace sct::net {

namespace {

Value hex_string(DecodeContext& ctx, uint64_t addr, uint64_t len) {
  Value v = ctx.buf(addr, len);
  if (v.kind == Value::Kind::Str) v.str_force_hex = true;
  return v;
}

Value nlmsg_type_value(int family, uint16_t type) {
  if (type < NLMSG_MIN_TYPE) {
    if (const char* n = xlat_name(xlat::net_nlmsg_types_common, type)) return Value::sym(n, type);
    return Value::hex(type);
  }
  if (family == NETLINK_ROUTE) return xlat_enum_value(xlat::net_nlmsg_types_route, type);
  if (family == NETLINK_SOCK_DIAG) {
    if (const char* n = xlat_name(xlat::net_nlmsg_types_sock_diag, type)) return Value::sym(n, type);
  }
  return Value::hex(type);
}

const Xlat* nlmsg_flag_table(int family, uint16_t type) {
  if (type < NLMSG_MIN_TYPE) return type == NLMSG_ERROR ? &xlat::net_nlm_ack_flags : nullptr;
  if (family == NETLINK_ROUTE) {
    if (type == RTM_DELACTION) return &xlat::net_nlm_get_flags;
    switch (type & 3) {
      case 0: return &xlat::net_nlm_new_flags;
      case 1: return &xlat::net_nlm_delete_flags;
      case 2: return &xlat::net_nlm_get_flags;
      default: return nullptr;
    }
  }
  if (family == NETLINK_SOCK_DIAG) return &xlat::net_nlm_get_flags;
  return nullptr;
}

// printflags_ex over two tables: the common flags, then the type's own.
Value nlmsg_flags_value(int family, uint16_t type, uint16_t flags) {
  std::vector<std::string> names;
  uint64_t rest = flags;
  auto take = [&](const Xlat& x) {
    for (const auto& e : x.entries)
      if (e.value && (rest & e.value) == e.value) {
        names.emplace_back(e.name);
        rest &= ~e.value;
      }
  };
  take(xlat::net_nlm_flags);
  if (const Xlat* t = nlmsg_flag_table(family, type)) take(*t);
  if (flags == 0) return Value::flags({}, 0, 0, true);
  Value v = Value::flags(names, flags, rest, rest != 0);
  if (names.empty()) v.with_comment("NLM_F_???");
  return v;
}

Value header_value(int family, const nlmsghdr& h) {
  Value v = Value::structure();
  v.add("nlmsg_len", Value::uinteger(h.nlmsg_len));
  v.add("nlmsg_type", nlmsg_type_value(family, h.nlmsg_type));
  v.add("nlmsg_flags", nlmsg_flags_value(family, h.nlmsg_type, h.nlmsg_flags));
  v.add("nlmsg_seq", Value::uinteger(h.nlmsg_seq));
  v.add("nlmsg_pid", Value::integer(static_cast<int32_t>(h.nlmsg_pid)));
  return v;
}

// The name of the family byte that starts each rtnetlink payload.
const char* route_family_field(uint16_t type) {
  if (type >= RTM_NEWLINK && type <= RTM_SETLINK) return "ifi_family";
  if (type >= RTM_NEWADDR && type <= RTM_GETADDR) return "ifa_family";
  if (type >= RTM_NEWROUTE && type <= RTM_GETROUTE) return "rtm_family";
  if (type >= RTM_NEWNEIGH && type <= RTM_GETNEIGH) return "ndm_family";
  if (type >= RTM_NEWRULE && type <= RTM_GETRULE) return "family";
  if (type >= RTM_NEWQDISC && type <= RTM_GETTFILTER) return "tcm_family";
  return nullptr;
}

bool route_payload(DecodeContext& ctx, const nlmsghdr& h, uint64_t addr, uint64_t len, Value* out) {
  const char* field = route_family_field(h.nlmsg_type);
  if (!field || len < 1) return false;
  uint8_t family;
  if (!ctx.mem().read_object(addr, &family)) {
    *out = Value::unavailable(addr);
    return true;
  }
  // Only the bare family byte (the rtgenmsg of dump requests) is decoded;
  // longer payloads fall back to hex like strace's unknown payloads.
  if (len > 4) return false;
  Value v = Value::structure();
  v.add(field, xlat_enum_value(xlat::net_address_families, family));
  v.elided();
  *out = std::move(v);
  return true;
}

Value payload_value(DecodeContext& ctx, int family, const nlmsghdr& h, uint64_t addr, uint64_t len);

Value message_value(DecodeContext& ctx, int family, const nlmsghdr& h, uint64_t addr, uint64_t len) {
  uint64_t msg_len = std::min<uint64_t>(h.nlmsg_len, len);
  if (msg_len <= NLMSG_HDRLEN) return header_value(family, h);
  Value a = Value::array();
  a.push(header_value(family, h));
  a.push(payload_value(ctx, family, h, addr + NLMSG_HDRLEN, msg_len - NLMSG_HDRLEN));
  return a;
}

Value payload_value(DecodeContext& ctx, int family, const nlmsghdr& h, uint64_t addr, uint64_t len) {
  if (h.nlmsg_type == NLMSG_ERROR) {
    int32_t err;
    if (len < sizeof err) return hex_string(ctx, addr, len);
    if (!ctx.mem().read_object(addr, &err)) return Value::unavailable(addr);
    Value v = Value::structure();
    if (err < 0 && errno_name(-err))
      v.add("error", Value::raw(fmt::format("-{}", errno_name(-err))));
    else
      v.add("error", Value::integer(err));
    uint64_t rest = len - offsetof(nlmsgerr, msg);
    if (rest) {
      nlmsghdr inner;
      uint64_t inner_addr = addr + offsetof(nlmsgerr, msg);
      if (rest >= sizeof inner && ctx.mem().read_object(inner_addr, &inner)) {
        uint64_t payload = (h.nlmsg_flags & NLM_F_CAPPED) ? sizeof inner : inner.nlmsg_len;
        if (payload > rest) payload = rest;
        v.add("msg", message_value(ctx, family, inner, inner_addr, payload));
      } else {
        v.add("msg", hex_string(ctx, inner_addr, rest));
      }
    }
    return v;
  }
  if (h.nlmsg_type >= NLMSG_MIN_TYPE && family == NETLINK_ROUTE) {
    Value v;
    if (route_payload(ctx, h, addr, len, &v)) return v;
  }
  if (h.nlmsg_type == NLMSG_DONE && len == sizeof(int)) {
    int32_t n;
    if (!ctx.mem().read_object(addr, &n)) return Value::unavailable(addr);
    return Value::integer(n);
  }
  return hex_string(ctx, addr, len);
}

}  // namespace

bool is_netlink_socket(DecodeContext& ctx, int fd) {
  if (FdResolver* fds = ctx.fds()) return fds->is_netlink(ctx.call().tid, fd);
  return socket_proto_name(ctx.call().tid, fd) == "NETLINK";
}

Value decode_netlink_with_family(DecodeContext& ctx, int family, uint64_t addr, uint64_t len) {
  Value all = Value::array();
  bool is_array = false;
  Value single;
  for (size_t elt = 0;; ++elt) {
    nlmsghdr h;
    // fetch_nlmsghdr: a buffer too short for a header prints as hex bytes.
    if (len < sizeof h) {
      if (elt == 0) return hex_string(ctx, addr, len);
      break;
    }
    if (!ctx.mem().read_object(addr, &h)) {
      if (elt == 0) return Value::unavailable(addr);
      all.push(Value::unavailable(addr));
      break;
    }
    if (ctx.options().abbrev && elt == ctx.options().string_limit) {
      all.elided();
      break;
    }
    uint64_t aligned = NLMSG_ALIGN(h.nlmsg_len);
    uint64_t next_addr = 0, next_len = 0;
    if (h.nlmsg_len >= NLMSG_HDRLEN) {
      next_len = len >= aligned ? len - aligned : 0;
      if (next_len && addr + aligned > addr) next_addr = addr + aligned;
    }
    if (!is_array && next_addr) is_array = true;
    Value m = message_value(ctx, family, h, addr, len);
    if (!is_array) return m;
    all.push(std::move(m));
    if (!next_addr) break;
    addr = next_addr;
    len = next_len;
  }
  return all;
}

Value decode_netlink(DecodeContext& ctx, int fd, uint64_t addr, uint64_t len) {
  int protocol = ctx.fds() ? ctx.fds()->netlink_protocol(ctx.call().tid, fd) : netlink_protocol_of(ctx.call().tid, fd);
  return decode_netlink_with_family(ctx, protocol, addr, len);
}

}  // namespace sct::net

namespace sct {

bool FdResolver::is_netlink(pid_t tid, int fd) { return net::socket_proto_name(tid, fd) == "NETLINK"; }
int FdResolver::netlink_protocol(pid_t tid, int fd) { return net::netlink_protocol_of(tid, fd); }

}  // namespace sct
