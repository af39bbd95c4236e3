// The seccomp-bpf program that makes syscalls outside -e trace= cost nothing:
// traced numbers return SECCOMP_RET_TRACE (a ptrace stop), the rest
// SECCOMP_RET_ALLOW (no stop at all).
#pragma once

#include <linux/filter.h>

#include <bitset>
#include <vector>

#include "backend/engine.h"

namespace sct {

// Builds the program: x86_64 numbers in `traced` stop; any other
// architecture (i386, x32) always stops, so nothing is missed there.
std::vector<sock_filter> build_seccomp_filter(const std::bitset<kMaxSyscalls>& traced);

// Installs the program in the calling process (the traced child, between its
// self-stop and exec). Sets no_new_privs only when it must: without
// CAP_SYS_ADMIN the kernel requires it, and then a set-uid exec would not
// raise privileges anyway, since it is traced by an unprivileged tracer.
bool install_seccomp_filter(const std::vector<sock_filter>& prog);

}  // namespace sct
