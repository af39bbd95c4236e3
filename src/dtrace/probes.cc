#include "dtrace/probes.h"

#include <fnmatch.h>

#include <cctype>
#include <cstdlib>
#include <cstring>

#include "backend/engine.h"
#include "syscalls/syscall_table.h"

namespace sct::dtrace {

ProbeDesc split_probe_desc(const std::string& text) {
  // Right to left: name, function, module, then everything left is the provider.
  std::string fields[4];
  std::string rest = text;
  bool done = false;
  for (int i = 0; i < 3 && !done; ++i) {
    size_t colon = rest.rfind(':');
    if (colon == std::string::npos) {
      fields[i] = rest;
      rest.clear();
      done = true;
    } else {
      fields[i] = rest.substr(colon + 1);
      rest.resize(colon);
    }
  }
  if (!done) fields[3] = rest;
  return ProbeDesc{fields[3], fields[2], fields[1], fields[0]};
}

int64_t parse_profile_interval(const std::string& spec) {
  size_t i = 0;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) ++i;
  if (i == 0) return 0;
  int64_t n = std::strtoll(spec.substr(0, i).c_str(), nullptr, 10);
  std::string unit = spec.substr(i);
  struct Unit { const char* name; int64_t ns; };
  static const Unit units[] = {
      {"ns", 1},          {"nsec", 1},          {"us", 1000},           {"usec", 1000},
      {"ms", 1000000},    {"msec", 1000000},    {"s", 1000000000},      {"sec", 1000000000},
      {"m", 60000000000}, {"min", 60000000000}, {"h", 3600000000000},   {"hour", 3600000000000},
      {"d", 86400000000000}, {"day", 86400000000000},
  };
  if (n <= 0) return 0;
  if (unit.empty() || unit == "hz") return 1000000000 / n;
  for (const Unit& u : units)
    if (unit == u.name) return n * u.ns;
  return 0;
}

bool glob_match(const std::string& pattern, const std::string& text) {
  if (pattern.empty()) return true;
  return fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
}

ProbeCatalog ProbeCatalog::from_syscall_table() {
  std::vector<std::pair<long, std::string>> list;
  for (long nr : syscall_numbers()) {
    const SyscallRow* row = syscall_row(nr);
    if (row && row->name) list.emplace_back(nr, row->name);
  }
  return ProbeCatalog(list);
}

ProbeCatalog::ProbeCatalog(const std::vector<std::pair<long, std::string>>& syscalls)
    : next_profile_id_(4 + 2 * kMaxSyscalls) {
  add({kBeginId, ProbeKind::Begin, "dtrace", "", "", "BEGIN"});
  add({kEndId, ProbeKind::End, "dtrace", "", "", "END"});
  add({kErrorId, ProbeKind::Error, "dtrace", "", "", "ERROR"});
  for (const auto& [nr, name] : syscalls) {
    if (nr < 0 || nr >= kMaxSyscalls) continue;
    const Probe* entry = add({uint32_t(4 + 2 * nr), ProbeKind::SyscallEntry, "syscall", "vmlinux", name, "entry", nr});
    const Probe* ret = add({uint32_t(5 + 2 * nr), ProbeKind::SyscallReturn, "syscall", "vmlinux", name, "return", nr});
    by_syscall_[nr] = {entry, ret};
  }
  for (int hz : {97, 199, 499, 997, 1999, 4001, 4999}) add_profile("profile-" + std::to_string(hz), 1000000000 / hz);
  for (int hz : {1, 10, 100, 500, 1000, 5000}) add_profile("tick-" + std::to_string(hz), 1000000000 / hz);
}

const Probe* ProbeCatalog::add(Probe p) {
  auto owned = std::make_unique<Probe>(std::move(p));
  const Probe* raw = owned.get();
  probes_[raw->id] = std::move(owned);
  return raw;
}

const Probe* ProbeCatalog::add_profile(const std::string& name, int64_t ns) {
  Probe p{next_profile_id_++, ProbeKind::Profile, "profile", "", "", name};
  p.interval_ns = ns;
  return add(std::move(p));
}

std::vector<const Probe*> ProbeCatalog::match(const ProbeDesc& d) {
  std::vector<const Probe*> out;
  for (const auto& [id, p] : probes_) {
    if (glob_match(d.provider, p->provider) && glob_match(d.module, p->module) && glob_match(d.function, p->function) &&
        glob_match(d.name, p->name))
      out.push_back(p.get());
  }
  // An exact "tick-7s"/"profile-3ms" that does not exist yet is made now.
  bool profile_ok = d.provider.empty() || d.provider == "profile";
  if (out.empty() && profile_ok && d.module.empty() && d.function.empty()) {
    for (const char* prefix : {"tick-", "profile-"}) {
      if (d.name.rfind(prefix, 0) != 0) continue;
      int64_t ns = parse_profile_interval(d.name.substr(std::strlen(prefix)));
      if (ns > 0) out.push_back(add_profile(d.name, ns));
    }
  }
  return out;
}

const Probe* ProbeCatalog::by_id(uint32_t id) const {
  auto it = probes_.find(id);
  return it == probes_.end() ? nullptr : it->second.get();
}

const Probe* ProbeCatalog::syscall(long nr, bool is_return) const {
  auto it = by_syscall_.find(nr);
  if (it == by_syscall_.end()) return nullptr;
  return is_return ? it->second.second : it->second.first;
}

std::vector<const Probe*> ProbeCatalog::all() const {
  std::vector<const Probe*> out;
  for (const auto& [id, p] : probes_) out.push_back(p.get());
  return out;
}

}  // namespace sct::dtrace
