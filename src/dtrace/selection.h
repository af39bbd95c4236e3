// What a D program needs from an engine, computed from the checked program:
// which syscalls have enabled probes (so the ptrace engine's seccomp filter
// and the eBPF engine's syscall map can skip the rest), and the predicate
// conjuncts simple enough to evaluate in the kernel (execname == "x",
// pid == N). Conjuncts are only usable when EVERY syscall clause has one:
// a clause without a filter needs every process's events.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <vector>

#include "backend/engine.h"
#include "dtrace/program.h"

namespace sct::dtrace {

struct KernelSelection {
  std::bitset<kMaxSyscalls> entry;   // syscalls whose :entry probe is enabled
  std::bitset<kMaxSyscalls> ret;     // syscalls whose :return probe is enabled
  bool any_syscall = false;          // some syscall probe is enabled at all
  bool needs_profile = false;        // profile:::tick-* / profile-* probes
  // Non-empty: only these process names can satisfy any syscall clause.
  std::vector<std::string> execnames;
  // Non-empty: only these pids can satisfy any syscall clause.
  std::vector<int32_t> pids;

  std::bitset<kMaxSyscalls> syscalls() const { return entry | ret; }
};

KernelSelection compute_selection(const std::vector<CompiledProgram>& programs);

}  // namespace sct::dtrace
