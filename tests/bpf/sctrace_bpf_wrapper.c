/* `sctrace --backend=bpf ARGS...` under the name it was called by, with the
 * environment untouched (a shell would add PWD, SHLVL and _, Python a
 * LC_CTYPE: both show in execve's "N vars" and in the traced program's
 * behaviour). The differential runner takes it as its --sctrace. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  char** args = calloc((size_t)argc + 2, sizeof *args);
  if (!args) return 127;
  args[0] = argv[0];
  args[1] = (char*)"--backend=bpf";
  memcpy(args + 2, argv + 1, (size_t)(argc - 1) * sizeof *args);
  execv(SCTRACE_BIN, args);
  return 127;
}
