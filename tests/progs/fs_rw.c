// read/write family, lseek, sendfile, copy_file_range, splice, tee.
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define FILE1 "/tmp/sct-fs-rw-1"
#define FILE2 "/tmp/sct-fs-rw-2"

int main(void) {
  char buf[128];
  int fd = syscall(SYS_openat, AT_FDCWD, FILE1, O_RDWR | O_CREAT | O_TRUNC, 0644);
  syscall(SYS_write, fd, "hello, world\n", 13);
  syscall(SYS_write, fd, "\0\1\2\3\t\r\n\"\\\x7f\xff 0123456789abcdefghijklmnopqrstuvwxyz", 48);
  syscall(SYS_write, fd, "", 0);
  syscall(SYS_write, -1, "x", 1);
  syscall(SYS_write, fd, (void*)1, 5);
  syscall(SYS_lseek, fd, 0, SEEK_SET);
  syscall(SYS_read, fd, buf, 5);
  syscall(SYS_read, fd, buf, sizeof buf);
  syscall(SYS_read, fd, buf, sizeof buf);
  syscall(SYS_read, -1, buf, 10);
  syscall(SYS_read, fd, (void*)1, 10);
  syscall(SYS_lseek, fd, 3, SEEK_CUR);
  syscall(SYS_lseek, fd, -2, SEEK_END);
  syscall(SYS_lseek, fd, 0, SEEK_DATA);
  syscall(SYS_lseek, fd, 0, SEEK_HOLE);
  syscall(SYS_lseek, fd, 0, 7);
  syscall(SYS_pread64, fd, buf, 4, 7);
  syscall(SYS_pwrite64, fd, "HELLO", 5, 0);
  syscall(SYS_pread64, fd, buf, 4, -1);
  char a[4], b[8];
  struct iovec iov[2] = {{a, sizeof a}, {b, sizeof b}};
  syscall(SYS_readv, fd, iov, 2);
  syscall(SYS_lseek, fd, 0, SEEK_SET);
  syscall(SYS_readv, fd, iov, 2);
  syscall(SYS_readv, fd, (void*)1, 2);
  syscall(SYS_readv, -1, iov, 2);
  struct iovec wv[3] = {{"abc", 3}, {"", 0}, {"defgh", 5}};
  syscall(SYS_writev, fd, wv, 3);
  syscall(SYS_writev, fd, wv, 0);
  syscall(SYS_preadv, fd, iov, 2, 2, 0);
  syscall(SYS_pwritev, fd, wv, 3, 100, 0);
  syscall(SYS_preadv2, fd, iov, 1, 0, 0, 0x1 /* RWF_HIPRI */);
  syscall(SYS_pwritev2, fd, wv, 1, -1, 0, 0x10 /* RWF_APPEND */);
  syscall(SYS_pwritev2, fd, wv, 1, 0, 0, 0x100);
  int fd2 = syscall(SYS_openat, AT_FDCWD, FILE2, O_RDWR | O_CREAT | O_TRUNC, 0600);
  off_t off = 2;
  syscall(SYS_sendfile, fd2, fd, &off, 5);
  syscall(SYS_sendfile, fd2, fd, NULL, 3);
  syscall(SYS_sendfile, fd2, -1, &off, 3);
  syscall(SYS_sendfile, fd2, fd, (void*)1, 3);
  loff_t in = 0, out = 20;
  syscall(SYS_copy_file_range, fd, &in, fd2, &out, 4, 0);
  syscall(SYS_copy_file_range, fd, NULL, fd2, NULL, 4, 0);
  syscall(SYS_copy_file_range, fd, &in, fd2, &out, 4, 1);
  int p[2], q[2];
  syscall(SYS_pipe2, p, 0);
  syscall(SYS_pipe2, q, 0);
  syscall(SYS_write, p[1], "pipedata", 8);
  syscall(SYS_tee, p[0], q[1], 4, 0x2 /* SPLICE_F_NONBLOCK */);
  loff_t so = 0;
  syscall(SYS_splice, p[0], NULL, fd2, &so, 4, 0x1 | 0x4);
  syscall(SYS_splice, q[0], NULL, p[1], NULL, 4, 0);
  syscall(SYS_splice, fd, NULL, fd2, NULL, 4, 0);
  syscall(SYS_tee, fd, fd2, 4, 0);
  syscall(SYS_unlink, FILE1);
  syscall(SYS_unlink, FILE2);
  return 0;
}
