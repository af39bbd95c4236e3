// -e read=SET / -e write=SET: the hex dumps strace prints under a call's line
// for the data read from / written to the descriptors in SET. Which calls
// dump what, and the layout (" | 00000  61 62 ...  ab... |", " * N bytes in
// buffer K"), follow strace 6.1's dumpio() exactly, quirks included: a
// zero-length iovec ends a vector's dump, a failed call dumps what it was
// asked to write but nothing it read, unreadable memory dumps nothing.
#pragma once

#include <set>
#include <string>

#include "core/tracee_memory.h"
#include "decode/decoder.h"

namespace sct {

// A set of descriptors as -e read= parses it: numbers, "all", "none", "!".
struct FdSet {
  std::set<int> fds;
  bool negated = false;  // true with no fds: every descriptor
  bool empty() const { return !negated && fds.empty(); }
  bool contains(int fd) const { return negated != (fds.count(fd) > 0); }
};

// Appends the dump lines (each ending in "\n") for a completed call.
void append_dumpio(const SyscallCall& call, const FdSet& read_set, const FdSet& write_set, TraceeMemory& mem,
                   std::string& out);

// strace's dumpstr(): len bytes at addr as hex and ASCII, 16 a line.
void append_hexdump(const std::string& bytes, std::string& out);

}  // namespace sct
