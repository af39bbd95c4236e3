// Descriptor syscalls: dup*, pipe*, fallocate, fsync, flock, sync, eventfd,
// memfd, inotify, timerfd, signalfd, getdents, name_to_handle_at.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define D "/tmp/sct-fs-fdops"

int main(void) {
  char buf[4096];
  syscall(SYS_mkdir, D, 0755);
  int fd = syscall(SYS_openat, AT_FDCWD, D "/f", O_RDWR | O_CREAT | O_TRUNC, 0644);
  syscall(SYS_dup, fd);
  syscall(SYS_dup, -1);
  syscall(SYS_dup2, fd, 10);
  syscall(SYS_dup2, fd, -1);
  syscall(SYS_dup3, fd, 11, O_CLOEXEC);
  syscall(SYS_dup3, fd, 12, 0);
  syscall(SYS_dup3, fd, fd, 0);
  int p[2];
  syscall(SYS_pipe, p);
  syscall(SYS_pipe, (void*)1);
  syscall(SYS_pipe2, p, O_CLOEXEC | O_NONBLOCK);
  syscall(SYS_pipe2, p, O_DIRECT);
  syscall(SYS_pipe2, p, 1);
  syscall(SYS_fallocate, fd, 0, 0, 4096);
  syscall(SYS_fallocate, fd, 1 /* KEEP_SIZE */, 4096, 4096);
  syscall(SYS_fallocate, fd, 3 /* PUNCH_HOLE|KEEP_SIZE */, 0, 100);
  syscall(SYS_fallocate, -1, 0x100, 0, 1);
  syscall(SYS_fsync, fd);
  syscall(SYS_fsync, -1);
  syscall(SYS_fdatasync, fd);
  syscall(SYS_sync_file_range, fd, 0, 4096, 2 /* WRITE */);
  syscall(SYS_sync_file_range, fd, 0, 0, 7);
  syscall(SYS_sync_file_range, fd, 0, 0, 0);
  syscall(SYS_flock, fd, LOCK_EX);
  syscall(SYS_flock, fd, LOCK_SH | LOCK_NB);
  syscall(SYS_flock, fd, LOCK_UN);
  syscall(SYS_flock, -1, 0x40);
  syscall(SYS_sync);
  syscall(SYS_syncfs, fd);
  syscall(SYS_syncfs, -1);
  syscall(SYS_eventfd, 0);
  syscall(SYS_eventfd2, 5, 02000000 /* EFD_CLOEXEC */ | 04000 /* NONBLOCK */ | 1);
  syscall(SYS_eventfd2, 0, 0);
  syscall(SYS_memfd_create, "sct-memfd", 1 /* MFD_CLOEXEC */ | 2 /* ALLOW_SEALING */);
  syscall(SYS_memfd_create, "x", 0);
  syscall(SYS_memfd_create, (void*)1, 0);
  int in = syscall(SYS_inotify_init1, 02000000 /* IN_CLOEXEC */);
  syscall(SYS_inotify_init1, 0);
  int wd = syscall(SYS_inotify_add_watch, in, D, 0x2 | 0x100 | 0x200 /* MODIFY|CREATE|DELETE */);
  syscall(SYS_inotify_add_watch, in, "/nonexistent-sct", 0xfff /* ALL_EVENTS */);
  syscall(SYS_inotify_add_watch, in, D, 0x01000000 | 0x80000000 | 0x8);
  syscall(SYS_inotify_rm_watch, in, wd);
  syscall(SYS_inotify_rm_watch, in, 1000);
  int tfd = syscall(SYS_timerfd_create, CLOCK_MONOTONIC, 02000000 | 04000);
  syscall(SYS_timerfd_create, CLOCK_REALTIME, 0);
  syscall(SYS_timerfd_create, 100, 0);
  struct itimerspec its = {{0, 0}, {100, 5}}, old;
  syscall(SYS_timerfd_settime, tfd, 0, &its, &old);
  syscall(SYS_timerfd_settime, tfd, 1 /* ABSTIME */, &its, NULL);
  syscall(SYS_timerfd_settime, tfd, 0, (void*)1, NULL);
  its.it_value.tv_sec = 0; its.it_value.tv_nsec = 0;
  syscall(SYS_timerfd_settime, tfd, 0, &its, &old);
  syscall(SYS_timerfd_gettime, tfd, &old);
  syscall(SYS_timerfd_gettime, -1, &old);
  uint64_t mask = (1ULL << (SIGINT - 1)) | (1ULL << (SIGUSR1 - 1));
  syscall(SYS_signalfd4, -1, &mask, 8, 02000000 | 04000);
  syscall(SYS_signalfd, -1, &mask, 8);
  syscall(SYS_signalfd4, -1, &mask, 4, 0);
  int dfd = syscall(SYS_openat, AT_FDCWD, D, O_RDONLY | O_DIRECTORY);
  syscall(SYS_getdents64, dfd, buf, sizeof buf);
  syscall(SYS_getdents64, dfd, buf, sizeof buf);
  syscall(SYS_lseek, dfd, 0, SEEK_SET);
  syscall(SYS_getdents, dfd, buf, sizeof buf);
  syscall(SYS_getdents64, -1, buf, sizeof buf);
  syscall(SYS_getdents64, dfd, buf, 1);
  struct { unsigned int handle_bytes; int handle_type; unsigned char f_handle[128]; } fh;
  int mount_id;
  fh.handle_bytes = 128;
  syscall(SYS_name_to_handle_at, AT_FDCWD, D "/f", &fh, &mount_id, 0);
  fh.handle_bytes = 0;
  syscall(SYS_name_to_handle_at, dfd, "f", &fh, &mount_id, AT_SYMLINK_FOLLOW);
  syscall(SYS_name_to_handle_at, AT_FDCWD, "/nonexistent-sct", &fh, &mount_id, 0);
  syscall(SYS_unlink, D "/f");
  syscall(SYS_rmdir, D);
  return 0;
}
