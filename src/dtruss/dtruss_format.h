// dtruss's output, byte for byte: the header, the per-row prefix columns,
// the row body (one printf per layout), the -c table. Pure functions of
// already-captured data, so unit tests pin every format without a tracee.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/tracee_memory.h"
#include "dtruss/dtruss_layouts.h"

namespace sct {

// dtrace's strsize: copyinstr()/stringof() records are 256 bytes.
constexpr size_t kDtraceStrsize = 256;

// A string argument as dtruss's D script would have copied it.
struct DtrussString {
  bool readable = true;  // false: the address is unreadable, printed as 0x%X
  std::string bytes;     // without the terminating NUL
  bool nul = true;       // the record holds a NUL after bytes (printed as \0)
};

// copyinstr(addr): up to strsize bytes, up to the first NUL.
DtrussString capture_path(TraceeMemory& mem, uint64_t addr);
// stringof(copyin(addr, len)): min(len, strsize) bytes, up to the first NUL.
DtrussString capture_buffer(TraceeMemory& mem, uint64_t addr, int64_t len);

// dtrace's %S: C escapes for \0 \a \b \f \n \r \t \v \" \\, \ooo for other
// bytes outside '!'..'~' except space; "\0" closes a string that had a NUL.
std::string dtrace_escape(const DtrussString& s);

// Which optional columns are on (header and every row).
struct DtrussColumns {
  bool printid = false;   // PID/THRD
  bool relative = false;  // RELATIVE: the thread's on-CPU time, us
  bool elapsed = false;   // ELAPSD: wall time in the syscall, us
  bool cpu = false;       // CPU: on-CPU time in the syscall, us
};

// The values of those columns for one row.
struct DtrussStamp {
  pid_t pid = 0;
  pid_t tid = 0;
  int64_t relative_us = 0;
  int64_t elapsed_us = 0;
  int64_t cpu_us = 0;
};

// "\tPID/THRD  RELATIVE  ELAPSD    CPU SYSCALL(args) \t\t = return\n"
std::string format_header(const DtrussColumns& cols);
// " 4966/0x54c8:       234      60      1 "
std::string format_prefix(const DtrussColumns& cols, const DtrussStamp& stamp);
// A followed child's first appearance:
// " 4966/0x54c8:       232:        0:       0 fork()\t\t = 0 0\n"
std::string format_fork_line(const DtrussColumns& cols, const DtrussStamp& stamp);

// One finished syscall as dtruss's return clause sees it.
struct DtrussRow {
  std::string_view name;
  const DtrussLayout* layout = nullptr;
  uint64_t args[6] = {};
  int64_t ret = 0;  // the raw return value (ignored when err != 0)
  int err = 0;      // errno, 0 on success
  DtrussString strings[6];  // for the slots that print strings, by argument index
};

// "open(\"/etc/ld.so.cache\\0\", 0x80000, 0x0)\t\t = 3 0\n"
std::string format_body(const DtrussRow& row);

// "\nCALL   ...   COUNT\n" then "%-32s %16d\n" rows, by count then name.
std::string format_counts(const std::map<std::string, uint64_t>& counts);

}  // namespace sct
