#include "dtrace/task_info.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace sct::dtrace {

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path);
  if (!f) return {};
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace

bool read_task_info(pid_t tid, TaskInfo* out) {
  // /proc/<tid>/status has Name (comm, with escapes), Tgid, PPid, Uid, Gid.
  std::string status = slurp("/proc/" + std::to_string(tid) + "/status");
  if (status.empty()) return false;
  std::istringstream in(status);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("Name:\t", 0) == 0) out->execname = line.substr(6);
    else if (line.rfind("Tgid:\t", 0) == 0) out->pid = std::atoi(line.c_str() + 6);
    else if (line.rfind("PPid:\t", 0) == 0) out->ppid = std::atoi(line.c_str() + 6);
    else if (line.rfind("Uid:\t", 0) == 0) out->uid = uint32_t(std::strtoul(line.c_str() + 5, nullptr, 10));
    else if (line.rfind("Gid:\t", 0) == 0) out->gid = uint32_t(std::strtoul(line.c_str() + 5, nullptr, 10));
  }
  // The status Name escapes some bytes; the comm file has the raw name.
  std::string comm = slurp("/proc/" + std::to_string(tid) + "/comm");
  if (!comm.empty()) {
    if (comm.back() == '\n') comm.pop_back();
    out->execname = comm;
  }
  return true;
}

int32_t parent_pid(int32_t pid) {
  std::string stat = slurp("/proc/" + std::to_string(pid) + "/stat");
  size_t close = stat.rfind(')');
  if (close == std::string::npos) return -1;
  char state;
  int ppid;
  if (std::sscanf(stat.c_str() + close + 1, " %c %d", &state, &ppid) != 2) return -1;
  return ppid;
}

uint64_t thread_cpu_ns(pid_t tid) {
  std::string s = slurp("/proc/" + std::to_string(tid) + "/schedstat");
  return std::strtoull(s.c_str(), nullptr, 10);
}

}  // namespace sct::dtrace
