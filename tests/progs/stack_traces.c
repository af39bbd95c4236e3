// -k / --stack-traces: calls made a few frames deep, so that the stacks strace
// prints after them name this program's own functions (it keeps its symbol
// table) as well as libc's.
//   stack_traces          write from main -> outer -> inner
//   stack_traces fork     the same in a child too (-f), which exits with _exit
//                         (SIGCHLD blocked: no signal line)
//   stack_traces signal   a handled SIGUSR1 (a stack after the signal line)
//   stack_traces dlopen   a library loaded after the first stack was taken
//                         makes a syscall: its frames need the maps reread
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

__attribute__((noinline)) static void inner(const char* msg) {
  write(1, msg, strlen(msg));
  __asm__ volatile("" ::: "memory");  // not a tail call: inner stays on the stack
}

__attribute__((noinline)) static void outer(const char* msg) {
  inner(msg);
  __asm__ volatile("" ::: "memory");
}

static void on_usr1(int sig) { (void)sig; }

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "";
  outer("parent\n");
  if (strcmp(mode, "fork") == 0) {
    // SIGCHLD stays blocked: where the parent would be when it arrives (in
    // fork or in wait4), and so its stack, is up to the scheduler.
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    pid_t pid = fork();
    if (pid == 0) {
      outer("child\n");
      _exit(0);
    }
    waitpid(pid, NULL, 0);
  } else if (strcmp(mode, "signal") == 0) {
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
  } else if (strcmp(mode, "dlopen") == 0) {
    void* z = dlopen("libz.so.1", RTLD_NOW);
    if (z) {
      void* (*gzopen_fn)(const char*, const char*) = (void* (*)(const char*, const char*))dlsym(z, "gzopen");
      if (gzopen_fn) gzopen_fn("/nonexistent/stack_traces", "rb");
    }
  }
  outer("done\n");
  return 0;
}
