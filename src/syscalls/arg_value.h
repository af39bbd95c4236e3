// A syscall argument as its C type sees the register: an int is the low 32
// bits sign-extended (AT_FDCWD is 0xffffffffffffff9c, not the 0xffffff9c
// glibc's 32-bit mov leaves), an unsigned int or mode the low 32 bits, and
// registers past the syscall's own arguments are 0, as Linux's syscall
// tracepoints show them. DTrace's argN and dtruss's columns both use it.
#pragma once

#include <cstdint>

#include "syscalls/syscall_table.h"

namespace sct {

uint64_t syscall_arg_as_declared(const SyscallRow* row, int index, uint64_t raw);

}  // namespace sct
