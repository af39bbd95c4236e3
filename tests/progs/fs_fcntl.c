// fcntl: every command family strace decodes, success and failure.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define F "/tmp/sct-fs-fcntl"

int main(void) {
  int fd = syscall(SYS_openat, AT_FDCWD, F, O_RDWR | O_CREAT | O_TRUNC, 0644);
  syscall(SYS_fcntl, fd, F_GETFL);
  syscall(SYS_fcntl, fd, F_SETFL, O_RDWR | O_NONBLOCK | O_APPEND);
  syscall(SYS_fcntl, fd, F_GETFL);
  syscall(SYS_fcntl, fd, F_SETFL, 0);
  syscall(SYS_fcntl, fd, F_GETFD);
  syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC);
  syscall(SYS_fcntl, fd, F_GETFD);
  syscall(SYS_fcntl, fd, F_SETFD, 0);
  syscall(SYS_fcntl, fd, F_GETFD);
  syscall(SYS_fcntl, fd, F_DUPFD, 10);
  syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 0);
  syscall(SYS_fcntl, -1, F_GETFL);
  struct flock fl;
  memset(&fl, 0, sizeof fl);
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 100;
  syscall(SYS_fcntl, fd, F_SETLK, &fl);
  syscall(SYS_fcntl, fd, F_SETLKW, &fl);
  fl.l_type = F_RDLCK;
  fl.l_whence = SEEK_CUR;
  fl.l_start = 10;
  fl.l_len = 0;
  syscall(SYS_fcntl, fd, F_GETLK, &fl);
  syscall(SYS_fcntl, fd, F_GETLK, (void*)1);
  syscall(SYS_fcntl, fd, F_SETLK, (void*)1);
  fl.l_type = F_UNLCK;
  fl.l_pid = 0;
  syscall(SYS_fcntl, fd, F_OFD_SETLK, &fl);
  fl.l_type = F_RDLCK;
  fl.l_start = 1000;
  syscall(SYS_fcntl, fd, F_OFD_GETLK, &fl);
  syscall(SYS_fcntl, fd, F_OFD_SETLKW, &fl);
  syscall(SYS_fcntl, fd, F_GETOWN);
  syscall(SYS_fcntl, fd, F_SETOWN, 0);
  syscall(SYS_fcntl, fd, F_GETSIG);
  syscall(SYS_fcntl, fd, F_SETSIG, SIGIO);
  syscall(SYS_fcntl, fd, F_SETSIG, 0);
  syscall(SYS_fcntl, fd, F_GETLEASE);
  syscall(SYS_fcntl, fd, F_SETLEASE, F_UNLCK);
  syscall(SYS_fcntl, fd, F_NOTIFY, DN_MODIFY | DN_CREATE | DN_MULTISHOT);
  struct f_owner_ex owner = {F_OWNER_PID, 0};
  syscall(SYS_fcntl, fd, F_SETOWN_EX, &owner);
  syscall(SYS_fcntl, fd, F_GETOWN_EX, &owner);
  int p[2];
  syscall(SYS_pipe2, p, 0);
  syscall(SYS_fcntl, p[0], F_GETPIPE_SZ);
  syscall(SYS_fcntl, p[0], F_SETPIPE_SZ, 8192);
  int mfd = syscall(SYS_memfd_create, "s", 2 /* ALLOW_SEALING */);
  syscall(SYS_fcntl, mfd, F_GET_SEALS);
  syscall(SYS_fcntl, mfd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE);
  syscall(SYS_fcntl, mfd, F_GET_SEALS);
  syscall(SYS_fcntl, fd, 1030 + 300);
  unsigned long long hint = 2;
  syscall(SYS_fcntl, fd, F_SET_RW_HINT, &hint);
  syscall(SYS_fcntl, fd, F_GET_RW_HINT, &hint);
  syscall(SYS_fcntl, fd, F_SETFL, O_RDWR | O_DIRECT | O_NOATIME | 0x8000);
  syscall(SYS_unlink, F);
  return 0;
}
