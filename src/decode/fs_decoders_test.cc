// The files-and-I/O decoders against a fake tracee memory: each expectation
// is a line Debian's strace 6.1 printed for the same call (tests/progs/fs_*).
#include <fcntl.h>
#include <linux/openat2.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>

#include <cstring>

#include <gtest/gtest.h>

#include "decode/decoder.h"
#include "sinks/strace_render.h"

namespace sct {
namespace {

class FsDecoderTest : public ::testing::Test {
 protected:
  // Runs entry and exit of one call and renders it as strace's line.
  std::string run(const char* name, std::initializer_list<uint64_t> args, int64_t ret, int error = 0) {
    SyscallCall call;
    call.nr = syscall_number(name);
    call.row = syscall_row(call.nr);
    EXPECT_NE(call.row, nullptr) << name;
    size_t i = 0;
    for (uint64_t a : args) call.args[i++] = a;
    DecodeContext entry(mem, opt, nullptr, call, true);
    decode_phase(call, entry);
    call.exited = true;
    call.ret = error ? -1 : ret;
    call.error = error;
    DecodeContext exit(mem, opt, nullptr, call, false);
    decode_phase(call, exit);
    return render_call_line(call, {});
  }
  uint64_t str(uint64_t addr, const std::string& s) {
    mem.map(addr, s + std::string(1, '\0'));
    return addr;
  }
  FakeMemory mem;
  DecodeOptions opt;
};

constexpr uint64_t kAtFdcwd = static_cast<uint32_t>(AT_FDCWD);

TEST_F(FsDecoderTest, OpenFamily) {
  uint64_t p = str(0x1000, "/tmp/sct-fs-open/a");
  EXPECT_EQ(run("open", {p, O_WRONLY | O_CREAT | O_TRUNC, 0644}, 3),
            "open(\"/tmp/sct-fs-open/a\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3");
  EXPECT_EQ(run("open", {1, O_RDONLY}, 0, EFAULT), "open(0x1, O_RDONLY)                     = -1 EFAULT (Bad address)");
  EXPECT_EQ(run("openat", {kAtFdcwd, p, O_RDWR | O_CREAT | O_EXCL, 0}, 0, EEXIST),
            "openat(AT_FDCWD, \"/tmp/sct-fs-open/a\", O_RDWR|O_CREAT|O_EXCL, 000) = -1 EEXIST (File exists)");
  EXPECT_EQ(run("openat", {kAtFdcwd, p, O_WRONLY | O_SYNC | O_DSYNC | O_NOCTTY | O_ASYNC | 0x40000000}, 5),
            "openat(AT_FDCWD, \"/tmp/sct-fs-open/a\", O_WRONLY|O_NOCTTY|O_SYNC|FASYNC|0x40000000) = 5");
  EXPECT_EQ(run("openat", {kAtFdcwd, p, 3}, 6), "openat(AT_FDCWD, \"/tmp/sct-fs-open/a\", O_ACCMODE) = 6");
  EXPECT_EQ(run("openat", {kAtFdcwd, p, O_TMPFILE | O_RDWR, 0640}, 4),
            "openat(AT_FDCWD, \"/tmp/sct-fs-open/a\", O_RDWR|O_TMPFILE, 0640) = 4");
  EXPECT_EQ(run("creat", {p, 07}, 0, ENOENT),
            "creat(\"/tmp/sct-fs-open/a\", 007)        = -1 ENOENT (No such file or directory)");
  struct open_how how {};
  how.flags = O_CREAT | O_WRONLY;
  how.mode = 0600;
  mem.map_object(0x2000, how);
  uint64_t d = str(0x3000, "d");
  EXPECT_EQ(run("openat2", {3, d, 0x2000, sizeof how}, 7),
            "openat2(3, \"d\", {flags=O_WRONLY|O_CREAT, mode=0600, resolve=0}, 24) = 7");
  EXPECT_EQ(run("openat2", {3, d, 0x2000, 8}, 0, EINVAL), "openat2(3, \"d\", 0x2000, 8)              = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("close_range", {30, ~0u, 4}, 0), "close_range(30, 4294967295, CLOSE_RANGE_CLOEXEC) = 0");
  EXPECT_EQ(run("close_range", {30, 20, 2 | 8}, 0, EINVAL),
            "close_range(30, 20, CLOSE_RANGE_UNSHARE|0x8) = -1 EINVAL (Invalid argument)");
}

TEST_F(FsDecoderTest, ReadWrite) {
  mem.map(0x1000, std::string("\0\1\2\3\t\r\n\"\\\x7f\xff 0123456789abcdefghijklmnopqrstuvwxyz", 48));
  EXPECT_EQ(run("write", {3, 0x1000, 48}, 48),
            "write(3, \"\\0\\1\\2\\3\\t\\r\\n\\\"\\\\\\177\\377 0123456789abcdefghij\"..., 48) = 48");
  EXPECT_EQ(run("read", {(uint64_t)-1, 0x7ffd0000, 10}, 0, EBADF),
            "read(-1, 0x7ffd0000, 10)                = -1 EBADF (Bad file descriptor)");
  mem.map(0x2000, "hello");
  EXPECT_EQ(run("read", {3, 0x2000, 5}, 5), "read(3, \"hello\", 5)                     = 5");
  EXPECT_EQ(run("pread64", {3, 0x2000, 4, 7}, 4), "pread64(3, \"hell\", 4, 7)                = 4");
  EXPECT_EQ(run("lseek", {3, 0, 7}, 0, EINVAL), "lseek(3, 0, 0x7 /* SEEK_??? */)         = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("lseek", {3, 3, SEEK_CUR}, 64), "lseek(3, 3, SEEK_CUR)                   = 64");
}

TEST_F(FsDecoderTest, Vectors) {
  mem.map(0x5000, "HELLO, world");
  struct iovec iov[2] = {{reinterpret_cast<void*>(0x5000), 4}, {reinterpret_cast<void*>(0x5004), 8}};
  mem.map_object(0x6000, iov);
  EXPECT_EQ(run("readv", {3, 0x6000, 2}, 12),
            "readv(3, [{iov_base=\"HELL\", iov_len=4}, {iov_base=\"O, world\", iov_len=8}], 2) = 12");
  EXPECT_EQ(run("readv", {3, 0x6000, 2}, 0), "readv(3, [{iov_base=\"\", iov_len=4}, {iov_base=\"\", iov_len=8}], 2) = 0");
  EXPECT_EQ(run("readv", {(uint64_t)-1, 0x6000, 2}, 0, EBADF),
            "readv(-1, [{iov_base=0x5000, iov_len=4}, {iov_base=0x5004, iov_len=8}], 2) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(run("readv", {3, 1, 2}, 0, EFAULT), "readv(3, 0x1, 2)                        = -1 EFAULT (Bad address)");
  EXPECT_EQ(run("writev", {3, 0x6000, 0}, 0), "writev(3, [], 0)                        = 0");
  EXPECT_EQ(run("pwritev2", {3, 0x6000, 1, 0, 0, 0x100}, 4),
            "pwritev2(3, [{iov_base=\"HELL\", iov_len=4}], 1, 0, 0x100 /* RWF_??? */) = 4");
}

TEST_F(FsDecoderTest, Stat) {
  uint64_t p = str(0x1000, "/tmp/sct-fs-stat");
  struct stat st {};
  st.st_mode = S_IFREG | 0640;
  st.st_size = 10;
  mem.map_object(0x2000, st);
  EXPECT_EQ(run("stat", {p, 0x2000}, 0), "stat(\"/tmp/sct-fs-stat\", {st_mode=S_IFREG|0640, st_size=10, ...}) = 0");
  EXPECT_EQ(run("stat", {p, 0x2000}, 0, ENOENT), "stat(\"/tmp/sct-fs-stat\", 0x2000)        = -1 ENOENT (No such file or directory)");
  st.st_mode = S_IFCHR | 0666;
  st.st_rdev = makedev(1, 3);
  mem.map_object(0x3000, st);
  EXPECT_EQ(run("fstat", {5, 0x3000}, 0), "fstat(5, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
  st.st_mode = S_IFDIR | S_ISVTX | 0777;
  st.st_size = 4096;
  mem.map_object(0x4000, st);
  uint64_t tmp = str(0x5000, "/tmp");
  EXPECT_EQ(run("newfstatat", {kAtFdcwd, tmp, 0x4000, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT}, 0),
            "newfstatat(AT_FDCWD, \"/tmp\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}, "
            "AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT) = 0");
  EXPECT_EQ(run("newfstatat", {kAtFdcwd, tmp, 0x4000, 0x10000}, 0, EINVAL),
            "newfstatat(AT_FDCWD, \"/tmp\", 0x4000, 0x10000 /* AT_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("statx", {3, str(0x6000, ""), AT_EMPTY_PATH | AT_STATX_DONT_SYNC, STATX_BASIC_STATS, 1}, 0, EFAULT),
            "statx(3, \"\", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, STATX_BASIC_STATS, 0x1) = -1 EFAULT (Bad address)");
}

TEST_F(FsDecoderTest, Paths) {
  uint64_t f = str(0x1000, "fifo");
  EXPECT_EQ(run("access", {f, 0x10}, 0, EINVAL), "access(\"fifo\", 0x10 /* ?_OK */)         = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("access", {f, 0}, 0), "access(\"fifo\", F_OK)                    = 0");
  EXPECT_EQ(run("faccessat2", {kAtFdcwd, f, R_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW}, 0),
            "faccessat2(AT_FDCWD, \"fifo\", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS) = 0");
  EXPECT_EQ(run("mknod", {f, S_IFIFO | 0644, 0}, 0), "mknod(\"fifo\", S_IFIFO|0644)             = 0");
  EXPECT_EQ(run("mknodat", {3, f, S_IFBLK | 0600, makedev(8, 1)}, 0),
            "mknodat(3, \"fifo\", S_IFBLK|0600, makedev(0x8, 0x1)) = 0");
  EXPECT_EQ(run("renameat2", {3, f, kAtFdcwd, f, 0x10}, 0, EINVAL),
            "renameat2(3, \"fifo\", AT_FDCWD, \"fifo\", 0x10 /* RENAME_?? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("umask", {022}, 022), "umask(022)                              = 022");
  EXPECT_EQ(run("chmod", {f, 04755}, 0), "chmod(\"fifo\", 04755)                    = 0");
  EXPECT_EQ(run("fchownat", {kAtFdcwd, f, 0, 0, AT_SYMLINK_NOFOLLOW}, 0),
            "fchownat(AT_FDCWD, \"fifo\", 0, 0, AT_SYMLINK_NOFOLLOW) = 0");
  EXPECT_EQ(run("chown", {f, ~0ull, ~0ull}, 0), "chown(\"fifo\", -1, -1)                   = 0");
  mem.map(0x2000, "/nowhere/at/all");
  EXPECT_EQ(run("readlink", {f, 0x2000, 4}, 4), "readlink(\"fifo\", \"/now\", 4)             = 4");
  EXPECT_EQ(run("getcwd", {0x2000, 2}, 0, ERANGE), "getcwd(0x2000, 2)                       = -1 ERANGE (Numerical result out of range)");
  struct timespec ts[2] = {{1, 2}, {0, UTIME_OMIT}};
  mem.map_object(0x3000, ts);
  EXPECT_EQ(run("utimensat", {kAtFdcwd, f, 0x3000, 0}, 0),
            "utimensat(AT_FDCWD, \"fifo\", [{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, "
            "UTIME_OMIT], 0) = 0");
}

TEST_F(FsDecoderTest, Descriptors) {
  int32_t fds[2] = {5, 6};
  mem.map_object(0x1000, fds);
  EXPECT_EQ(run("pipe2", {0x1000, O_CLOEXEC | O_NONBLOCK}, 0), "pipe2([5, 6], O_NONBLOCK|O_CLOEXEC)     = 0");
  EXPECT_EQ(run("pipe2", {0x1000, 1}, 0, EINVAL), "pipe2(0x1000, 0x1 /* O_??? */)          = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("dup3", {3, 11, O_CLOEXEC}, 11), "dup3(3, 11, O_CLOEXEC)                  = 11");
  EXPECT_EQ(run("fallocate", {(uint64_t)-1, 0x100, 0, 1}, 0, EBADF),
            "fallocate(-1, 0x100 /* FALLOC_FL_??? */, 0, 1) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(run("flock", {(uint64_t)-1, 0x40}, 0, EINVAL), "flock(-1, LOCK_READ)                    = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("eventfd2", {5, O_CLOEXEC | O_NONBLOCK | 1}, 15),
            "eventfd2(5, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK) = 15");
  uint64_t name = str(0x2000, "a");
  EXPECT_EQ(run("memfd_create", {name, 4 | (21u << 26)}, 3), "memfd_create(\"a\", MFD_HUGETLB|21<<MFD_HUGE_SHIFT) = 3");
  EXPECT_EQ(run("memfd_create", {name, 0x38}, 0, EINVAL), "memfd_create(\"a\", 0x38 /* MFD_??? */)   = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(run("timerfd_create", {100, 0}, 0, EINVAL),
            "timerfd_create(0x64 /* CLOCK_??? */, 0) = -1 EINVAL (Invalid argument)");
  uint64_t mask = (1ull << 1) | (1ull << 9);
  mem.map_object(0x3000, mask);
  EXPECT_EQ(run("signalfd4", {(uint64_t)-1, 0x3000, 8, O_CLOEXEC | O_NONBLOCK}, 23),
            "signalfd4(-1, [INT USR1], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 23");
}

TEST_F(FsDecoderTest, Fcntl) {
  EXPECT_EQ(run("fcntl", {3, F_GETFL}, 0x8002), "fcntl(3, F_GETFL)                       = 0x8002 (flags O_RDWR|O_LARGEFILE)");
  EXPECT_EQ(run("fcntl", {3, F_GETFD}, 1), "fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)");
  EXPECT_EQ(run("fcntl", {3, F_GETFD}, 0), "fcntl(3, F_GETFD)                       = 0");
  EXPECT_EQ(run("fcntl", {3, F_SETFL, 0}, 0), "fcntl(3, F_SETFL, O_RDONLY)             = 0");
  EXPECT_EQ(run("fcntl", {3, F_DUPFD_CLOEXEC, 0}, 4), "fcntl(3, F_DUPFD_CLOEXEC, 0)            = 4");
  EXPECT_EQ(run("fcntl", {3, F_GETLEASE}, 2), "fcntl(3, F_GETLEASE)                    = 0x2 (F_UNLCK)");
  EXPECT_EQ(run("fcntl", {7, F_GET_SEALS}, 0xe), "fcntl(7, F_GET_SEALS)                   = 0xe (seals F_SEAL_SHRINK|F_SEAL_GROW|F_SEAL_WRITE)");
  EXPECT_EQ(run("fcntl", {3, 1036, 0}, 0, EFAULT), "fcntl(3, 0x40c /* F_??? */, 0)          = -1 EFAULT (Bad address)");
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_len = 100;
  mem.map_object(0x1000, fl);
  EXPECT_EQ(run("fcntl", {3, F_SETLK, 0x1000}, 0),
            "fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100}) = 0");
  EXPECT_EQ(run("fcntl", {3, F_GETLK, 0x1000}, 0),
            "fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=0}) = 0");
  EXPECT_EQ(run("fcntl", {3, F_GETLK, 1}, 0, EFAULT), "fcntl(3, F_GETLK, 0x1)                  = -1 EFAULT (Bad address)");
}

TEST_F(FsDecoderTest, Ioctl) {
  // A fresh pty's settings.
  struct {
    uint32_t i, o, c, l;
    uint8_t line, cc[19];
  } t{0x500, 0x5, 0xbf, 0x8a3b, 0, {3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf, 0x17, 0x16}};
  mem.map_object(0x1000, t);
  EXPECT_EQ(run("ioctl", {4, 0x5401, 0x1000}, 0),
            "ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
            "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
  EXPECT_EQ(run("ioctl", {5, 0x5401, 0x1000}, 0, ENOTTY),
            "ioctl(5, TCGETS, 0x1000)                = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(run("ioctl", {4, 0x5402, 0x1000}, 0),
            "ioctl(4, SNDCTL_TMR_START or TCSETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
            "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
  opt.verbose = true;
  EXPECT_EQ(run("ioctl", {4, 0x5401, 0x1000}, 0),
            "ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
            "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY, "
            "c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, "
            "[VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, "
            "[VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0");
  opt.verbose = false;
  uint16_t ws[4] = {24, 80, 0, 0};
  mem.map_object(0x2000, ws);
  EXPECT_EQ(run("ioctl", {4, 0x5413, 0x2000}, 0),
            "ioctl(4, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
  int32_t one = 1;
  mem.map_object(0x3000, one);
  EXPECT_EQ(run("ioctl", {4, 0x5421, 0x3000}, 0), "ioctl(4, FIONBIO, [1])                  = 0");
  EXPECT_EQ(run("ioctl", {4, 0x5451, 0}, 0), "ioctl(4, FIOCLEX)                       = 0");
  EXPECT_EQ(run("ioctl", {4, 0x540a, 1}, 0), "ioctl(4, TCXONC, TCOON)                 = 0");
  EXPECT_EQ(run("ioctl", {5, 0x80081234, 0}, 0, ENOTTY),
            "ioctl(5, _IOC(_IOC_READ, 0x12, 0x34, 0x8), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(run("ioctl", {5, 0x1234, 0x10}, 0, ENOTTY),
            "ioctl(5, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x10) = -1 ENOTTY (Inappropriate ioctl for device)");
  EXPECT_EQ(run("ioctl", {5, 0xab03, 0}, 0, ENOTTY), "ioctl(5, NBD_DO_IT)                     = -1 ENOTTY (Inappropriate ioctl for device)");
}

TEST_F(FsDecoderTest, Poll) {
  struct pollfd p[3] = {{3, POLLIN | POLLPRI, POLLIN}, {4, POLLOUT, POLLOUT}, {-1, POLLIN, 0}};
  mem.map_object(0x1000, p);
  EXPECT_EQ(run("poll", {0x1000, 3, 0}, 2),
            "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}, {fd=-1}], 3, 0) = 2 "
            "([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}])");
  EXPECT_EQ(run("poll", {0, 0, 0}, 0), "poll(NULL, 0, 0)                        = 0 (Timeout)");
  EXPECT_EQ(run("poll", {1, 1, 0}, 0, EFAULT), "poll(0x1, 1, 0)                         = -1 EFAULT (Bad address)");
  uint64_t set = (1u << 3) | (1u << 4);
  mem.map_object(0x2000, set);
  uint64_t wset = 1u << 4;
  mem.map_object(0x3000, wset);
  struct timeval tv {};
  mem.map_object(0x4000, tv);
  EXPECT_EQ(run("select", {5, 0x2000, 0x3000, 0, 0x4000}, 2),
            "select(5, [3 4], [4], NULL, {tv_sec=0, tv_usec=0}) = 2 (in [3 4], left {tv_sec=0, tv_usec=0})");
  struct epoll_event ev {};
  ev.events = EPOLLIN | EPOLLET;
  ev.data.u64 = 0x100000005ull;
  mem.map_object(0x5000, ev);
  EXPECT_EQ(run("epoll_ctl", {5, EPOLL_CTL_ADD, 3, 0x5000}, 0),
            "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=5, u64=4294967301}}) = 0");
  EXPECT_EQ(run("epoll_wait", {5, 0x5000, 4, 0}, 0), "epoll_wait(5, [], 4, 0)                 = 0");
  EXPECT_EQ(run("epoll_wait", {(uint64_t)-1, 0x5000, 4, 0}, 0, EBADF),
            "epoll_wait(-1, 0x5000, 4, 0)            = -1 EBADF (Bad file descriptor)");
}

}  // namespace
}  // namespace sct
