// socket, socketpair, bind, connect, listen, shutdown, accept, accept4,
// getsockname, getpeername, with strace 6.1's entry/exit split: calls that
// only take inputs print everything at entry; accept & co print the fd at
// entry and the address with its in/out length ([16], [128 => 16]) at exit,
// unless the length pointer cannot be read at entry, in which case both
// pointers print as addresses at entry.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <sys/socket.h>

#include "decode/decoder.h"
#include "decode/net_common.h"
#include "decode/sockaddr.h"
#include "xlat/net_xlat.h"

namespace sct::net {
namespace {

// tprint_sock_type: the base type by name, then the flag bits.
Value sock_type_value(uint32_t type) {
  constexpr uint32_t kTypeMask = 0xf;
  if (const char* n = xlat_name(xlat::net_socket_types, type & kTypeMask)) {
    uint32_t rest = type & ~kTypeMask;
    if (!rest) return Value::sym(n, type);
    // Two constants: -X raw prints 0x1|0x80000 as strace does.
    Value f = flags_value(xlat::net_socket_type_flags, rest);
    f.comment.clear();
    Value both = Value::raw("");
    both.fields.emplace_back("", Value::sym(n, type & kTypeMask));
    both.fields.emplace_back("", Value::raw("|"));
    both.fields.emplace_back("", std::move(f));
    return both;
  }
  return flags_value(xlat::net_socket_type_flags, type);
}

Value protocol_value(int family, uint64_t proto) {
  switch (family) {
    case AF_INET:
    case AF_INET6: return xlat_enum_value(xlat::net_inet_protocols, static_cast<uint32_t>(proto));
    case AF_NETLINK: return xlat_enum_value(xlat::net_netlink_protocols, static_cast<uint32_t>(proto));
    case AF_PACKET: {
      Value p = xlat_enum_value(xlat::net_ethernet_protocols, ntohs(static_cast<uint16_t>(proto)));
      return Value::raw(fmt::format("htons({})", render_plain(p)));
    }
    default: return Value::uinteger(static_cast<uint32_t>(proto));
  }
}

void set_fd_return(SyscallCall& call, DecodeContext& ctx) {
  if (ctx.exiting() && !call.failed()) call.retval = ctx.fd(call.ret);
}

}  // namespace

SCT_DECODER(socket) {
  if (ctx.entering()) {
    int family = static_cast<int>(call.args[0]);
    call.arg(xlat_enum_value(xlat::net_address_families, static_cast<uint32_t>(call.args[0])));
    call.arg(sock_type_value(static_cast<uint32_t>(call.args[1])));
    call.arg(protocol_value(family, call.args[2]));
  }
  set_fd_return(call, ctx);
}

SCT_DECODER(socketpair) {
  if (ctx.entering()) {
    call.arg(xlat_enum_value(xlat::net_address_families, static_cast<uint32_t>(call.args[0])));
    call.arg(sock_type_value(static_cast<uint32_t>(call.args[1])));
    call.arg(Value::uinteger(static_cast<uint32_t>(call.args[2])));
    return;
  }
  int fds[2];
  if (call.failed() || call.args[3] == 0 || !ctx.mem().read_object(call.args[3], &fds)) {
    call.arg(call.failed() || call.args[3] == 0 ? ctx.addr(call.args[3]) : Value::unavailable(call.args[3]));
    return;
  }
  call.arg(Value::array().push(ctx.fd(fds[0])).push(ctx.fd(fds[1])));
}

// bind and connect: fd, address, length, all at entry.
static void decode_bind_like(SyscallCall& call, DecodeContext& ctx) {
  if (!ctx.entering()) return;
  int len = static_cast<int>(call.args[2]);
  call.arg(ctx.fd(static_cast<int>(call.args[0])));
  call.arg(decode_sockaddr(ctx, call.args[1], len));
  call.arg(Value::integer(len));
}
SCT_DECODER_ALIAS(bind, decode_bind_like)
SCT_DECODER_ALIAS(connect, decode_bind_like)

SCT_DECODER(listen) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(static_cast<int>(call.args[0])));
  call.arg(Value::integer(static_cast<int>(call.args[1])));
}

SCT_DECODER(shutdown) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(static_cast<int>(call.args[0])));
  call.arg(xlat_enum_value(xlat::net_shutdown_modes, static_cast<uint32_t>(call.args[1])));
}

namespace {

// decode_sockname: saved[0] = the length at entry, saved[1] = 1 when the
// whole call was printed at entry.
void decode_sockname(SyscallCall& call, DecodeContext& ctx, bool with_flags) {
  if (ctx.entering()) {
    call.arg(ctx.fd(static_cast<int>(call.args[0])));
    int32_t ulen = 0;
    if (call.args[1] && call.args[2] && ctx.mem().read_object(call.args[2], &ulen)) {
      call.saved[0] = static_cast<uint32_t>(ulen);
      return;
    }
    call.saved[1] = 1;
    call.arg(ctx.addr(call.args[1]));
    call.arg(ctx.addr(call.args[2]));
    if (with_flags) call.arg(flags_value(xlat::net_socket_type_flags, static_cast<uint32_t>(call.args[3])));
    return;
  }
  if (call.saved[1]) return;
  int ulen = static_cast<int32_t>(call.saved[0]);
  int32_t rlen = 0;
  if (call.failed() || !ctx.mem().read_object(call.args[2], &rlen)) {
    call.arg(ctx.addr(call.args[1]));
    call.arg(Value::array().push(Value::integer(ulen)));
  } else {
    call.arg(decode_sockaddr(ctx, call.args[1], ulen > rlen ? rlen : ulen));
    call.arg(len_in_out(ulen, rlen));
  }
  if (with_flags) call.arg(flags_value(xlat::net_socket_type_flags, static_cast<uint32_t>(call.args[3])));
}

}  // namespace

SCT_DECODER(accept) {
  decode_sockname(call, ctx, false);
  set_fd_return(call, ctx);
}

SCT_DECODER(accept4) {
  decode_sockname(call, ctx, true);
  set_fd_return(call, ctx);
}

static void decode_getsockname(SyscallCall& call, DecodeContext& ctx) { decode_sockname(call, ctx, false); }
SCT_DECODER_ALIAS(getsockname, decode_getsockname)
SCT_DECODER_ALIAS(getpeername, decode_getsockname)

}  // namespace sct::net
