#include "backend/ptrace/stack_unwinder.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <errno.h>
#include <libunwind-ptrace.h>
#include <limits.h>
#include <string.h>

#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include <fmt/format.h>

namespace sct {

namespace {

// strace's limit on frames per walk (6.1 has no option for it).
constexpr int kMaxFrames = 256;

unw_addr_space_t space(void* p) { return static_cast<unw_addr_space_t>(p); }

// libunwind is loaded when -k asks for it, not linked: a run without -k
// maps none of it (libunwind-ptrace, libunwind-x86_64, libunwind and
// liblzma cost ~150 KB resident). The names are the header's (its unw_*
// macros spell the x86_64 symbols); decltype only reads the declarations.
#define SCT_SYMBOL_NAME(x) SCT_SYMBOL_NAME2(x)
#define SCT_SYMBOL_NAME2(x) #x
struct LibUnwind {
  decltype(&unw_create_addr_space) create_addr_space = nullptr;
  decltype(&unw_destroy_addr_space) destroy_addr_space = nullptr;
  decltype(&unw_set_caching_policy) set_caching_policy = nullptr;
  decltype(&unw_flush_cache) flush_cache = nullptr;
  decltype(&unw_init_remote) init_remote = nullptr;
  decltype(&unw_get_reg) get_reg = nullptr;
  decltype(&unw_get_proc_name) get_proc_name = nullptr;
  decltype(&unw_step) step = nullptr;
  decltype(&_UPT_create) upt_create = nullptr;
  decltype(&_UPT_destroy) upt_destroy = nullptr;
  unw_accessors_t* upt_accessors = nullptr;
  std::string error;  // why loading failed; empty once loaded
};

const LibUnwind& libunwind() {
  static const LibUnwind lib = [] {
    LibUnwind l;
    // libunwind-ptrace.so.0 does not name the unwinder it calls (no
    // DT_NEEDED: programs link both), so that one is loaded first, global.
    const char* unwinder = "libunwind-x86_64.so.8";
    const char* accessors = "libunwind-ptrace.so.0";
    void* u = dlopen(unwinder, RTLD_NOW | RTLD_GLOBAL);
    void* a = u ? dlopen(accessors, RTLD_NOW | RTLD_LOCAL) : nullptr;
    if (!a) {
      const char* e = dlerror();
      l.error = e ? e : "cannot load libunwind";
      return l;
    }
    auto get = [&](auto& fn, void* h, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(h, name));
      if (!fn && l.error.empty()) l.error = std::string("libunwind: no symbol ") + name;
    };
    get(l.create_addr_space, u, SCT_SYMBOL_NAME(unw_create_addr_space));
    get(l.destroy_addr_space, u, SCT_SYMBOL_NAME(unw_destroy_addr_space));
    get(l.set_caching_policy, u, SCT_SYMBOL_NAME(unw_set_caching_policy));
    get(l.flush_cache, u, SCT_SYMBOL_NAME(unw_flush_cache));
    get(l.init_remote, u, SCT_SYMBOL_NAME(unw_init_remote));
    get(l.get_reg, u, SCT_SYMBOL_NAME(unw_get_reg));
    get(l.get_proc_name, u, SCT_SYMBOL_NAME(unw_get_proc_name));
    get(l.step, u, SCT_SYMBOL_NAME(unw_step));
    get(l.upt_create, a, "_UPT_create");
    get(l.upt_destroy, a, "_UPT_destroy");
    get(l.upt_accessors, a, "_UPT_accessors");
    return l;
  }();
  return lib;
}

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

bool StackUnwinder::load(std::string* error) {
  const LibUnwind& lib = libunwind();
  if (error) *error = lib.error;
  return lib.error.empty();
}

StackUnwinder::StackUnwinder() {
  const LibUnwind& lib = libunwind();
  if (!lib.error.empty()) return;
  unw_addr_space_t as = lib.create_addr_space(lib.upt_accessors, 0);
  if (as) lib.set_caching_policy(as, UNW_CACHE_GLOBAL);
  address_space_ = as;
}

StackUnwinder::~StackUnwinder() {
  if (!address_space_) return;
  const LibUnwind& lib = libunwind();
  for (auto& [tid, t] : tasks_)
    if (t.upt) lib.upt_destroy(t.upt);
  lib.destroy_addr_space(space(address_space_));
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
  if (!t.upt) t.upt = libunwind().upt_create(tid);
  return t;
}

void StackUnwinder::forget(pid_t tid) {
  auto it = tasks_.find(tid);
  if (it == tasks_.end()) return;
  if (it->second.upt) libunwind().upt_destroy(it->second.upt);
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
  libunwind().flush_cache(space(address_space_), 0, 0);
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
  const LibUnwind& lib = libunwind();
  unw_cursor_t cursor;
  if (lib.init_remote(&cursor, space(address_space_), t.upt) < 0) return lines;
  std::vector<char> name(64);
  int depth = 0;
  for (; depth < kMaxFrames; ++depth) {
    unw_word_t ip = 0;
    if (lib.get_reg(&cursor, UNW_REG_IP, &ip) < 0) break;
    const Mapping* m = find(t, ip);
    if (!m || !m->exec) {
      // strace's words; libunwind reports ip 0 past the outermost frame of
      // some tasks, which strace does not show.
      if (ip) lines.push_back(fmt::format(" > unexpected_backtracing_error [{:#x}]", ip));
      break;
    }
    unw_word_t sym_offset = 0;
    int rc;
    while ((rc = lib.get_proc_name(&cursor, name.data(), name.size(), &sym_offset)) == -UNW_ENOMEM)
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
    if (lib.step(&cursor) <= 0) break;
  }
  if (depth >= kMaxFrames) lines.push_back(" > too many stack frames");
  return lines;
}

}  // namespace sct
