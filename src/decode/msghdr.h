// struct msghdr, its iovec array and its control messages, as strace 6.1
// prints them for sendmsg/recvmsg/sendmmsg/recvmmsg:
//   {msg_name={sa_family=AF_INET, ...}, msg_namelen=16,
//    msg_iov=[{iov_base="abc", iov_len=3}], msg_iovlen=1,
//    msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS,
//    cmsg_data=[5]}], msg_controllen=24, msg_flags=0}
#pragma once

#include <sys/socket.h>

#include <cstdint>

#include "core/value.h"
#include "decode/decoder.h"

namespace sct::net {

// No limit on the bytes shown in iov_base (sendmsg); recvmsg passes the
// return value, so only received bytes are shown.
constexpr uint64_t kUnlimited = ~0ull;

// A msghdr already read. user_namelen: msg_namelen as it was at entry
// (recvmsg), printed as "128 => 16" when the kernel changed it; nullptr when
// there is no such value (sendmsg). fd is the socket, for netlink payloads.
Value msghdr_value(DecodeContext& ctx, const msghdr& msg, const int* user_namelen, uint64_t data_size, int fd);

// Reads and prints the msghdr at addr, or prints the address.
Value decode_msghdr(DecodeContext& ctx, uint64_t addr, const int* user_namelen, uint64_t data_size, int fd);

// The iovec array: [{iov_base="...", iov_len=N}, ...], at most -s elements.
Value iovec_array(DecodeContext& ctx, uint64_t addr, uint64_t count, uint64_t data_size, bool netlink, int fd);

// The control messages of len bytes at addr.
Value msg_control_value(DecodeContext& ctx, uint64_t addr, uint64_t len);

// Decoded control messages from bytes already read (for tests and reuse).
Value cmsg_array_value(DecodeContext& ctx, const uint8_t* buf, size_t control_len, uint64_t addr, uint64_t in_len);

}  // namespace sct::net
