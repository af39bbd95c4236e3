#include "sinks/pid_comm.h"

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace sct {

namespace {
thread_local const CommSource* g_source = nullptr;
}  // namespace

void set_comm_source(const CommSource* source) { g_source = source; }
const CommSource* comm_source() { return g_source; }

std::string proc_comm(int64_t pid) {
  if (pid <= 0 || pid > INT32_MAX) return {};
  if (g_source)
    if (auto known = g_source->comm(pid)) return *known;
  std::string path = fmt::format("/proc/{}/comm", pid);
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  // The kernel's comm is at most 15 bytes (TASK_COMM_LEN 16), as is
  // strace's buffer for it.
  char buf[16];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return {};
  std::string comm(buf, static_cast<size_t>(n));
  while (!comm.empty() && comm.back() == '\n') comm.pop_back();
  return comm;
}

}  // namespace sct
