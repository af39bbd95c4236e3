#include "backend/ptrace/proc_fd_resolver.h"

#include <limits.h>
#include <unistd.h>

#include <string>

#include "decode/socket_info.h"

namespace sct {

std::optional<std::string> ProcFdResolver::fd_path(pid_t tid, int fd) {
  char link[64];
  snprintf(link, sizeof link, "/proc/%d/fd/%d", tid, fd);
  char buf[PATH_MAX];
  ssize_t n = readlink(link, buf, sizeof buf - 1);
  if (n < 0) return std::nullopt;
  return std::string(buf, static_cast<size_t>(n));
}

// -yy: sockets get their endpoints from sock_diag, other descriptors the
// same details strace prints (devices with major:minor, pipes...).
std::optional<std::string> ProcFdResolver::fd_detail(pid_t tid, int fd, int classes) {
  return net::socket_detail(tid, fd, classes);
}

}  // namespace sct
