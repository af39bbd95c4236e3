// Socket address printing. strace copies at most sizeof(sockaddr_storage)
// bytes, zero-fills the rest, and then chooses a printer by sa_family when the
// length reaches that family's minimum; anything else prints its bytes as
// sa_data. The same rules are followed here so that short and odd lengths
// print as strace prints them.
#include "decode/sockaddr.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstring>

#include "decode/misc_helpers.h"
#include "xlat/net_xlat.h"

namespace sct::net {

std::string quote_bytes(std::string_view bytes, const char* extra, bool quotes) {
  std::string out;
  if (quotes) out += '"';
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    bool printable = c >= 0x20 && c < 0x7f && !(extra && c && std::strchr(extra, c));
    if (printable) {
      out += static_cast<char>(c);
    } else {
      bool digit_follows = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
      out += digit_follows ? fmt::format("\\{:03o}", c) : fmt::format("\\{:o}", c);
    }
  }
  if (quotes) out += '"';
  return out;
}

std::string hex0x(uint64_t v, int bytes) {
  char buf[40];
  snprintf(buf, sizeof buf, "%#0*llx", bytes * 2, static_cast<unsigned long long>(v));
  return buf;
}

std::string inet_addr_text(const void* in_addr) {
  char buf[INET_ADDRSTRLEN] = "";
  inet_ntop(AF_INET, in_addr, buf, sizeof buf);
  return fmt::format("inet_addr(\"{}\")", buf);
}

std::string ifindex_text(unsigned index) {
  char name[IF_NAMESIZE + 1] = "";
  if (index && if_indextoname(index, name)) return fmt::format("if_nametoindex({})", quote_bytes(name));
  return std::to_string(index);
}

namespace {

constexpr int kFamilySize = sizeof(sa_family_t);
constexpr int kSin6MinLen = offsetof(sockaddr_in6, sin6_scope_id);

// A field in network byte order as strace prints it: the call that builds
// it ("htons(9)"); under -X raw its bytes ("\x00\x09"), and under -X verbose
// the bytes with the call as a comment.
Value network_bytes(const void* bytes, size_t n, std::string call_text, std::string comment_text) {
  Value raw_form = Value::str(std::string(static_cast<const char*>(bytes), n), false);
  raw_form.str_force_hex = true;
  Value verbose_form = raw_form;
  verbose_form.with_comment(std::move(comment_text));
  return Value::styled(Value::raw(std::move(call_text)), std::move(raw_form), std::move(verbose_form));
}

Value port_value(uint16_t net_port) {
  std::string text = fmt::format("htons({})", ntohs(net_port));
  return network_bytes(&net_port, sizeof net_port, text, text);
}

void add_unix(Value& v, const uint8_t* buf, int addrlen) {
  int un_len = addrlen > static_cast<int>(sizeof(sockaddr_un)) ? static_cast<int>(sizeof(sockaddr_un)) : addrlen;
  int path_len = un_len - kFamilySize;
  const char* path = reinterpret_cast<const char*>(buf) + kFamilySize;
  if (path[0]) {
    // NUL-terminated within path_len bytes (the buffer is zero-filled beyond).
    size_t n = strnlen(path, static_cast<size_t>(path_len));
    v.add("sun_path", Value::str(std::string(path, n), false));
  } else {
    // Abstract: every byte after the leading NUL counts, NULs included.
    v.add("sun_path", Value::raw("@" + quote_bytes(std::string_view(path + 1, static_cast<size_t>(path_len - 1)))));
  }
}

void add_in(Value& v, const uint8_t* buf) {
  sockaddr_in sin;
  std::memcpy(&sin, buf, sizeof sin);
  v.add("sin_port", port_value(sin.sin_port));
  std::string addr = inet_addr_text(&sin.sin_addr);
  v.add("sin_addr", network_bytes(&sin.sin_addr, sizeof sin.sin_addr, addr, addr));
}

void add_in6(Value& v, const uint8_t* buf, int addrlen) {
  sockaddr_in6 sin6;
  std::memcpy(&sin6, buf, sizeof sin6);
  v.add("sin6_port", port_value(sin6.sin6_port));
  std::string flow = fmt::format("htonl({})", ntohl(sin6.sin6_flowinfo));
  v.add("sin6_flowinfo", network_bytes(&sin6.sin6_flowinfo, sizeof sin6.sin6_flowinfo, flow, flow));
  char text[INET6_ADDRSTRLEN] = "";
  inet_ntop(AF_INET6, &sin6.sin6_addr, text, sizeof text);
  // strace prints the address as the call that would build it, with no
  // name; -X raw/verbose name the field and print its bytes.
  Value bytes = network_bytes(&sin6.sin6_addr, sizeof sin6.sin6_addr, "",
                              fmt::format("inet_pton(AF_INET6, \"{}\")", text));
  v.add("", Value::styled(Value::raw(fmt::format("inet_pton(AF_INET6, \"{}\", &sin6_addr)", text)),
                          proc::named("sin6_addr", bytes.fields[1].second),
                          proc::named("sin6_addr", bytes.fields[2].second)));
  if (addrlen <= kSin6MinLen) return;
  if (IN6_IS_ADDR_LINKLOCAL(&sin6.sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&sin6.sin6_addr))
    v.add("sin6_scope_id", Value::raw(ifindex_text(sin6.sin6_scope_id)));
  else
    v.add("sin6_scope_id", Value::uinteger(sin6.sin6_scope_id));
}

void add_nl(Value& v, const uint8_t* buf) {
  sockaddr_nl nl;
  std::memcpy(&nl, buf, sizeof nl);
  if (nl.nl_pad) v.add("nl_pad", Value::hex(nl.nl_pad));
  v.add("nl_pid", Value::integer(static_cast<int32_t>(nl.nl_pid)));
  v.add("nl_groups", Value::raw(hex0x(nl.nl_groups, sizeof nl.nl_groups)));
}

void add_ll(Value& v, const uint8_t* buf, int addrlen) {
  sockaddr_ll ll;
  std::memcpy(&ll, buf, sizeof ll);
  unsigned proto = ntohs(ll.sll_protocol);
  Value p = xlat_enum_value(xlat::net_ethernet_protocols, proto);
  v.add("sll_protocol", Value::raw(fmt::format("htons({})", render_plain(p))));
  v.add("sll_ifindex", Value::raw(ifindex_text(static_cast<unsigned>(ll.sll_ifindex))));
  v.add("sll_hatype", xlat_enum_value(xlat::net_arp_hardware_types, ll.sll_hatype));
  v.add("sll_pkttype", xlat_enum_value(xlat::net_packet_types, ll.sll_pkttype));
  v.add("sll_halen", Value::uinteger(ll.sll_halen));
  if (ll.sll_halen) {
    int oob = addrlen - static_cast<int>(offsetof(sockaddr_ll, sll_addr));
    Value a = Value::array();
    for (int i = 0; i < ll.sll_halen; ++i) {
      if (i >= oob || i >= static_cast<int>(sizeof ll.sll_addr)) {
        a.elided();
        break;
      }
      a.push(Value::raw(hex0x(ll.sll_addr[i], 1)));
    }
    v.add("sll_addr", std::move(a));
  }
}

}  // namespace

Value sockaddr_value(std::span<const uint8_t> bytes, int addrlen) {
  sockaddr_storage storage;
  uint8_t buf[sizeof(sockaddr_storage) + 1] = {};
  if (addrlen > static_cast<int>(sizeof storage)) addrlen = sizeof storage;
  if (addrlen > static_cast<int>(bytes.size())) addrlen = static_cast<int>(bytes.size());
  std::memcpy(buf, bytes.data(), static_cast<size_t>(addrlen));
  sa_family_t family;
  std::memcpy(&family, buf, sizeof family);

  Value v = Value::structure();
  v.add("sa_family", xlat_enum_value(xlat::net_address_families, family));
  if (addrlen <= kFamilySize) return v;
  switch (family) {
    case AF_UNIX:
      if (addrlen >= kFamilySize + 1) return add_unix(v, buf, addrlen), v;
      break;
    case AF_INET:
      if (addrlen >= static_cast<int>(sizeof(sockaddr_in))) return add_in(v, buf), v;
      break;
    case AF_INET6:
      if (addrlen >= kSin6MinLen) return add_in6(v, buf, addrlen), v;
      break;
    case AF_NETLINK:
      if (addrlen >= static_cast<int>(sizeof(sockaddr_nl))) return add_nl(v, buf), v;
      break;
    case AF_PACKET:
      if (addrlen >= static_cast<int>(sizeof(sockaddr_ll))) return add_ll(v, buf, addrlen), v;
      break;
    default: break;
  }
  v.add("sa_data", Value::str(std::string(reinterpret_cast<const char*>(buf) + kFamilySize,
                                          static_cast<size_t>(addrlen - kFamilySize)),
                              false));
  return v;
}

Value decode_sockaddr(DecodeContext& ctx, uint64_t addr, int addrlen, int* family) {
  if (family) *family = -1;
  if (addrlen < 2) return ctx.addr(addr);
  if (addrlen > static_cast<int>(sizeof(sockaddr_storage))) addrlen = sizeof(sockaddr_storage);
  std::string bytes(static_cast<size_t>(addrlen), '\0');
  if (addr == 0 || !ctx.mem().read(addr, std::as_writable_bytes(std::span(bytes.data(), bytes.size()))))
    return Value::unavailable(addr);
  if (family) {
    sa_family_t f;
    std::memcpy(&f, bytes.data(), sizeof f);
    *family = f;
  }
  return sockaddr_value(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), addrlen);
}

std::string render_plain(const Value& v) {
  if (v.kind == Value::Kind::Sym) return v.text;
  std::string s = v.num == 0 ? "0" : fmt::format("{:#x}", static_cast<uint64_t>(v.num));
  if (!v.comment.empty()) s += " /* " + v.comment + " */";
  return s;
}

}  // namespace sct::net
