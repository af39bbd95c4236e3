#include "backend/ptrace/spawn_daemonized.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

#include "backend/interrupt.h"
#include "backend/ptrace/spawn.h"

namespace sct {

pid_t spawn_daemonized(const TraceSpec& spec, unsigned options, std::string* error) {
  PreparedCommand cmd;
  if (!prepare_command(spec, &cmd, error)) return -1;

  const pid_t tracee = getpid();
  fflush(nullptr);  // nothing buffered may be written twice
  pid_t child = fork();
  if (child < 0) {
    *error = std::string("fork: ") + strerror(errno);
    return -1;
  }
  if (child > 0) {
    // The original process: the grandchild kills our child once it has
    // seized us, which ends this wait; then we become the command.
    while (waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
    }
    enter_command_environment(spec, cmd);
    exec_command(spec, cmd);
  }

  // The child only waits to be killed: the command must not see a child of
  // its own that it did not start, so the tracer is one generation further.
  pid_t grandchild = fork();
  if (grandchild < 0) _exit(1);
  if (grandchild > 0) {
    for (;;) pause();
  }

  // The grandchild: the tracer.
  auto die = [&](const char* what) {
    fprintf(stderr, "%s: %s: %s\n", spec.progname.c_str(), what, strerror(errno));
    kill(getppid(), SIGKILL);
    _exit(1);
  };
  if (spec.daemonize == 2 && setpgid(0, 0) < 0) die("Cannot create a new process group");
  if (spec.daemonize >= 3 && setsid() < 0) die("Cannot create a new session");
  if (ptrace(PTRACE_SEIZE, tracee, 0, options) != 0 || ptrace(PTRACE_INTERRUPT, tracee, 0, 0) != 0) {
    *error = "attach: ptrace(PTRACE_SEIZE, " + std::to_string(tracee) + "): " + strerror(errno);
    kill(getppid(), SIGKILL);
    return -1;
  }
  kill(getppid(), SIGKILL);  // releases the original process's wait
  return tracee;
}

}  // namespace sct
