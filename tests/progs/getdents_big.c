// getdents/getdents64 of a directory whose listing is larger than the eBPF
// engine copies (SCT_CAP_MAX, 4 KiB): strace prints how many entries the
// whole buffer holds ("0x... /* 82 entries */"), which the kernel side
// counts. 80 names of 40 bytes take 64 bytes each, "." and ".." 24: 5168
// bytes in all, whichever the file system. Then a buffer too small for all
// of them (a first part, then the rest), and the empty end.
//
//   getdents_big       the listing in one call, then in 4000-byte parts
//   getdents_big small 20 names (1328 bytes): whole in one capture, for -v
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int nfiles = 80;

static char dir[] = "/tmp/sct-getdents-XXXXXX";

static void make_files(int create) {
  char path[128];
  for (int i = 0; i < nfiles; i++) {
    // 40 bytes: "entry_" and 34 digits/letters.
    snprintf(path, sizeof path, "%s/entry_%034d", dir, i);
    if (create) {
      int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
      if (fd >= 0) close(fd);
    } else {
      unlink(path);
    }
  }
}

static void list(size_t size) {
  static char buf[32768];
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  while (syscall(SYS_getdents64, fd, buf, size) > 0) {
  }
  lseek(fd, 0, SEEK_SET);
  while (syscall(SYS_getdents, fd, buf, size) > 0) {
  }
  close(fd);
}

int main(int argc, char** argv) {
  int small = argc > 1 && !strcmp(argv[1], "small");
  if (small) nfiles = 20;
  if (!mkdtemp(dir)) return 1;
  make_files(1);
  list(32768);
  if (!small) list(4000);
  make_files(0);
  rmdir(dir);
  return 0;
}
