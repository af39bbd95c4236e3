// The Linux syscall -> dtruss clause mapping. The groups follow dtruss's own
// clauses (its clause number in a comment); the Linux members of each group
// are the syscalls whose arguments sit in the same places as those of the
// macOS syscalls dtruss names, so its printf reads them correctly here.
#include "dtruss/dtruss_layouts.h"

#include <algorithm>
#include <iterator>

#include "syscalls/syscall_table.h"

namespace sct {

namespace {

using A = DtrussArg;
using R = DtrussRet;

// #22: syscall:::return, the default.
constexpr DtrussLayout kDefault{"default", 3, {{A::Hex, 0}, {A::Hex, 1}, {A::Hex, 2}}, R::Int};
// #1: sigprocmask.
constexpr DtrussLayout kSigprocmask{"sigprocmask", 3, {{A::IntHex, 0}, {A::Hex, 1}, {A::Hex, 2}}, R::IntHex};
// #2: a path in arg0 (open, stat, access, execve, ...).
constexpr DtrussLayout kPath3{"path", 3, {{A::Path, 0}, {A::Hex, 1}, {A::Hex, 2}}, R::Int};
// #3: read/write, the buffer as a string of the returned length.
constexpr DtrussLayout kReadWrite{"read/write", 3, {{A::Hex, 0}, {A::BufByRet, 1}, {A::Hex, 2}}, R::Int};
// #4: mkdirat/unlinkat, a path in arg1, three arguments.
constexpr DtrussLayout kAtPath3{"dirfd+path (3)", 3, {{A::Hex, 0}, {A::Path, 1}, {A::Hex, 2}}, R::Int};
// #5: symlinkat.
constexpr DtrussLayout kSymlinkat{"symlinkat", 3, {{A::Path, 0}, {A::Hex, 1}, {A::Path, 2}}, R::Int};
// #6: rename/symlink/link, two paths.
constexpr DtrussLayout kTwoPaths{"two paths", 2, {{A::Path, 0}, {A::Path, 1}}, R::Int};
// #7: *fork, no arguments.
constexpr DtrussLayout kFork{"fork", 0, {}, R::Int};
// #8: close.
constexpr DtrussLayout kOneArg{"close", 1, {{A::Hex, 0}}, R::Int};
// #9: munmap.
constexpr DtrussLayout kTwoArgs{"munmap", 2, {{A::Hex, 0}, {A::Hex, 1}}, R::Int};
// #10: pread/pwrite, the buffer as a string of the requested length.
constexpr DtrussLayout kPreadPwrite{"pread/pwrite", 4, {{A::Hex, 0}, {A::BufByArg2, 1}, {A::Hex, 2}, {A::Hex, 3}}, R::Int};
// #11: openat/faccessat/fstatat..., a path in arg1, four arguments.
constexpr DtrussLayout kAtPath4{"dirfd+path (4)", 4, {{A::Hex, 0}, {A::Path, 1}, {A::Hex, 2}, {A::Hex, 3}}, R::Int};
// #12: renameat.
constexpr DtrussLayout kRenameat{"renameat", 4, {{A::Hex, 0}, {A::Path, 1}, {A::Hex, 2}, {A::Path, 3}}, R::Int};
// #13: renameatx_np, here renameat2 (the same arguments; Linux's flag names).
constexpr DtrussLayout kRenameat2{
    "renameatx_np", 5, {{A::Hex, 0}, {A::Path, 1}, {A::Hex, 2}, {A::Path, 3}, {A::RenameFlags, 4}}, R::Int};
// #16: select, five arguments.
constexpr DtrussLayout kFiveArgs{"select", 5, {{A::Hex, 0}, {A::Hex, 1}, {A::Hex, 2}, {A::Hex, 3}, {A::Hex, 4}}, R::Int};
// #17: fchownat.
constexpr DtrussLayout kFchownat{"fchownat", 5, {{A::Hex, 0}, {A::Path, 1}, {A::Hex, 2}, {A::Hex, 3}, {A::Hex, 4}}, R::Int};
// #18: linkat.
constexpr DtrussLayout kLinkat{
    "linkat", 5, {{A::Hex, 0}, {A::Path, 1}, {A::Hex, 2}, {A::PathIfSet, 3}, {A::Hex, 4}}, R::Int};
// #20: kill, decimal.
constexpr DtrussLayout kKill{"kill", 2, {{A::Dec, 0}, {A::Dec, 1}}, R::Int};
// #21: mmap, six arguments and a 64-bit hex return.
constexpr DtrussLayout kMmap{
    "mmap", 6, {{A::Hex, 0}, {A::Hex, 1}, {A::Hex, 2}, {A::Hex, 3}, {A::Hex, 4}, {A::Hex, 5}}, R::Hex64};

// Sorted by name (binary search).
constexpr DtrussMapping kMappings[] = {
    {"access", &kPath3},
    {"acct", &kPath3},
    {"chdir", &kPath3},
    {"chmod", &kPath3},
    {"chown", &kPath3},
    {"chroot", &kPath3},
    {"clone", &kFork},
    {"clone3", &kFork},
    {"close", &kOneArg},
    {"creat", &kPath3},
    {"execve", &kPath3},
    {"faccessat", &kAtPath4},
    {"faccessat2", &kAtPath4},
    {"fchmodat", &kAtPath4},
    {"fchmodat2", &kAtPath4},
    {"fchownat", &kFchownat},
    {"fork", &kFork},
    {"getxattr", &kPath3},
    {"kill", &kKill},
    {"lchown", &kPath3},
    {"lgetxattr", &kPath3},
    {"link", &kTwoPaths},
    {"linkat", &kLinkat},
    {"listxattr", &kPath3},
    {"llistxattr", &kPath3},
    {"lremovexattr", &kPath3},
    {"lsetxattr", &kPath3},
    {"lstat", &kPath3},
    {"mkdir", &kPath3},
    {"mkdirat", &kAtPath3},
    {"mknod", &kPath3},
    {"mknodat", &kAtPath4},
    {"mmap", &kMmap},
    {"munmap", &kTwoArgs},
    {"newfstatat", &kAtPath4},
    {"open", &kPath3},
    {"openat", &kAtPath4},
    {"openat2", &kAtPath4},
    {"pread64", &kPreadPwrite},
    {"pselect6", &kFiveArgs},
    {"pwrite64", &kPreadPwrite},
    {"read", &kReadWrite},
    {"readlink", &kPath3},
    {"readlinkat", &kAtPath4},
    {"removexattr", &kPath3},
    {"rename", &kTwoPaths},
    {"renameat", &kRenameat},
    {"renameat2", &kRenameat2},
    {"rmdir", &kPath3},
    {"rt_sigprocmask", &kSigprocmask},
    {"select", &kFiveArgs},
    {"setxattr", &kPath3},
    {"stat", &kPath3},
    {"statfs", &kPath3},
    {"statx", &kAtPath4},
    {"swapoff", &kPath3},
    {"swapon", &kPath3},
    {"symlink", &kTwoPaths},
    {"symlinkat", &kSymlinkat},
    {"tkill", &kKill},
    {"truncate", &kPath3},
    {"unlink", &kPath3},
    {"unlinkat", &kAtPath3},
    {"utime", &kPath3},
    {"utimensat", &kAtPath4},
    {"utimes", &kPath3},
    {"vfork", &kFork},
    {"write", &kReadWrite},
};

}  // namespace

const DtrussLayout& dtruss_layout(std::string_view syscall_name) {
  auto it = std::lower_bound(std::begin(kMappings), std::end(kMappings), syscall_name,
                             [](const DtrussMapping& m, std::string_view n) { return std::string_view(m.syscall) < n; });
  if (it != std::end(kMappings) && it->syscall == syscall_name) return *it->layout;
  return kDefault;
}


bool dtruss_trace_matches(std::string_view trace, std::string_view syscall_name) {
  if (trace.empty() || syscall_name == trace) return true;
  // glibc's open() is openat(AT_FDCWD, ...): `-t open` means what the user called.
  return trace == "open" && syscall_name == "openat";
}

const DtrussMapping* dtruss_mappings(size_t* count) {
  *count = std::size(kMappings);
  return kMappings;
}

}  // namespace sct
