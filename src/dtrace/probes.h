// The probes a D program can enable on Linux, with stable IDs:
//   dtrace:::BEGIN 1, dtrace:::END 2, dtrace:::ERROR 3 (as illumos and DTrace
//   on Linux number them);
//   syscall:vmlinux:NAME:entry 4 + 2*nr and :return 5 + 2*nr, so a probe's ID
//   depends only on its syscall number, never on the table's other rows;
//   profile:::tick-N / profile-N from 4 + 2*kMaxSyscalls on, in order of
//   creation (the usual ones are pre-created; others on demand, as DTrace).
// Syscall names are the table's (syscall_row()).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sct::dtrace {

enum class ProbeKind { Begin, End, Error, SyscallEntry, SyscallReturn, Profile };

struct Probe {
  uint32_t id = 0;
  ProbeKind kind = ProbeKind::Begin;
  std::string provider, module, function, name;
  long syscall_nr = -1;       // syscall probes
  int64_t interval_ns = 0;    // profile probes
};

// A probe description split right-to-left on ':' (dtrace_xstr2desc).
struct ProbeDesc {
  std::string provider, module, function, name;
  std::string to_string() const { return provider + ":" + module + ":" + function + ":" + name; }
};
ProbeDesc split_probe_desc(const std::string& text);

// "10ms", "1s", "97hz", "100" (hz) -> nanoseconds; 0 if malformed.
int64_t parse_profile_interval(const std::string& spec);

class ProbeCatalog {
 public:
  // From the syscall table.
  static ProbeCatalog from_syscall_table();
  // From an explicit list of (number, name): for tests.
  explicit ProbeCatalog(const std::vector<std::pair<long, std::string>>& syscalls);

  // Matching probes, ascending by ID; profile tick probes named exactly
  // (e.g. "profile:::tick-7s") are created on demand.
  std::vector<const Probe*> match(const ProbeDesc& desc);
  const Probe* by_id(uint32_t id) const;
  const Probe* syscall(long nr, bool is_return) const;
  // Every probe, ascending by ID (dtrace -l).
  std::vector<const Probe*> all() const;

  static constexpr uint32_t kBeginId = 1, kEndId = 2, kErrorId = 3;

 private:
  const Probe* add(Probe p);
  const Probe* add_profile(const std::string& name, int64_t ns);

  std::map<uint32_t, std::unique_ptr<Probe>> probes_;
  std::map<long, std::pair<const Probe*, const Probe*>> by_syscall_;
  uint32_t next_profile_id_;
};

// Shell-style glob (gmatch): * ? [...] and \ escapes. An empty pattern matches all.
bool glob_match(const std::string& pattern, const std::string& text);

}  // namespace sct::dtrace
