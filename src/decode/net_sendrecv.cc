// sendto, recvfrom, sendmsg, recvmsg, sendmmsg, recvmmsg as strace 6.1
// prints them. Senders print everything at entry, except sendmmsg, whose
// vector is printed at exit together with each message's msg_len. Receivers
// print the fd at entry and the filled buffers at exit, remembering at entry
// the lengths the kernel may change (address lengths, msg_namelen) so that
// "[128 => 16]" can be shown.
#include <fmt/format.h>
#include <sys/socket.h>

#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "decode/decoder.h"
#include "decode/msghdr.h"
#include "decode/net_common.h"
#include "decode/net_netlink.h"
#include "decode/sockaddr.h"
#include "xlat/net_xlat.h"

namespace sct::net {
namespace {

constexpr size_t kIovMax = 1024;

// decode_sockbuf: netlink sockets get their messages decoded.
Value sockbuf(DecodeContext& ctx, int fd, uint64_t addr, uint64_t len) {
  // -e verbose=none: the messages print as bytes, as strace prints them.
  if (addr && ctx.options().deref && is_netlink_socket(ctx, fd)) return decode_netlink(ctx, fd, addr, len);
  return strn(ctx, addr, len);
}

Value msg_flags(uint64_t v) { return flags_value(xlat::net_msg_flags, static_cast<uint32_t>(v)); }

std::string timespec_text(DecodeContext& ctx, uint64_t addr) {
  if (!addr) return "NULL";
  auto ts = ctx.object<timespec>(addr);
  if (!ts) return fmt::format("{:#x}", addr);
  return fmt::format("{{tv_sec={}, tv_nsec={}}}", ts->tv_sec, ts->tv_nsec);
}

}  // namespace

SCT_DECODER(sendto) {
  if (!ctx.entering()) return;
  int fd = static_cast<int>(call.args[0]);
  int addrlen = static_cast<int>(call.args[5]);
  call.arg(ctx.fd(fd));
  call.arg(sockbuf(ctx, fd, call.args[1], call.args[2]));
  call.arg(Value::uinteger(call.args[2]));
  call.arg(msg_flags(call.args[3]));
  call.arg(decode_sockaddr(ctx, call.args[4], addrlen));
  call.arg(Value::integer(addrlen));
}

// saved[0]: the address length at entry; saved[1]: 1 when it was read.
SCT_DECODER(recvfrom) {
  int fd = static_cast<int>(call.args[0]);
  if (ctx.entering()) {
    call.arg(ctx.fd(fd));
    int32_t ulen;
    if (call.args[4] && call.args[5] && ctx.mem().read_object(call.args[5], &ulen)) {
      call.saved[0] = static_cast<uint32_t>(ulen);
      call.saved[1] = 1;
    }
    return;
  }
  if (call.failed()) {
    call.arg(ctx.addr(call.args[1]));
  } else {
    uint64_t n = static_cast<uint64_t>(call.ret) < call.args[2] ? static_cast<uint64_t>(call.ret) : call.args[2];
    call.arg(sockbuf(ctx, fd, call.args[1], n));
  }
  call.arg(Value::uinteger(call.args[2]));
  call.arg(msg_flags(call.args[3]));
  int ulen = static_cast<int32_t>(call.saved[0]);
  int32_t rlen;
  if (!(call.args[4] && call.args[5] && ctx.mem().read_object(call.args[5], &rlen))) {
    call.arg(ctx.addr(call.args[4]));
    call.arg(ctx.addr(call.args[5]));
    return;
  }
  if (call.failed()) {
    call.arg(ctx.addr(call.args[4]));
    call.arg(Value::array().push(Value::integer(ulen)));
    return;
  }
  call.arg(decode_sockaddr(ctx, call.args[4], ulen > rlen ? rlen : ulen));
  call.arg(len_in_out(ulen, rlen));
}

SCT_DECODER(sendmsg) {
  if (!ctx.entering()) return;
  int fd = static_cast<int>(call.args[0]);
  call.arg(ctx.fd(fd));
  call.arg(decode_msghdr(ctx, call.args[1], nullptr, kUnlimited, fd));
  call.arg(msg_flags(call.args[2]));
}

// saved[0]: msg_namelen at entry; saved[1]: 1 when everything was printed
// at entry (the msghdr could not be read).
SCT_DECODER(recvmsg) {
  int fd = static_cast<int>(call.args[0]);
  if (ctx.entering()) {
    call.arg(ctx.fd(fd));
    auto msg = ctx.object<msghdr>(call.args[1]);
    if (msg) {
      call.saved[0] = msg->msg_namelen;
      return;
    }
    call.saved[1] = 1;
    call.arg(ctx.addr(call.args[1]));
    call.arg(msg_flags(call.args[2]));
    return;
  }
  if (call.saved[1]) return;
  int namelen = static_cast<int32_t>(call.saved[0]);
  if (call.failed())
    call.arg(Value::structure().add("msg_namelen", Value::integer(namelen)));
  else
    call.arg(decode_msghdr(ctx, call.args[1], &namelen, static_cast<uint64_t>(call.ret), fd));
  call.arg(msg_flags(call.args[2]));
}

namespace {

// decode_mmsgvec: up to vlen entries (-s of them at most), each
// {msg_hdr={...}, msg_len=N} with msg_len for the first msg_len_count ones.
Value mmsgvec(DecodeContext& ctx, int fd, uint64_t addr, uint64_t vlen, uint64_t msg_len_count, bool use_msg_len,
              const std::vector<int>* namelens, bool fetch_ok) {
  if (!addr) return Value::addr(0);
  if (vlen == 0) return Value::array();
  size_t count = kIovMax;
  if (namelens && namelens->size() < count) count = namelens->size();
  Value arr = Value::array();
  for (uint64_t i = 0; i < vlen; ++i) {
    mmsghdr m;
    uint64_t at = addr + i * sizeof m;
    if (!fetch_ok || !ctx.mem().read_object(at, &m)) {
      if (i == 0) return fetch_ok ? Value::unavailable(addr) : ctx.addr(addr);
      arr.push(Value::raw(fmt::format("... /* {:#x} */", at)));
      break;
    }
    if (ctx.options().abbrev && i >= ctx.options().string_limit) {
      arr.elided();
      break;
    }
    if (i >= count) {
      arr.elided();
      break;
    }
    const int* user_namelen = namelens ? &(*namelens)[i] : nullptr;
    Value e = Value::structure();
    e.add("msg_hdr", msghdr_value(ctx, m.msg_hdr, user_namelen, use_msg_len ? m.msg_len : kUnlimited, fd));
    if (i < msg_len_count) e.add("msg_len", Value::uinteger(m.msg_len));
    arr.push(std::move(e));
  }
  return arr;
}

}  // namespace

SCT_DECODER(sendmmsg) {
  int fd = static_cast<int>(call.args[0]);
  if (ctx.entering()) {
    call.arg(ctx.fd(fd));
    return;
  }
  uint64_t sent = call.failed() ? 0 : static_cast<uint64_t>(call.ret);
  // strace reads the vector even when the call failed (it clears the error
  // for this), so a readable vector prints in full without msg_len.
  call.arg(mmsgvec(ctx, fd, call.args[1], static_cast<uint32_t>(call.args[2]), sent, false, nullptr, true));
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[2])));
  call.arg(msg_flags(call.args[3]));
}

// saved_bytes: the timeout as printed at entry, then the msg_namelen of
// each entry as ints.
SCT_DECODER(recvmmsg) {
  int fd = static_cast<int>(call.args[0]);
  if (ctx.entering()) {
    call.arg(ctx.fd(fd));
    std::string ts = timespec_text(ctx, call.args[4]);
    std::vector<int> namelens;
    uint64_t vlen = static_cast<uint32_t>(call.args[2]);
    if (vlen > kIovMax) vlen = kIovMax;
    for (uint64_t i = 0; i < vlen; ++i) {
      mmsghdr m;
      if (!ctx.mem().read_object(call.args[1] + i * sizeof m, &m)) break;
      namelens.push_back(static_cast<int>(m.msg_hdr.msg_namelen));
    }
    call.saved[0] = namelens.size();
    call.saved_bytes = ts;
    call.saved_bytes.push_back('\0');
    call.saved_bytes.append(reinterpret_cast<const char*>(namelens.data()), namelens.size() * sizeof(int));
    return;
  }
  size_t nul = call.saved_bytes.find('\0');
  std::string ts = call.saved_bytes.substr(0, nul);
  std::vector<int> namelens(call.saved[0]);
  if (!namelens.empty())
    std::memcpy(namelens.data(), call.saved_bytes.data() + nul + 1, namelens.size() * sizeof(int));
  uint64_t got = call.failed() ? 0 : static_cast<uint64_t>(call.ret);
  if (call.failed())
    call.arg(ctx.addr(call.args[1]));
  else
    call.arg(mmsgvec(ctx, fd, call.args[1], got, got, true, &namelens, true));
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[2])));
  call.arg(msg_flags(call.args[3]));
  call.arg(Value::raw(ts));
  if (call.failed()) return;
  if (call.ret == 0) {
    call.ret_comment = "(Timeout)";
  } else if (call.args[4]) {
    call.ret_comment = "(left " + timespec_text(ctx, call.args[4]) + ")";
  }
}

}  // namespace sct::net
