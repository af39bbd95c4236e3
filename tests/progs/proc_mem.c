/* Memory-management calls with deterministic arguments, and failing ones. */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  void *cur = (void *)syscall(SYS_brk, 0);
  syscall(SYS_brk, (char *)cur + 4096);
  char *p = mmap(NULL, 16384, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  mmap(NULL, 4096, PROT_NONE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE | MAP_STACK | 0x8000000, -1, 0);
  mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0x1000);
  mmap((void *)0x10000, 4096, PROT_READ | 0x100, MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE, 99, 0);
  mprotect(p, 4096, PROT_READ);
  mprotect(p, 4096, PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN);
  mprotect((void *)1, 4096, PROT_NONE);
  madvise(p, 16384, MADV_DONTNEED);
  madvise(p, 16384, MADV_SEQUENTIAL);
  madvise(p, 16384, MADV_HUGEPAGE);
  madvise(p, 16384, 12345);
  msync(p, 4096, MS_SYNC | MS_INVALIDATE);
  msync(p, 4096, MS_ASYNC);
  mlock(p, 4096);
  munlock(p, 4096);
  syscall(SYS_mlock2, p, 4096, MLOCK_ONFAULT);
  syscall(SYS_mlock2, p, 4096, 0);
  mlockall(MCL_CURRENT | MCL_FUTURE);
  munlockall();
  mlockall(0);
  unsigned char vec[4];
  mincore(p, 16384, vec);
  mincore(p, 16384, (void *)1);
  mincore((void *)1, 4096, vec);
  syscall(SYS_pkey_mprotect, p, 4096, PROT_READ, -1);
  syscall(SYS_pkey_mprotect, p, 4096, PROT_READ, 5);
  char *q = mremap(p, 16384, 32768, MREMAP_MAYMOVE);
  mremap(q, 32768, 8192, 0);
  mremap(q, 8192, 8192, MREMAP_MAYMOVE | MREMAP_FIXED, (void *)0x20000000);
  mremap((void *)1, 8192, 8192, 0);
  munmap((void *)0x20000000, 8192);
  munmap((void *)1, 4096);
  return 0;
}
