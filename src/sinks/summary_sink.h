// -c / -C: strace's per-syscall table of time, calls and errors.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/events.h"

namespace sct {

struct SummaryOptions {
  FILE* out = stderr;
  bool wall_clock = false;         // -w: time between entry and exit, not system CPU time
  std::string sort_by = "time";    // -S
  std::string columns;             // -U ("" = strace's default set)
  int64_t overhead_ns = -1;        // -O: subtracted from each call's time
};

// One syscall's totals; engines that count in the kernel (eBPF) fill these directly.
struct SyscallTotals {
  long nr = -1;
  uint64_t calls = 0;
  uint64_t errors = 0;
  int64_t total_ns = 0;
  int64_t min_ns = -1;
  int64_t max_ns = 0;
};

class SummarySink final : public EventSink {
 public:
  explicit SummarySink(SummaryOptions opt) : opt_(std::move(opt)) {}
  void syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) override;
  void finish() override;
  // Adds totals counted elsewhere (the eBPF engine's in-kernel counters).
  void add_totals(const SyscallTotals& t);
  // The table as strace prints it.
  std::string render() const;

 private:
  SummaryOptions opt_;
  std::vector<SyscallTotals> totals_;  // indexed by syscall number
};

}  // namespace sct
