// What strace 6.1 prints inside <...> after a descriptor with -yy:
//   TCP:[127.0.0.1:41234->127.0.0.1:8080]   a connected TCP socket
//   TCP:[127.0.0.1:8080]                     a listener (no peer)
//   TCPv6:[[::1]:41234->[::1]:8080]          IPv6 addresses in brackets
//   UNIX-STREAM:[12345->12346]               peer inode
//   UNIX-STREAM:[12345,"/run/x.sock"]        bound name (@"..." if abstract)
//   NETLINK:[ROUTE:1234]                     protocol and port id
//   TCP:[70013]                              a socket sock_diag does not list
//   socket:[75139]                           a socket of an unnamed protocol
//   /dev/null<char 1:3>                      devices get their numbers
//   pipe:[123], anon_inode:[eventpoll], /etc/passwd   everything else
// Socket details come from the kernel's sock_diag netlink interface
// (NETLINK_SOCK_DIAG), matched by the inode in /proc/<tid>/fd/<fd>'s
// "socket:[INODE]"; the protocol from the "system.sockprotoname" xattr.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace sct::net {

// The -yy text for a descriptor of task tid; nullopt when it is not open.
// Like strace, successful socket lookups are cached by inode (1024 slots)
// for the life of the process, so a socket that later connects keeps the
// text of its first successful lookup; failed lookups are not cached.
// classes: DecodeFdClass bits (decode/decoder.h); only those are shown:
// nullopt for a descriptor none of them covers.
std::optional<std::string> socket_detail(pid_t tid, int fd, int classes = 15);

// The socket's protocol name from the system.sockprotoname xattr ("TCP",
// "UNIX-STREAM", "NETLINK"...), empty when fd is not a socket.
std::string socket_proto_name(pid_t tid, int fd);

// The netlink protocol of a netlink socket (NETLINK_ROUTE...), -1 if unknown;
// read from the socket's -yy details as strace does.
int netlink_protocol_of(pid_t tid, int fd);

// The -yy text of socket inode from facts read elsewhere (the eBPF engine's
// kernel side reads them at the call), through socket_detail's cache: the
// cached text of the inode, else listed (what sock_diag would have answered
// then; nullopt: it would not list the socket) remembered, else
// "PROTO:[inode]" for a protocol strace knows; nullopt for one it does not.
std::optional<std::string> socket_detail_from(unsigned long inode, const std::string& proto,
                                              const std::optional<std::string>& listed);

// Forgets cached socket details (tests).
void socket_detail_cache_clear();

// Pure formatting, exposed for unit tests. Address arguments are in network
// byte order as sock_diag reports them (4 bytes for AF_INET, 16 for AF_INET6).
std::string format_inet_detail(const char* proto, int family, const void* src, uint16_t sport_net,
                               const void* dst, uint16_t dport_net);
// path may hold a leading NUL (abstract); empty path and peer 0 print neither.
std::string format_unix_detail(const char* proto, unsigned long inode, uint32_t peer, const std::string& path);
std::string format_netlink_detail(const char* proto, int protocol, uint32_t portid);
// A non-socket path: '<' and '>' and non-printable bytes escaped, device
// numbers appended for character and block devices.
std::string format_path_detail(const std::string& path, bool is_char, bool is_block, unsigned major,
                               unsigned minor);

}  // namespace sct::net
