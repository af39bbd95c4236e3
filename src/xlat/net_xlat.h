// Constant tables of the socket API, as strace 6.1 names them: address
// families, socket types, protocols, message flags, socket option levels and
// names, control message types, and the netlink header constants.
#pragma once

#include "xlat/xlat.h"

namespace sct::xlat {

extern const Xlat net_address_families;   // AF_INET; unknown: AF_???
extern const Xlat net_socket_types;       // SOCK_STREAM (the low 4 bits)
extern const Xlat net_socket_type_flags;  // SOCK_CLOEXEC|SOCK_NONBLOCK
extern const Xlat net_inet_protocols;     // IPPROTO_TCP
extern const Xlat net_netlink_protocols;  // NETLINK_ROUTE
extern const Xlat net_ethernet_protocols; // ETH_P_ALL
extern const Xlat net_msg_flags;          // MSG_DONTWAIT|MSG_NOSIGNAL
extern const Xlat net_shutdown_modes;     // SHUT_RDWR
extern const Xlat net_socket_levels;      // SOL_SOCKET; unknown: SOL_??
extern const Xlat net_cmsg_levels;        // the same names; unknown: SOL_???
extern const Xlat net_sol_socket_options; // SO_REUSEADDR (both directions)
extern const Xlat net_getsock_options;    // SO_GET_FILTER
extern const Xlat net_setsock_options;    // SO_ATTACH_FILTER
extern const Xlat net_ip_options;         // IP_TOS
extern const Xlat net_ipv6_options;       // IPV6_V6ONLY
extern const Xlat net_tcp_options;        // TCP_NODELAY
extern const Xlat net_udp_options;        // UDP_CORK
extern const Xlat net_netlink_options;    // NETLINK_EXT_ACK
extern const Xlat net_packet_options;     // PACKET_ADD_MEMBERSHIP
extern const Xlat net_scm_types;          // SCM_RIGHTS
extern const Xlat net_ip_cmsg_types;      // IP_PKTINFO
extern const Xlat net_arp_hardware_types; // ARPHRD_ETHER
extern const Xlat net_packet_types;       // PACKET_HOST
extern const Xlat net_nlmsg_types_common; // NLMSG_DONE
extern const Xlat net_nlmsg_types_route;  // RTM_GETLINK
extern const Xlat net_nlmsg_types_sock_diag;  // SOCK_DIAG_BY_FAMILY
extern const Xlat net_nlm_flags;          // NLM_F_REQUEST (every message)
extern const Xlat net_nlm_get_flags;      // NLM_F_DUMP
extern const Xlat net_nlm_new_flags;      // NLM_F_CREATE
extern const Xlat net_nlm_delete_flags;   // NLM_F_NONREC
extern const Xlat net_nlm_ack_flags;      // NLM_F_CAPPED

}  // namespace sct::xlat
