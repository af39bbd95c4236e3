// How dtruss prints each syscall, mapped onto Linux x86_64 syscalls.
//
// dtruss has no generic decoder: its D script has one return clause per group
// of macOS syscalls, each a fixed printf (AP DTTk dtruss; see
// ../shared/reference/dtrace-dtruss-formats.md section 4.2). A layout here is
// one such clause, as data: which argument prints how, and how the return
// value prints. dtruss_layout() says which Linux syscall uses which clause;
// docs/dtruss.md lists the mapping for users.
#pragma once

#include <cstdint>
#include <string_view>

namespace sct {

struct SyscallRow;

// How one argument prints.
enum class DtrussArg : uint8_t {
  Hex,          // 0x%X of the 64-bit register: 0xFFFFFFFFFFFFFF9C for AT_FDCWD
  IntHex,       // 0x%X of (int)arg: sigprocmask's `how`
  Dec,          // %d of (int)arg: kill's pid and signal
  Path,         // "%S" of copyinstr(arg), read at entry
  PathIfSet,    // linkat's new path: "%S" of copyinstr(arg), or "" when arg is 0
  BufByRet,     // "%S" of copyin(arg, ret) at exit (read, write); "" on failure
  BufByArg2,    // "%S" of copyin(arg, arg2) at exit (pread64, pwrite64)
  RenameFlags,  // renameatx_np's three %s, here renameat2's RENAME_* flags
};

// How the return value prints.
enum class DtrussRet : uint8_t {
  Int,       // %d of (int)arg0 (-1 on failure)
  IntHex,    // 0x%X of (int)arg0 (sigprocmask)
  Hex64,     // 0x%X of the full 64-bit arg0 (mmap)
};

struct DtrussSlot {
  DtrussArg fmt = DtrussArg::Hex;
  uint8_t index = 0;  // which syscall argument
};

struct DtrussLayout {
  const char* clause;  // the dtruss clause it follows, for docs and tests
  uint8_t nslots = 0;
  DtrussSlot slots[6] = {};
  DtrussRet ret = DtrussRet::Int;
};

// The layout a syscall prints with (the default 3-argument clause for every
// syscall not listed).
const DtrussLayout& dtruss_layout(std::string_view syscall_name);

// Every syscall name given a layout other than the default (for tests/docs).
struct DtrussMapping {
  const char* syscall;
  const DtrussLayout* layout;
};
const DtrussMapping* dtruss_mappings(size_t* count);


// Does a syscall's row print under -t TRACE ("" = every syscall)? Linux
// names, plus "open" for openat too (glibc's open() is openat).
bool dtruss_trace_matches(std::string_view trace, std::string_view syscall_name);

// Does the slot read tracee memory at entry (paths), or at exit (buffers)?
constexpr bool dtruss_reads_at_entry(DtrussArg a) { return a == DtrussArg::Path || a == DtrussArg::PathIfSet; }
constexpr bool dtruss_reads_at_exit(DtrussArg a) { return a == DtrussArg::BufByRet || a == DtrussArg::BufByArg2; }

}  // namespace sct
