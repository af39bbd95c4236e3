// -e trace=SET: which syscalls to trace, parsed as strace 6.1 parses it.
#pragma once

#include <bitset>
#include <string>
#include <string_view>

#include "backend/engine.h"

namespace sct {

struct SyscallSet {
  std::bitset<kMaxSyscalls> numbers;
  bool unknown_numbers = true;  // numbers with no row (printed as syscall_0x..)
  bool all() const { return numbers.all() && unknown_numbers; }
};

// Parses "[!][?]{NAME|%CLASS|CLASS|/REGEX|all|none}[@64],..." into set.
// On error returns false with error holding strace's message text
// ("invalid system call 'foo'").
bool parse_syscall_set(std::string_view spec, SyscallSet* set, std::string* error);

// The class bit for "%file", "file", "%%stat"...; 0 when unknown.
uint32_t syscall_class_by_name(std::string_view name);

}  // namespace sct
