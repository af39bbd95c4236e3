// What the kernel side read of a descriptor at a call (progs/fd_identity.h:
// struct sct_fdinfo, sent as SCT_CAP_FDINFO captures), turned into what
// strace prints for it: the path ("socket:[INODE]", "anon_inode:[pidfd]")
// and, for a socket, what sock_diag would have answered at that moment.
//
// Why: strace queries /proc and sock_diag while the tracee is stopped at
// the call; the eBPF engine decodes the record later, when the socket may be
// closed or bound/connected since. The rules of when sock_diag lists a
// socket are the kernel's (inet_diag, unix_diag), modelled here for the
// protocols strace asks about most (TCP, UDP, their v6 kinds, UNIX); the
// text itself is made by decode/socket_info's formatters and cache, the
// ptrace engine's code.
#pragma once

#include <linux/types.h>

#include <optional>
#include <string>

#include "backend/bpf/progs/records.h"

namespace sct {

struct FdIdentity {
  sct_fdinfo info;
  bool at_entry;  // an argument, read at entry; else a result, read at exit
};

// "socket:[INODE]" or "anon_inode:[pidfd]", as /proc/PID/fd/N reads.
std::string fd_identity_path(const sct_fdinfo& fi);

// The sock_diag answer strace would have had, formatted: set, or nullopt
// when sock_diag would not list the socket; *modelled false (and nullopt)
// for a family or protocol whose listing rules are not modelled here.
std::optional<std::string> fd_identity_listed(const sct_fdinfo& fi, bool* modelled);

}  // namespace sct
