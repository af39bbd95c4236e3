/* The calls every dynamically linked program makes at start-up (execve, brk,
 * mmap, arch_prctl, set_tid_address, set_robust_list, rseq, prlimit64,
 * mprotect, munmap, getrandom) and exit_group with a status. */
#include <stdlib.h>
#include <unistd.h>

int main(void) {
  char *p = malloc(100000); /* brk growth or mmap */
  p[0] = 1;
  free(p);
  _exit(3);
}
