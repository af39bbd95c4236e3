#include "backend/ptrace/stack_unwinder.h"

#include <cxxabi.h>
#include <errno.h>
#include <libunwind-ptrace.h>
#include <limits.h>
#include <string.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace sct {

namespace {

// strace's limit on frames per walk (6.1 has no option for it).
constexpr int kMaxFrames = 256;

unw_addr_space_t space(void* p) { return static_cast<unw_addr_space_t>(p); }

// strace 6.1 is built with stack-demangle: C++ names are shown demangled.
std::string demangled(const char* name) {
  if (strncmp(name, "_Z", 2) != 0) return name;
  int status = 0;
  char* d = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  if (!d) return name;
  std::string out = d;
  free(d);
  return out;
}

}  // namespace

StackUnwinder::StackUnwinder() {
  unw_addr_space_t as = unw_create_addr_space(&_UPT_accessors, 0);
  if (as) unw_set_caching_policy(as, UNW_CACHE_GLOBAL);
  address_space_ = as;
}

StackUnwinder::~StackUnwinder() {
  for (auto& [tid, t] : tasks_)
    if (t.upt) _UPT_destroy(t.upt);
  if (address_space_) unw_destroy_addr_space(space(address_space_));
}

bool StackUnwinder::captures_at_entry(long nr) {
  switch (nr) {
    case 59:   // execve
    case 60:   // exit
    case 231:  // exit_group
    case 322:  // execveat
      return true;
    default:
      return false;
  }
}

bool StackUnwinder::changes_mappings(long nr) {
  switch (nr) {
    case 9:    // mmap
    case 10:   // mprotect
    case 11:   // munmap
    case 12:   // brk
    case 25:   // mremap
    case 30:   // shmat
    case 59:   // execve
    case 67:   // shmdt
    case 216:  // remap_file_pages
    case 322:  // execveat
    case 329:  // pkey_mprotect
      return true;
    default:
      return false;
  }
}

StackUnwinder::TaskState& StackUnwinder::task(pid_t tid) {
  TaskState& t = tasks_[tid];
  if (!t.upt) t.upt = _UPT_create(tid);
  return t;
}

void StackUnwinder::forget(pid_t tid) {
  auto it = tasks_.find(tid);
  if (it == tasks_.end()) return;
  if (it->second.upt) _UPT_destroy(it->second.upt);
  tasks_.erase(it);
}

bool StackUnwinder::refresh_maps(pid_t tid, TaskState& t) {
  if (t.have_maps && t.generation == generation_) return true;
  t.maps.clear();
  t.have_maps = false;
  char name[64];
  snprintf(name, sizeof name, "/proc/%d/maps", tid);
  FILE* f = fopen(name, "r");
  if (!f) return false;
  char line[PATH_MAX + 80];
  while (fgets(line, sizeof line, f)) {
    // The fields strace reads; lines without a path (anonymous memory) do
    // not match and are left out, as in strace's mmap cache.
    unsigned long start, end, offset, major, minor;
    char r, w, x, s;
    char path[sizeof line];
    if (sscanf(line, "%lx-%lx %c%c%c%c %lx %lx:%lx %*d %[^\n]", &start, &end, &r, &w, &x, &s, &offset, &major,
               &minor, path) != 10)
      continue;
    if ((r != '-' && r != 'r') || (w != '-' && w != 'w') || (x != '-' && x != 'x') || (s != 'p' && s != 's'))
      continue;
    if (end < start) break;
    if (!t.maps.empty()) {
      const Mapping& prev = t.maps.back();
      if (prev.start == start && prev.end == end) continue;  // a duplicate, e.g. [vsyscall]
      if (start <= prev.start || start < prev.end) continue;  // overlapping: keep the list sorted
    }
    t.maps.push_back(Mapping{start, end, offset, x == 'x', path});
  }
  fclose(f);
  if (t.maps.empty()) return false;
  t.have_maps = true;
  t.generation = generation_;
  // The unwinder caches what it read of the old mappings.
  unw_flush_cache(space(address_space_), 0, 0);
  return true;
}

const StackUnwinder::Mapping* StackUnwinder::find(const TaskState& t, uint64_t ip) const {
  size_t lo = 0, hi = t.maps.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const Mapping& m = t.maps[mid];
    if (ip < m.start)
      hi = mid;
    else if (ip >= m.end)
      lo = mid + 1;
    else
      return &m;
  }
  return nullptr;
}

std::vector<std::string> StackUnwinder::walk(pid_t tid, bool queued) {
  std::vector<std::string> lines;
  if (!address_space_) return lines;
  TaskState& t = task(tid);
  if (!t.upt || !refresh_maps(tid, t)) return lines;
  unw_cursor_t cursor;
  if (unw_init_remote(&cursor, space(address_space_), t.upt) < 0) return lines;
  std::vector<char> name(64);
  int depth = 0;
  for (; depth < kMaxFrames; ++depth) {
    unw_word_t ip = 0;
    if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0) break;
    const Mapping* m = find(t, ip);
    if (!m || !m->exec) {
      // strace's words; libunwind reports ip 0 past the outermost frame of
      // some tasks, which strace does not show.
      if (ip) lines.push_back(fmt::format(" > unexpected_backtracing_error [{:#x}]", ip));
      break;
    }
    unw_word_t sym_offset = 0;
    int rc;
    while ((rc = unw_get_proc_name(&cursor, name.data(), name.size(), &sym_offset)) == -UNW_ENOMEM)
      name.resize(name.size() * 2);
    if (rc != 0) {
      name[0] = '\0';
      sym_offset = 0;
    }
    uint64_t rel = ip - m->start + m->offset;
    // strace prints a captured (queued) frame with "(+0x0)" when the name is
    // empty, a frame printed at once with "()".
    if (name[0] || queued)
      lines.push_back(fmt::format(" > {}({}+{:#x}) [{:#x}]", m->path, demangled(name.data()), sym_offset, rel));
    else
      lines.push_back(fmt::format(" > {}() [{:#x}]", m->path, rel));
    if (unw_step(&cursor) <= 0) break;
  }
  if (depth >= kMaxFrames) lines.push_back(" > too many stack frames");
  return lines;
}

}  // namespace sct
