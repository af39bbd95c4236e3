// Values come from the system headers where they exist, so a wrong number
// fails to compile; the few that glibc spells differently from the kernel
// (O_LARGEFILE is 0 in glibc's x86_64 headers but 0100000 in the kernel's)
// are written as the kernel's numbers.
#include "xlat/fs_flags.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <linux/magic.h>
#include <linux/openat2.h>
#include <linux/stat.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/statvfs.h>
#include <sys/timerfd.h>
#include <time.h>

namespace {
constexpr uint64_t kKernelOLargefile = 0100000;  // glibc x86_64 defines O_LARGEFILE as 0
constexpr uint64_t kKernelOSyncOnly = 04000000;  // __O_SYNC
constexpr uint64_t kKernelOTmpfileOnly = 020000000;  // __O_TMPFILE
static_assert((O_SYNC & ~O_DSYNC) == kKernelOSyncOnly);
static_assert((O_TMPFILE & ~O_DIRECTORY) == kKernelOTmpfileOnly);
}  // namespace

SCT_XLAT_DEFINE(open_access_modes, Enum, "O_???",
                {O_RDONLY, "O_RDONLY"}, {O_WRONLY, "O_WRONLY"}, {O_RDWR, "O_RDWR"}, {O_ACCMODE, "O_ACCMODE"})

SCT_XLAT_DEFINE(open_mode_flags, Flags, "O_???",
                {O_CREAT, "O_CREAT"}, {O_EXCL, "O_EXCL"}, {O_NOCTTY, "O_NOCTTY"}, {O_TRUNC, "O_TRUNC"},
                {O_APPEND, "O_APPEND"}, {O_NONBLOCK, "O_NONBLOCK"}, {O_SYNC, "O_SYNC"},
                {kKernelOSyncOnly, "__O_SYNC"}, {O_DSYNC, "O_DSYNC"}, {O_DIRECT, "O_DIRECT"},
                {kKernelOLargefile, "O_LARGEFILE"}, {O_NOFOLLOW, "O_NOFOLLOW"}, {O_NOATIME, "O_NOATIME"},
                {O_CLOEXEC, "O_CLOEXEC"}, {O_PATH, "O_PATH"}, {O_TMPFILE, "O_TMPFILE"},
                {kKernelOTmpfileOnly, "__O_TMPFILE"}, {O_DIRECTORY, "O_DIRECTORY"}, {FASYNC, "FASYNC"})

SCT_XLAT_DEFINE(open_resolve_flags, Flags, "RESOLVE_???",
                {RESOLVE_NO_XDEV, "RESOLVE_NO_XDEV"}, {RESOLVE_NO_MAGICLINKS, "RESOLVE_NO_MAGICLINKS"},
                {RESOLVE_NO_SYMLINKS, "RESOLVE_NO_SYMLINKS"}, {RESOLVE_BENEATH, "RESOLVE_BENEATH"},
                {RESOLVE_IN_ROOT, "RESOLVE_IN_ROOT"}, {RESOLVE_CACHED, "RESOLVE_CACHED"})

SCT_XLAT_DEFINE(close_range_flags, Flags, "CLOSE_RANGE_???",
                {CLOSE_RANGE_UNSHARE, "CLOSE_RANGE_UNSHARE"}, {CLOSE_RANGE_CLOEXEC, "CLOSE_RANGE_CLOEXEC"})

SCT_XLAT_DEFINE(at_flags, Flags, "AT_???",
                {AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"}, {AT_REMOVEDIR, "AT_REMOVEDIR"},
                {AT_SYMLINK_FOLLOW, "AT_SYMLINK_FOLLOW"}, {AT_NO_AUTOMOUNT, "AT_NO_AUTOMOUNT"},
                {AT_EMPTY_PATH, "AT_EMPTY_PATH"}, {AT_RECURSIVE, "AT_RECURSIVE"})

SCT_XLAT_DEFINE(faccessat_flags, Flags, "AT_???",
                {AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW"}, {AT_EACCESS, "AT_EACCESS"},
                {AT_EMPTY_PATH, "AT_EMPTY_PATH"})

SCT_XLAT_DEFINE(at_statx_sync_types, Enum, "",
                {AT_STATX_SYNC_AS_STAT, "AT_STATX_SYNC_AS_STAT"}, {AT_STATX_FORCE_SYNC, "AT_STATX_FORCE_SYNC"},
                {AT_STATX_DONT_SYNC, "AT_STATX_DONT_SYNC"})

SCT_XLAT_DEFINE(access_modes, Flags, "?_OK",
                {F_OK, "F_OK"}, {R_OK, "R_OK"}, {W_OK, "W_OK"}, {X_OK, "X_OK"})

SCT_XLAT_DEFINE(whence_codes, Enum, "SEEK_???",
                {SEEK_SET, "SEEK_SET"}, {SEEK_CUR, "SEEK_CUR"}, {SEEK_END, "SEEK_END"},
                {SEEK_DATA, "SEEK_DATA"}, {SEEK_HOLE, "SEEK_HOLE"})

SCT_XLAT_DEFINE(rwf_flags, Flags, "RWF_???",
                {RWF_HIPRI, "RWF_HIPRI"}, {RWF_DSYNC, "RWF_DSYNC"}, {RWF_SYNC, "RWF_SYNC"},
                {RWF_NOWAIT, "RWF_NOWAIT"}, {RWF_APPEND, "RWF_APPEND"})

SCT_XLAT_DEFINE(splice_flags, Flags, "SPLICE_F_???",
                {SPLICE_F_MOVE, "SPLICE_F_MOVE"}, {SPLICE_F_NONBLOCK, "SPLICE_F_NONBLOCK"},
                {SPLICE_F_MORE, "SPLICE_F_MORE"}, {SPLICE_F_GIFT, "SPLICE_F_GIFT"})

SCT_XLAT_DEFINE(file_mode_types, Enum, "",
                {S_IFREG, "S_IFREG"}, {S_IFSOCK, "S_IFSOCK"}, {S_IFIFO, "S_IFIFO"}, {S_IFLNK, "S_IFLNK"},
                {S_IFDIR, "S_IFDIR"}, {S_IFBLK, "S_IFBLK"}, {S_IFCHR, "S_IFCHR"})

// strace 6.1 spells the unknown-flags comment of renameat2 with two '?'.
SCT_XLAT_DEFINE(rename_flags, Flags, "RENAME_??",
                {RENAME_NOREPLACE, "RENAME_NOREPLACE"}, {RENAME_EXCHANGE, "RENAME_EXCHANGE"},
                {RENAME_WHITEOUT, "RENAME_WHITEOUT"})

SCT_XLAT_DEFINE(falloc_flags, Flags, "FALLOC_FL_???",
                {FALLOC_FL_KEEP_SIZE, "FALLOC_FL_KEEP_SIZE"}, {FALLOC_FL_PUNCH_HOLE, "FALLOC_FL_PUNCH_HOLE"},
                {FALLOC_FL_NO_HIDE_STALE, "FALLOC_FL_NO_HIDE_STALE"},
                {FALLOC_FL_COLLAPSE_RANGE, "FALLOC_FL_COLLAPSE_RANGE"},
                {FALLOC_FL_ZERO_RANGE, "FALLOC_FL_ZERO_RANGE"}, {FALLOC_FL_INSERT_RANGE, "FALLOC_FL_INSERT_RANGE"},
                {FALLOC_FL_UNSHARE_RANGE, "FALLOC_FL_UNSHARE_RANGE"})

SCT_XLAT_DEFINE(sync_file_range_flags, Flags, "SYNC_FILE_RANGE_???",
                {SYNC_FILE_RANGE_WAIT_BEFORE, "SYNC_FILE_RANGE_WAIT_BEFORE"},
                {SYNC_FILE_RANGE_WRITE, "SYNC_FILE_RANGE_WRITE"},
                {SYNC_FILE_RANGE_WAIT_AFTER, "SYNC_FILE_RANGE_WAIT_AFTER"})

// LOCK_RW before LOCK_READ/LOCK_WRITE: strace prints 0xe0 as LOCK_MAND|LOCK_RW.
SCT_XLAT_DEFINE(flock_ops, Flags, "LOCK_???",
                {LOCK_SH, "LOCK_SH"}, {LOCK_EX, "LOCK_EX"}, {LOCK_NB, "LOCK_NB"}, {LOCK_UN, "LOCK_UN"},
                {LOCK_MAND, "LOCK_MAND"}, {LOCK_RW, "LOCK_RW"}, {LOCK_READ, "LOCK_READ"},
                {LOCK_WRITE, "LOCK_WRITE"})

SCT_XLAT_DEFINE(eventfd_flags, Flags, "EFD_???",
                {EFD_SEMAPHORE, "EFD_SEMAPHORE"}, {EFD_CLOEXEC, "EFD_CLOEXEC"}, {EFD_NONBLOCK, "EFD_NONBLOCK"})

SCT_XLAT_DEFINE(memfd_flags, Flags, "MFD_???",
                {MFD_CLOEXEC, "MFD_CLOEXEC"}, {MFD_ALLOW_SEALING, "MFD_ALLOW_SEALING"},
                {MFD_HUGETLB, "MFD_HUGETLB"})

SCT_XLAT_DEFINE(inotify_init_flags, Flags, "IN_???",
                {IN_NONBLOCK, "IN_NONBLOCK"}, {IN_CLOEXEC, "IN_CLOEXEC"})

SCT_XLAT_DEFINE(inotify_masks, Flags, "IN_???",
                {IN_ACCESS, "IN_ACCESS"}, {IN_MODIFY, "IN_MODIFY"}, {IN_ATTRIB, "IN_ATTRIB"},
                {IN_CLOSE_WRITE, "IN_CLOSE_WRITE"}, {IN_CLOSE_NOWRITE, "IN_CLOSE_NOWRITE"}, {IN_OPEN, "IN_OPEN"},
                {IN_MOVED_FROM, "IN_MOVED_FROM"}, {IN_MOVED_TO, "IN_MOVED_TO"}, {IN_CREATE, "IN_CREATE"},
                {IN_DELETE, "IN_DELETE"}, {IN_DELETE_SELF, "IN_DELETE_SELF"}, {IN_MOVE_SELF, "IN_MOVE_SELF"},
                {IN_UNMOUNT, "IN_UNMOUNT"}, {IN_Q_OVERFLOW, "IN_Q_OVERFLOW"}, {IN_IGNORED, "IN_IGNORED"},
                {IN_ONLYDIR, "IN_ONLYDIR"}, {IN_DONT_FOLLOW, "IN_DONT_FOLLOW"},
                {IN_EXCL_UNLINK, "IN_EXCL_UNLINK"}, {IN_MASK_CREATE, "IN_MASK_CREATE"},
                {IN_MASK_ADD, "IN_MASK_ADD"}, {IN_ISDIR, "IN_ISDIR"}, {IN_ONESHOT, "IN_ONESHOT"})

SCT_XLAT_DEFINE(timerfd_create_flags, Flags, "TFD_???",
                {TFD_CLOEXEC, "TFD_CLOEXEC"}, {TFD_NONBLOCK, "TFD_NONBLOCK"})

SCT_XLAT_DEFINE(timerfd_settime_flags, Flags, "TFD_TIMER_???",
                {TFD_TIMER_ABSTIME, "TFD_TIMER_ABSTIME"}, {TFD_TIMER_CANCEL_ON_SET, "TFD_TIMER_CANCEL_ON_SET"})

SCT_XLAT_DEFINE(fs_clock_ids, Enum, "CLOCK_???",
                {CLOCK_REALTIME, "CLOCK_REALTIME"}, {CLOCK_MONOTONIC, "CLOCK_MONOTONIC"},
                {CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID"},
                {CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID"}, {CLOCK_MONOTONIC_RAW, "CLOCK_MONOTONIC_RAW"},
                {CLOCK_REALTIME_COARSE, "CLOCK_REALTIME_COARSE"},
                {CLOCK_MONOTONIC_COARSE, "CLOCK_MONOTONIC_COARSE"}, {CLOCK_BOOTTIME, "CLOCK_BOOTTIME"},
                {CLOCK_REALTIME_ALARM, "CLOCK_REALTIME_ALARM"}, {CLOCK_BOOTTIME_ALARM, "CLOCK_BOOTTIME_ALARM"},
                {10, "CLOCK_SGI_CYCLE"}, {CLOCK_TAI, "CLOCK_TAI"})

SCT_XLAT_DEFINE(signalfd_flags, Flags, "SFD_???",
                {SFD_CLOEXEC, "SFD_CLOEXEC"}, {SFD_NONBLOCK, "SFD_NONBLOCK"})

SCT_XLAT_DEFINE(poll_events, Flags, "POLL???",
                {POLLIN, "POLLIN"}, {POLLPRI, "POLLPRI"}, {POLLOUT, "POLLOUT"}, {POLLERR, "POLLERR"},
                {POLLHUP, "POLLHUP"}, {POLLNVAL, "POLLNVAL"}, {POLLRDNORM, "POLLRDNORM"},
                {POLLRDBAND, "POLLRDBAND"}, {POLLWRNORM, "POLLWRNORM"}, {POLLWRBAND, "POLLWRBAND"},
                {POLLMSG, "POLLMSG"}, {POLLREMOVE, "POLLREMOVE"}, {POLLRDHUP, "POLLRDHUP"})

SCT_XLAT_DEFINE(epoll_events, Flags, "EPOLL???",
                {EPOLLIN, "EPOLLIN"}, {EPOLLPRI, "EPOLLPRI"}, {EPOLLOUT, "EPOLLOUT"}, {EPOLLERR, "EPOLLERR"},
                {EPOLLHUP, "EPOLLHUP"}, {0x20, "EPOLLNVAL"}, {EPOLLRDNORM, "EPOLLRDNORM"},
                {EPOLLRDBAND, "EPOLLRDBAND"}, {EPOLLWRNORM, "EPOLLWRNORM"}, {EPOLLWRBAND, "EPOLLWRBAND"},
                {EPOLLMSG, "EPOLLMSG"}, {EPOLLRDHUP, "EPOLLRDHUP"}, {EPOLLEXCLUSIVE, "EPOLLEXCLUSIVE"},
                {EPOLLWAKEUP, "EPOLLWAKEUP"}, {EPOLLONESHOT, "EPOLLONESHOT"}, {EPOLLET, "EPOLLET"})

SCT_XLAT_DEFINE(epoll_ctl_ops, Enum, "EPOLL_CTL_???",
                {EPOLL_CTL_ADD, "EPOLL_CTL_ADD"}, {EPOLL_CTL_DEL, "EPOLL_CTL_DEL"}, {EPOLL_CTL_MOD, "EPOLL_CTL_MOD"})

SCT_XLAT_DEFINE(epoll_create_flags, Flags, "EPOLL_???", {EPOLL_CLOEXEC, "EPOLL_CLOEXEC"})

SCT_XLAT_DEFINE(fcntl_cmds, Enum, "F_???",
                {F_DUPFD, "F_DUPFD"}, {F_GETFD, "F_GETFD"}, {F_SETFD, "F_SETFD"}, {F_GETFL, "F_GETFL"},
                {F_SETFL, "F_SETFL"}, {F_GETLK, "F_GETLK"}, {F_SETLK, "F_SETLK"}, {F_SETLKW, "F_SETLKW"},
                {F_SETOWN, "F_SETOWN"}, {F_GETOWN, "F_GETOWN"}, {F_SETSIG, "F_SETSIG"}, {F_GETSIG, "F_GETSIG"},
                {12, "F_GETLK64"}, {13, "F_SETLK64"}, {14, "F_SETLKW64"}, {F_SETOWN_EX, "F_SETOWN_EX"},
                {F_GETOWN_EX, "F_GETOWN_EX"}, {17, "F_GETOWNER_UIDS"}, {F_OFD_GETLK, "F_OFD_GETLK"},
                {F_OFD_SETLK, "F_OFD_SETLK"}, {F_OFD_SETLKW, "F_OFD_SETLKW"}, {F_SETLEASE, "F_SETLEASE"},
                {F_GETLEASE, "F_GETLEASE"}, {F_NOTIFY, "F_NOTIFY"}, {F_DUPFD_CLOEXEC, "F_DUPFD_CLOEXEC"},
                {F_SETPIPE_SZ, "F_SETPIPE_SZ"}, {F_GETPIPE_SZ, "F_GETPIPE_SZ"}, {F_ADD_SEALS, "F_ADD_SEALS"},
                {F_GET_SEALS, "F_GET_SEALS"})

SCT_XLAT_DEFINE(fd_flags, Flags, "FD_???", {FD_CLOEXEC, "FD_CLOEXEC"})

SCT_XLAT_DEFINE(lock_types, Enum, "F_???",
                {F_RDLCK, "F_RDLCK"}, {F_WRLCK, "F_WRLCK"}, {F_UNLCK, "F_UNLCK"}, {F_EXLCK, "F_EXLCK"},
                {F_SHLCK, "F_SHLCK"})

SCT_XLAT_DEFINE(dnotify_flags, Flags, "DN_???",
                {DN_ACCESS, "DN_ACCESS"}, {DN_MODIFY, "DN_MODIFY"}, {DN_CREATE, "DN_CREATE"},
                {DN_DELETE, "DN_DELETE"}, {DN_RENAME, "DN_RENAME"}, {DN_ATTRIB, "DN_ATTRIB"},
                {static_cast<uint32_t>(DN_MULTISHOT), "DN_MULTISHOT"})

SCT_XLAT_DEFINE(file_seals, Flags, "F_SEAL_???",
                {F_SEAL_SEAL, "F_SEAL_SEAL"}, {F_SEAL_SHRINK, "F_SEAL_SHRINK"}, {F_SEAL_GROW, "F_SEAL_GROW"},
                {F_SEAL_WRITE, "F_SEAL_WRITE"}, {F_SEAL_FUTURE_WRITE, "F_SEAL_FUTURE_WRITE"})

SCT_XLAT_DEFINE(f_owner_types, Enum, "F_OWNER_???",
                {F_OWNER_TID, "F_OWNER_TID"}, {F_OWNER_PID, "F_OWNER_PID"}, {F_OWNER_PGRP, "F_OWNER_PGRP"})

// STATX_ALL and STATX_BASIC_STATS come first: strace prints the aggregate
// name when all its bits are set.
SCT_XLAT_DEFINE(statx_masks, Flags, "STATX_???",
                {0xfff, "STATX_ALL"}, {STATX_BASIC_STATS, "STATX_BASIC_STATS"}, {STATX_TYPE, "STATX_TYPE"},
                {STATX_MODE, "STATX_MODE"}, {STATX_NLINK, "STATX_NLINK"}, {STATX_UID, "STATX_UID"},
                {STATX_GID, "STATX_GID"}, {STATX_ATIME, "STATX_ATIME"}, {STATX_MTIME, "STATX_MTIME"},
                {STATX_CTIME, "STATX_CTIME"}, {STATX_INO, "STATX_INO"}, {STATX_SIZE, "STATX_SIZE"},
                {STATX_BLOCKS, "STATX_BLOCKS"}, {STATX_BTIME, "STATX_BTIME"}, {STATX_MNT_ID, "STATX_MNT_ID"},
                {STATX_DIOALIGN, "STATX_DIOALIGN"})

SCT_XLAT_DEFINE(statx_attrs, Flags, "STATX_ATTR_???",
                {STATX_ATTR_COMPRESSED, "STATX_ATTR_COMPRESSED"}, {STATX_ATTR_IMMUTABLE, "STATX_ATTR_IMMUTABLE"},
                {STATX_ATTR_APPEND, "STATX_ATTR_APPEND"}, {STATX_ATTR_NODUMP, "STATX_ATTR_NODUMP"},
                {STATX_ATTR_ENCRYPTED, "STATX_ATTR_ENCRYPTED"}, {STATX_ATTR_AUTOMOUNT, "STATX_ATTR_AUTOMOUNT"},
                {STATX_ATTR_MOUNT_ROOT, "STATX_ATTR_MOUNT_ROOT"}, {STATX_ATTR_VERITY, "STATX_ATTR_VERITY"},
                {STATX_ATTR_DAX, "STATX_ATTR_DAX"})

SCT_XLAT_DEFINE(statfs_flags, Flags, "ST_???",
                {ST_RDONLY, "ST_RDONLY"}, {ST_NOSUID, "ST_NOSUID"}, {ST_NODEV, "ST_NODEV"},
                {ST_NOEXEC, "ST_NOEXEC"}, {ST_SYNCHRONOUS, "ST_SYNCHRONOUS"}, {0x20, "ST_VALID"},
                {ST_MANDLOCK, "ST_MANDLOCK"}, {ST_WRITE, "ST_WRITE"}, {ST_APPEND, "ST_APPEND"},
                {ST_IMMUTABLE, "ST_IMMUTABLE"}, {ST_NOATIME, "ST_NOATIME"}, {ST_NODIRATIME, "ST_NODIRATIME"},
                {ST_RELATIME, "ST_RELATIME"}, {0x2000, "ST_NOSYMFOLLOW"})

// f_type of statfs: strace's fsmagic table (unknown values print in hex).
SCT_XLAT_DEFINE(fs_magics, Enum, "",
                {0x0000002f, "QNX4_SUPER_MAGIC"}, {0x00000033, "Z3FOLD_MAGIC"},
                {0x00000187, "AUTOFS_SUPER_MAGIC"}, {0x00001373, "DEVFS_SUPER_MAGIC"},
                {0x0000137d, "EXT_SUPER_MAGIC"}, {0x0000137f, "MINIX_SUPER_MAGIC"},
                {0x0000138f, "MINIX_SUPER_MAGIC2"}, {0x00001cd1, "DEVPTS_SUPER_MAGIC"},
                {0x00002468, "MINIX2_SUPER_MAGIC"}, {0x00002478, "MINIX2_SUPER_MAGIC2"},
                {0x00003434, "NILFS_SUPER_MAGIC"}, {0x00004244, "HFS_SUPER_MAGIC"},
                {0x0000482b, "HFSPLUS_SUPER_MAGIC"}, {0x00004d44, "MSDOS_SUPER_MAGIC"},
                {0x00004d5a, "MINIX3_SUPER_MAGIC"}, {0x0000517b, "SMB_SUPER_MAGIC"},
                {0x0000564c, "NCP_SUPER_MAGIC"}, {0x00005df5, "EXOFS_SUPER_MAGIC"},
                {0x00006969, "NFS_SUPER_MAGIC"}, {0x00007275, "ROMFS_MAGIC"}, {0x000072b6, "JFFS2_SUPER_MAGIC"},
                {0x00009660, "ISOFS_SUPER_MAGIC"}, {PROC_SUPER_MAGIC, "PROC_SUPER_MAGIC"},
                {0x00009fa1, "OPENPROM_SUPER_MAGIC"}, {0x00009fa2, "USBDEVICE_SUPER_MAGIC"},
                {0x0000adf5, "ADFS_SUPER_MAGIC"}, {0x0000adff, "AFFS_SUPER_MAGIC"},
                {0x0000ef51, "EXT2_OLD_SUPER_MAGIC"}, {EXT2_SUPER_MAGIC, "EXT2_SUPER_MAGIC"},
                {0x0000f15f, "ECRYPTFS_SUPER_MAGIC"}, {0x00011954, "UFS_MAGIC"},
                {CGROUP_SUPER_MAGIC, "CGROUP_SUPER_MAGIC"}, {0x00414a53, "EFS_SUPER_MAGIC"},
                {0x00c0ffee, "HOSTFS_SUPER_MAGIC"}, {0x00c36400, "CEPH_SUPER_MAGIC"},
                {TMPFS_MAGIC, "TMPFS_MAGIC"}, {0x01021997, "V9FS_MAGIC"}, {0x01161970, "GFS2_MAGIC"},
                {0x012fd16d, "XIAFS_SUPER_MAGIC"}, {0x012ff7b4, "XENIX_SUPER_MAGIC"},
                {0x012ff7b5, "SYSV4_SUPER_MAGIC"}, {0x012ff7b6, "SYSV2_SUPER_MAGIC"},
                {0x012ff7b7, "COH_SUPER_MAGIC"}, {0x02011994, "SHMFS_SUPER_MAGIC"},
                {0x09041934, "ANON_INODE_FS_MAGIC"}, {0x0bad1dea, "FUTEXFS_SUPER_MAGIC"},
                {0x0bd00bd0, "LL_SUPER_MAGIC"}, {0x0bd00bd1, "LUSTRE_SUPER_MAGIC"},
                {0x11307854, "MTD_INODE_FS_MAGIC"}, {0x13661366, "BALLOON_KVM_MAGIC"},
                {0x15013346, "UDF_SUPER_MAGIC"}, {0x1badface, "BFS_MAGIC"}, {0x2011bab0, "EXFAT_SUPER_MAGIC"},
                {0x24051905, "UBIFS_SUPER_MAGIC"}, {0x28cd3d45, "CRAMFS_MAGIC"},
                {0x2fc12fc1, "ZFS_SUPER_MAGIC"}, {0x3153464a, "JFS_SUPER_MAGIC"},
                {0x42465331, "BEFS_SUPER_MAGIC"}, {0x42494e4d, "BINFMTFS_MAGIC"}, {0x43415d53, "SMACK_MAGIC"},
                {0x444d4142, "DMA_BUF_MAGIC"}, {0x453dcd28, "CRAMFS_MAGIC_WEND"}, {0x454d444d, "DEVMEM_MAGIC"},
                {0x47504653, "GPFS_SUPER_MAGIC"}, {0x50495045, "PIPEFS_MAGIC"},
                {0x52654973, "REISERFS_SUPER_MAGIC"}, {0x5345434d, "SECRETMEM_MAGIC"},
                {0x5346414f, "AFS_SUPER_MAGIC"}, {0x5346544e, "NTFS_SB_MAGIC"}, {0x534f434b, "SOCKFS_MAGIC"},
                {0x54190100, "UFS_CIGAM"}, {0x565a4653, "VZFS_SUPER_MAGIC"}, {0x57ac6e9d, "STACK_END_MAGIC"},
                {0x58295829, "ZSMALLOC_MAGIC"}, {0x58465342, "XFS_SUPER_MAGIC"}, {0x5a3c69f0, "AAFS_MAGIC"},
                {0x5a4f4653, "ZONEFS_MAGIC"}, {0x6165676c, "PSTOREFS_MAGIC"}, {0x61756673, "AUFS_SUPER_MAGIC"},
                {0x62646576, "BDEVFS_MAGIC"}, {0x62656570, "CONFIGFS_MAGIC"}, {SYSFS_MAGIC, "SYSFS_MAGIC"},
                {CGROUP2_SUPER_MAGIC, "CGROUP2_SUPER_MAGIC"}, {0x64626720, "DEBUGFS_MAGIC"},
                {0x64646178, "DAXFS_MAGIC"}, {0x65735543, "FUSE_CTL_SUPER_MAGIC"},
                {0x65735546, "FUSE_SUPER_MAGIC"}, {0x68191122, "QNX6_SUPER_MAGIC"}, {0x6b414653, "AFS_FS_MAGIC"},
                {0x6c6f6f70, "BINDERFS_SUPER_MAGIC"}, {0x6e736673, "NSFS_MAGIC"},
                {0x73636673, "SECURITYFS_MAGIC"}, {0x73717368, "SQUASHFS_MAGIC"},
                {0x73727279, "BTRFS_TEST_MAGIC"}, {0x73757245, "CODA_SUPER_MAGIC"},
                {0x7461636f, "OCFS2_SUPER_MAGIC"}, {0x74726163, "TRACEFS_MAGIC"},
                {0x794c7630, "OVERLAYFS_SUPER_MAGIC"}, {0x858458f6, "RAMFS_MAGIC"},
                {0x9123683e, "BTRFS_SUPER_MAGIC"}, {0x958458f6, "HUGETLBFS_MAGIC"},
                {0xa501fcf5, "VXFS_SUPER_MAGIC"}, {0xabba1974, "XENFS_SUPER_MAGIC"},
                {0xc7571590, "PPC_CMM_MAGIC"}, {0xc97e8168, "LOGFS_MAGIC"}, {0xcafe4a11, "BPF_FS_MAGIC"},
                {0xde5e81e4, "EFIVARFS_MAGIC"}, {0xe0f5e1e2, "EROFS_SUPER_MAGIC_V1"},
                {0xf2f52010, "F2FS_SUPER_MAGIC"}, {0xf97cff8c, "SELINUX_MAGIC"},
                {0xf995e849, "HPFS_SUPER_MAGIC"}, {0xfe534d42, "SMB2_SUPER_MAGIC"},
                {0xff534d42, "CIFS_SUPER_MAGIC"})

SCT_XLAT_DEFINE(dirent_types, Enum, "DT_???",
                {DT_UNKNOWN, "DT_UNKNOWN"}, {DT_FIFO, "DT_FIFO"}, {DT_CHR, "DT_CHR"}, {DT_DIR, "DT_DIR"},
                {DT_BLK, "DT_BLK"}, {DT_REG, "DT_REG"}, {DT_LNK, "DT_LNK"}, {DT_SOCK, "DT_SOCK"},
                {DT_WHT, "DT_WHT"})

SCT_XLAT_DEFINE(fadvise_advice, Enum, "POSIX_FADV_???",
                {POSIX_FADV_NORMAL, "POSIX_FADV_NORMAL"}, {POSIX_FADV_RANDOM, "POSIX_FADV_RANDOM"},
                {POSIX_FADV_SEQUENTIAL, "POSIX_FADV_SEQUENTIAL"}, {POSIX_FADV_WILLNEED, "POSIX_FADV_WILLNEED"},
                {POSIX_FADV_DONTNEED, "POSIX_FADV_DONTNEED"}, {POSIX_FADV_NOREUSE, "POSIX_FADV_NOREUSE"})
