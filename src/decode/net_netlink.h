// Netlink messages in socket buffers, as strace 6.1 prints the basics:
//   [{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP,
//     nlmsg_seq=1, nlmsg_pid=0}, {ifi_family=AF_PACKET, ...}]
// The header is always decoded; payloads are decoded for NLMSG_ERROR,
// NLMSG_DONE and the family byte of rtnetlink requests. Other payloads print
// as hex strings (strace decodes more rtnetlink attributes than this does).
#pragma once

#include <cstdint>

#include "core/value.h"
#include "decode/decoder.h"

namespace sct::net {

// True when fd (in the traced task) is a netlink socket, so that strace would
// decode its send/recv buffers as netlink messages.
bool is_netlink_socket(DecodeContext& ctx, int fd);

// The messages in len bytes at addr; fd tells the netlink protocol.
Value decode_netlink(DecodeContext& ctx, int fd, uint64_t addr, uint64_t len);

// The same with the protocol given (NETLINK_ROUTE...; -1 unknown).
Value decode_netlink_with_family(DecodeContext& ctx, int family, uint64_t addr, uint64_t len);

}  // namespace sct::net
