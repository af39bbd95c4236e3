#include "filter/seccomp_filter.h"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace sct {

namespace {

sock_filter stmt(uint16_t code, uint32_t k) { return sock_filter{code, 0, 0, k}; }
sock_filter jump(uint16_t code, uint32_t k, uint8_t jt, uint8_t jf) { return sock_filter{code, jt, jf, k}; }

}  // namespace

std::vector<sock_filter> build_seccomp_filter(const std::bitset<kMaxSyscalls>& traced) {
  // Collapse the set into ranges [lo, hi] of traced numbers: a class such as
  // %file becomes a few dozen comparisons instead of hundreds.
  std::vector<std::pair<uint32_t, uint32_t>> ranges;
  for (uint32_t nr = 0; nr < kMaxSyscalls; ++nr) {
    if (!traced.test(nr)) continue;
    if (!ranges.empty() && ranges.back().second + 1 == nr)
      ranges.back().second = nr;
    else
      ranges.emplace_back(nr, nr);
  }
  // Conditional jumps reach at most 255 instructions ahead; beyond ~120
  // ranges the caller traces without a filter.
  if (ranges.size() > 120) return {};
  std::vector<sock_filter> prog;
  prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
  // Not x86_64: stop on everything (jump over the number checks to TRACE).
  prog.push_back(jump(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
  prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  prog.push_back(stmt(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
  // x32 numbers carry bit 30: stop on those too.
  prog.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1));
  prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  // For each range: if nr < lo, next range; else if nr <= hi, TRACE.
  // Jump offsets are relative; the TRACE return sits right after the list,
  // preceded by the ALLOW return.
  size_t n = ranges.size();
  for (size_t i = 0; i < n; ++i) {
    size_t remaining_after = (n - i - 1) * 2;  // instructions of the later ranges
    // JGE lo ? (check hi) : (next range)
    prog.push_back(jump(BPF_JMP | BPF_JGE | BPF_K, ranges[i].first, 0, 1));
    // JGT hi ? (next range) : TRACE. TRACE is after the remaining ranges and ALLOW.
    prog.push_back(jump(BPF_JMP | BPF_JGT | BPF_K, ranges[i].second, 0, static_cast<uint8_t>(remaining_after + 1)));
  }
  prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  prog.push_back(stmt(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  return prog;
}

bool install_seccomp_filter(const std::vector<sock_filter>& prog) {
  sock_fprog fprog{static_cast<unsigned short>(prog.size()), const_cast<sock_filter*>(prog.data())};
  if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0) return true;
  // EACCES: not privileged, the kernel wants no_new_privs first.
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
  return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) == 0;
}

}  // namespace sct
