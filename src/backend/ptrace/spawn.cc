#include "backend/ptrace/spawn.h"

#include "backend/interrupt.h"
#include "filter/seccomp_filter.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

namespace sct {

bool resolve_command(const std::string& name, std::string* path, std::string* error) {
  auto usable = [](const std::string& p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  if (name.find('/') != std::string::npos) {
    struct stat st;
    if (stat(name.c_str(), &st) != 0) {
      *error = "Can't stat '" + name + "': " + strerror(errno);
      return false;
    }
    *path = name;
    return true;
  }
  const char* env = getenv("PATH");
  std::string dirs = env ? env : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    if (usable(candidate)) {
      *path = candidate;
      return true;
    }
    start = end + 1;
  }
  *error = "Can't stat '" + name + "': No such file or directory";
  return false;
}

bool prepare_command(const TraceSpec& spec, PreparedCommand* out, std::string* error) {
  if (!resolve_command(spec.command[0], &out->path, error)) return false;
  for (const auto& a : spec.command) out->argv.push_back(const_cast<char*>(a.c_str()));
  out->argv.push_back(nullptr);
  if (!spec.run_as_user.empty() && !(out->user = getpwnam(spec.run_as_user.c_str()))) {
    *error = "Cannot find user '" + spec.run_as_user + "'";
    return false;
  }
  return true;
}

void enter_command_environment(const TraceSpec& spec, const PreparedCommand& cmd) {
  restore_inherited_signal_dispositions();  // -I: the tracer's own are not the command's
  for (const auto& kv : spec.env_set) putenv(const_cast<char*>(kv.c_str()));
  for (const auto& k : spec.env_unset) unsetenv(k.c_str());
  if (struct passwd* pw = cmd.user) {
    if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setregid(pw->pw_gid, pw->pw_gid) != 0 ||
        setreuid(pw->pw_uid, pw->pw_uid) != 0)
      _exit(1);
  }
}

void exec_command(const TraceSpec& spec, const PreparedCommand& cmd, int exec_error_fd) {
  execv(cmd.path.c_str(), cmd.argv.data());
  if (exec_error_fd >= 0) {
    int e = errno;
    (void)!write(exec_error_fd, &e, sizeof e);
    _exit(1);
  }
  std::string msg = spec.progname + ": exec: " + strerror(errno) + "\n";
  (void)!write(2, msg.data(), msg.size());
  _exit(1);
}

pid_t spawn_stopped_child(const TraceSpec& spec, std::string* error, const std::vector<sock_filter>* seccomp_program,
                          int exec_error_fd) {
  PreparedCommand cmd;
  if (!prepare_command(spec, &cmd, error)) return -1;

  pid_t pid = fork();
  if (pid < 0) {
    *error = std::string("fork: ") + strerror(errno);
    return -1;
  }
  if (pid == 0) {
    enter_command_environment(spec, cmd);
    // Stop until the tracer has seized us; it resumes us with SIGCONT.
    kill(getpid(), SIGSTOP);
    // The tracer sees whether this succeeded from the seccomp syscall's
    // return value, and falls back to stopping at every syscall if not.
    if (seccomp_program && !seccomp_program->empty()) install_seccomp_filter(*seccomp_program);
    exec_command(spec, cmd, exec_error_fd);
  }
  return pid;
}

}  // namespace sct
