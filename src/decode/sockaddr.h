// Socket addresses as strace 6.1 prints them:
//   {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}
//   {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0),
//    inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}
//   {sa_family=AF_UNIX, sun_path="/run/x.sock"} and sun_path=@"abstract"
//   {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}
//   {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_IP), sll_ifindex=..., ...}
//   {sa_family=AF_UNSPEC, sa_data="\0\0..."} for families without a printer.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/value.h"
#include "decode/decoder.h"

namespace sct::net {

// The address of addrlen bytes at addr in the tracee. Prints the address when
// addrlen < 2 or the memory is unreadable. *family receives sa_family, or -1
// when nothing was decoded.
Value decode_sockaddr(DecodeContext& ctx, uint64_t addr, int addrlen, int* family = nullptr);

// The same from bytes already read (a control message, a test); addrlen is
// how many of them count (at most bytes.size()).
Value sockaddr_value(std::span<const uint8_t> bytes, int addrlen);

// inet_addr("127.0.0.1") for an IPv4 address in network order.
std::string inet_addr_text(const void* in_addr);
// if_nametoindex("lo"), or the plain number when no interface has it.
std::string ifindex_text(unsigned index);
// Quotes bytes as strace's string_quote does by default: "\n", octal
// escapes, and `extra` characters escaped too (strace escapes '<' and '>' in
// -y paths). With quotes=false the surrounding double quotes are left out.
std::string quote_bytes(std::string_view bytes, const char* extra = nullptr, bool quotes = true);
// An enum Value as text, for wrapping it in htons(...): the symbolic name,
// or the hex number with its "/* ETH_P_??? */" comment.
std::string render_plain(const Value& v);
// printf's "%#0*x" with the width of a field of `bytes` bytes, as strace's
// PRINT_FIELD_0X prints netlink groups and hardware addresses.
std::string hex0x(uint64_t v, int bytes);

}  // namespace sct::net
