// The syscall table: one row per x86_64 syscall, the single source of truth
// (DESIGN.md idea 1). Class filters (-e trace=%file), -P path matching, -y
// fd decoration, the default decoder, JSON field names, the D provider's
// probes and the eBPF capture plan are all derived from these rows.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace sct {

struct Xlat;

// Classes as strace 6.1 defines them (sysent_shorthand_defs.h), plus the
// flags strace keeps beside them.
enum SyscallClass : uint32_t {
  kTraceFile = 1u << 0,         // %file: takes a file name
  kTraceIpc = 1u << 1,          // %ipc
  kTraceNetwork = 1u << 2,      // %network / %net
  kTraceProcess = 1u << 3,      // %process
  kTraceSignal = 1u << 4,       // %signal
  kTraceDesc = 1u << 5,         // %desc: takes or returns a file descriptor
  kTraceMemory = 1u << 6,       // %memory
  kTraceStat = 1u << 7,         // %stat
  kTraceLstat = 1u << 8,        // %lstat
  kTraceFstat = 1u << 9,        // %fstat
  kTraceStatLike = 1u << 10,    // %%stat
  kTraceStatfs = 1u << 11,      // %statfs
  kTraceFstatfs = 1u << 12,     // %fstatfs
  kTraceStatfsLike = 1u << 13,  // %%statfs
  kTracePure = 1u << 14,        // %pure: no arguments, always succeeds
  kTraceCreds = 1u << 15,       // %creds
  kTraceClock = 1u << 16,       // %clock
  kNeverFails = 1u << 24,       // NF: the return value is never an error
  kMemoryMappingChange = 1u << 25,
  kCommChange = 1u << 26,       // execve & co: the task's comm may change
};

// How an argument prints when no custom decoder handles the syscall.
enum class ArgKind : uint8_t {
  Int,      // signed int, decimal
  Long,     // signed long, decimal
  Uint,     // unsigned int, decimal
  Ulong,    // unsigned long / size_t, decimal
  Hex,      // printed as 0x...
  Oct,      // mode_t and friends: 0644
  Ptr,      // pointer: NULL or 0x...
  Fd,       // file descriptor (decorated by -y)
  DirFd,    // fd or AT_FDCWD
  Path,     // NUL-terminated file name, printed in full
  Str,      // NUL-terminated string, cut at -s
  InBuf,    // bytes read at entry; length in args[len_arg]
  OutBuf,   // bytes read at exit; length is the return value
  OutPtr,   // an output struct this row does not describe: printed as an address at exit
  Flags,    // bit set, names from xlat
  Enum,     // one value, name from xlat (hex with comment when unknown)
  Signal,   // signal number: SIGTERM
  Pid,      // pid_t
  Uid,      // uid_t/gid_t: -1 prints as -1
  Clockid,  // clockid_t: CLOCK_MONOTONIC
};

struct ArgSpec {
  const char* name = nullptr;
  ArgKind kind = ArgKind::Long;
  const Xlat* xlat = nullptr;  // Flags/Enum
  int8_t len_arg = -1;         // InBuf: index of the length argument
};

// How the return value prints.
enum class RetKind : uint8_t {
  Int,     // decimal
  Hex,     // 0x... (brk, mmap)
  Fd,      // a new descriptor (decorated by -y)
  Oct,     // umask
  Uint,    // unsigned decimal
  NoReturn,  // exit, exit_group: "= ?"
};

struct SyscallRow {
  const char* name = nullptr;  // nullptr: no syscall with this number
  uint8_t nargs = 0;
  ArgSpec args[6] = {};
  RetKind ret = RetKind::Int;
  uint32_t classes = 0;
};

// The row for a number, or nullptr when the kernel defines none (strace then
// prints syscall_0x1c8(...)).
const SyscallRow* syscall_row(long nr);
// Looks a syscall up by name; -1 if unknown.
long syscall_number(std::string_view name);
// Every number that has a row, ascending.
std::span<const long> syscall_numbers();
// One past the highest syscall number in the table.
long syscall_table_size();

// strace 6.1, the strace face's reference, names x86_64 syscalls up to
// set_mempolicy_home_node (450). Newer ones (cachestat 451, fchmodat2 452,
// map_shadow_stack 453, futex_wake 454...) are unknown to it, like the holes
// in the numbering: it prints them as syscall_0x1c3(...) with six hex
// arguments and a hex result, traces them whatever -e trace= says, and
// refuses their names in -e trace=. The strace face does the same, so that
// its output stays what scripts written against strace 6.1 expect; the
// dtrace and dtruss faces still name them from the table.
constexpr long kStrace61LastSyscall = 450;
// -e trace= takes numbers below this: strace 6.1 checks them against its
// largest x86_64 table, x32's, which ends at 547.
constexpr long kStrace61NumberLimit = 548;
inline bool strace61_knows(long nr) { return nr >= 0 && nr <= kStrace61LastSyscall && syscall_row(nr) != nullptr; }

}  // namespace sct
