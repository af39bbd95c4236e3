#include "backend/proc_tasks.h"

#include <dirent.h>

#include <cstdio>
#include <cstdlib>

namespace sct {

std::vector<pid_t> threads_of(pid_t pid) {
  std::vector<pid_t> tids;
  char dir[64];
  snprintf(dir, sizeof dir, "/proc/%d/task", pid);
  if (DIR* d = opendir(dir)) {
    while (struct dirent* e = readdir(d))
      if (e->d_name[0] != '.') tids.push_back(atoi(e->d_name));
    closedir(d);
  }
  return tids;
}

}  // namespace sct
