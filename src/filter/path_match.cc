#include "filter/path_match.h"

#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>

namespace sct {

bool call_touches_paths(pid_t tid, const SyscallRow* row, const uint64_t* args, TraceeMemory* mem,
                        const std::vector<std::string>& paths, FdResolver* fds) {
  if (!row || !row->name) return false;
  auto selected = [&paths](const std::string& p) { return std::find(paths.begin(), paths.end(), p) != paths.end(); };
  for (int i = 0; i < row->nargs; ++i) {
    const ArgSpec& a = row->args[i];
    if (a.kind == ArgKind::Path && mem) {
      bool term = false;
      auto s = mem->read_cstring(args[i], PATH_MAX, &term);
      if (s && selected(*s)) return true;
    } else if (a.kind == ArgKind::Fd || a.kind == ArgKind::DirFd) {
      int fd = static_cast<int>(args[i]);
      if (fd < 0) continue;
      if (fds) {
        auto p = fds->fd_path(tid, fd);
        if (p && selected(*p)) return true;
        continue;
      }
      char link[64], buf[PATH_MAX];
      snprintf(link, sizeof link, "/proc/%d/fd/%d", tid, fd);
      ssize_t n = readlink(link, buf, sizeof buf - 1);
      if (n > 0 && selected(std::string(buf, static_cast<size_t>(n)))) return true;
    }
  }
  return false;
}

}  // namespace sct
