#include "dtruss/proc_thread_info.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sct {

namespace {

// Reads a small /proc file into buf (NUL-terminated); false if unreadable.
bool read_proc_file(const char* path, char* buf, size_t size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  ssize_t n = read(fd, buf, size - 1);
  close(fd);
  if (n <= 0) return false;
  buf[n] = '\0';
  return true;
}

}  // namespace

int64_t thread_cpu_ns(pid_t tid) {
  char path[64];
  char buf[128];
  snprintf(path, sizeof path, "/proc/%d/schedstat", tid);
  if (!read_proc_file(path, buf, sizeof buf)) return -1;
  char* end = nullptr;
  long long ns = strtoll(buf, &end, 10);
  return end == buf ? -1 : ns;
}

pid_t thread_group_of(pid_t tid) {
  char path[64];
  char buf[2048];
  snprintf(path, sizeof path, "/proc/%d/status", tid);
  if (!read_proc_file(path, buf, sizeof buf)) return tid;
  const char* line = strstr(buf, "\nTgid:");
  if (!line) return tid;
  return static_cast<pid_t>(strtol(line + 6, nullptr, 10));
}

}  // namespace sct
