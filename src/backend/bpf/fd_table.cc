#include "backend/bpf/fd_table.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "decode/socket_info.h"

namespace sct {

namespace {

constexpr int kCloseRangeCloexec = 4;  // CLOSE_RANGE_CLOEXEC
constexpr int kMfdCloexec = 1;         // MFD_CLOEXEC

std::optional<std::string> read_link(const char* link) {
  char buf[PATH_MAX];
  ssize_t n = readlink(link, buf, sizeof buf - 1);
  if (n < 0) return std::nullopt;
  return std::string(buf, static_cast<size_t>(n));
}

// FD_CLOEXEC of a live descriptor, from the "flags:" line of its fdinfo.
bool proc_cloexec(pid_t pid, int fd) {
  char name[64];
  snprintf(name, sizeof name, "/proc/%d/fdinfo/%d", pid, fd);
  FILE* f = fopen(name, "re");
  if (!f) return false;
  char line[256];
  bool cloexec = false;
  while (fgets(line, sizeof line, f)) {
    unsigned long flags;
    if (sscanf(line, "flags: %lo", &flags) == 1) {
      cloexec = flags & O_CLOEXEC;
      break;
    }
  }
  fclose(f);
  return cloexec;
}

// "." and ".." and repeated slashes folded, as the kernel names a file.
std::string lexical(const std::string& path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::move(part));
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

}  // namespace

std::string fd_table_resolve_path(const std::string& base, const std::string& path) {
  std::string joined = !path.empty() && path[0] == '/' ? path : base + "/" + path;
  char buf[PATH_MAX];
  if (realpath(joined.c_str(), buf)) return buf;
  // The file is gone (or was never there: O_CREAT then unlink): its
  // directory may still resolve.
  std::string folded = lexical(joined);
  size_t slash = folded.rfind('/');
  if (slash != std::string::npos && slash > 0 && realpath(folded.substr(0, slash).c_str(), buf))
    return std::string(buf) + (std::string(buf) == "/" ? "" : "/") + folded.substr(slash + 1);
  return folded;
}

bool FdTables::changes_fds(long nr) {
  switch (nr) {
    case SYS_open: case SYS_openat: case SYS_creat: case SYS_openat2: case SYS_open_by_handle_at:
    case SYS_socket: case SYS_socketpair: case SYS_accept: case SYS_accept4: case SYS_recvmsg:
    case SYS_dup: case SYS_dup2: case SYS_dup3: case SYS_fcntl: case SYS_ioctl:
    case SYS_pipe: case SYS_pipe2: case SYS_close: case SYS_close_range:
    case SYS_execve: case SYS_execveat: case SYS_clone: case SYS_clone3:
    case SYS_chdir: case SYS_fchdir: case SYS_bind: case SYS_connect: case SYS_sendto: case SYS_sendmsg:
    case SYS_memfd_create: case SYS_eventfd: case SYS_eventfd2: case SYS_epoll_create:
    case SYS_epoll_create1: case SYS_signalfd: case SYS_signalfd4: case SYS_timerfd_create:
    case SYS_inotify_init: case SYS_inotify_init1: case SYS_pidfd_open: case SYS_pidfd_getfd:
    case SYS_fanotify_init: case SYS_userfaultfd: case SYS_perf_event_open: case SYS_bpf:
    case SYS_io_uring_setup: case SYS_memfd_secret: case SYS_fsopen: case SYS_fsmount:
    case SYS_open_tree: case SYS_fspick:
      return true;
    default:
      return false;
  }
}

void FdTables::snapshot(pid_t tgid) {
  auto p = std::make_shared<Process>();
  p->tgid = tgid;
  char dir[64];
  snprintf(dir, sizeof dir, "/proc/%d/cwd", tgid);
  p->cwd = read_link(dir).value_or("/");
  snprintf(dir, sizeof dir, "/proc/%d/fd", tgid);
  if (DIR* d = opendir(dir)) {
    while (struct dirent* e = readdir(d)) {
      if (e->d_name[0] == '.') continue;
      int fd = atoi(e->d_name);
      FdEntry entry = from_proc(tgid, fd, nullptr);
      if (!entry.path.empty()) p->fds[fd] = std::move(entry);
    }
    closedir(d);
    p->complete = true;
  }
  by_tgid_[tgid] = p;
  tgid_of_[tgid] = tgid;
}

void FdTables::set_for_test(pid_t tgid, int fd, FdEntry e, std::string cwd) {
  auto& p = by_tgid_[tgid];
  if (!p) {
    p = std::make_shared<Process>();
    p->tgid = tgid;
    p->complete = true;
  }
  p->cwd = std::move(cwd);
  if (fd >= 0) p->fds[fd] = std::move(e);
  tgid_of_[tgid] = tgid;
}

void FdTables::task_seen(pid_t tid, pid_t tgid) {
  auto known = tgid_of_.find(tid);
  if (known != tgid_of_.end() && known->second == tgid) return;
  tgid_of_[tid] = tgid;
  auto fork = forks_.find(tid);
  if (!by_tgid_.count(tgid)) {
    if (fork != forks_.end() && tid == tgid) {
      // A new process: its table is the parent's as it was at the fork.
      fork->second.copy->tgid = tgid;
      by_tgid_[tgid] = fork->second.copy;
    } else {
      auto p = std::make_shared<Process>();
      p->tgid = tgid;
      char link[64];
      snprintf(link, sizeof link, "/proc/%d/cwd", tgid);
      p->cwd = read_link(link).value_or("/");
      by_tgid_[tgid] = p;
    }
  }
  if (fork != forks_.end()) forks_.erase(fork);  // a thread: it shares its process's table
}

void FdTables::forked(pid_t parent_tid, pid_t child_tid) {
  ProcessPtr parent = process_of(parent_tid);
  forks_[child_tid] = ForkCopy{std::make_shared<Process>(*parent), parent->tgid};
}

void FdTables::process_exited(pid_t tgid) {
  by_tgid_.erase(tgid);
  for (auto it = tgid_of_.begin(); it != tgid_of_.end();)
    it = it->second == tgid ? tgid_of_.erase(it) : std::next(it);
}

FdTables::ProcessPtr FdTables::process_for_tgid(pid_t tgid) {
  auto& p = by_tgid_[tgid];
  if (!p) {
    p = std::make_shared<Process>();
    p->tgid = tgid;
  }
  return p;
}

FdTables::ProcessPtr FdTables::process_of(pid_t tid) {
  auto it = tgid_of_.find(tid);
  return process_for_tgid(it != tgid_of_.end() ? it->second : tid);
}

// What /proc says of a descriptor now; want_prefix: what kind the caller
// knows it is ("pipe:[", "socket:["), anything else being a later reuse of
// the number (then the entry is left empty: unknown).
FdEntry FdTables::from_proc(pid_t tid, int fd, const char* want_prefix) {
  FdEntry e;
  if (!names_) return e;
  char link[64];
  snprintf(link, sizeof link, "/proc/%d/fd/%d", tid, fd);
  auto path = read_link(link);
  if (!path || (want_prefix && path->rfind(want_prefix, 0) != 0)) return e;
  e.path = std::move(*path);
  e.cloexec = proc_cloexec(tid, fd);
  struct stat st;
  if (stat(link, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
    e.detail = net::format_path_detail(e.path, S_ISCHR(st.st_mode), S_ISBLK(st.st_mode), major(st.st_rdev),
                                       minor(st.st_rdev));
  return e;
}

void FdTables::opened(Process& p, pid_t tid, int fd, FdEntry e) {
  (void)tid;
  if (fd < 0) return;
  if (e.path.empty() && e.family < 0) {
    // Unknown: neither open as something known nor closed; /proc decides.
    p.fds.erase(fd);
    p.closed.erase(fd);
    return;
  }
  p.closed.erase(fd);
  p.fds[fd] = std::move(e);
}

void FdTables::closed(Process& p, int fd) {
  p.fds.erase(fd);
  if (!p.complete) p.closed[fd] = true;
}

std::string FdTables::resolve(Process& p, int dirfd, const std::string& path) {
  std::string base = p.cwd.empty() ? "/" : p.cwd;
  if (dirfd != AT_FDCWD && (path.empty() || path[0] != '/')) {
    auto it = p.fds.find(dirfd);
    if (it != p.fds.end()) base = it->second.path;
  }
  return fd_table_resolve_path(base, path);
}

namespace {

// -yy for a file: devices get their numbers.
std::string file_detail(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
    return net::format_path_detail(path, S_ISCHR(st.st_mode), S_ISBLK(st.st_mode), major(st.st_rdev),
                                   minor(st.st_rdev));
  return std::string();
}

}  // namespace

void FdTables::apply(pid_t tid, long nr, const uint64_t* args, int64_t ret, TraceeMemory& mem) {
  const bool ok = ret >= 0;
  if (!ok && nr != SYS_close) return;
  const int fd_ret = static_cast<int>(ret);
  auto named = [](const char* path, bool cloexec) {
    FdEntry e;
    e.path = path;
    e.cloexec = cloexec;
    return e;
  };
  auto opened_file = [&](int dirfd, uint64_t path_addr, uint64_t flags) {
    Process& p = *process_of(tid);
    bool term = false;
    auto s = mem.read_cstring(path_addr, PATH_MAX, &term);
    FdEntry e;
    if (!names_) {
      // Unknown (asked of /proc if ever needed).
    } else if ((flags & O_TMPFILE) == O_TMPFILE || !s || !term) {
      e = from_proc(tid, fd_ret, nullptr);  // an unnamed file ("/dir/#123 (deleted)"), or no path copied
    } else {
      e.path = resolve(p, dirfd, *s);
      e.detail = file_detail(e.path);
      e.cloexec = flags & O_CLOEXEC;
    }
    opened(p, tid, fd_ret, std::move(e));
  };
  auto duplicated = [&](int from, int to, bool cloexec) {
    Process& p = *process_of(tid);
    if (from == to) return;
    FdEntry scratch;
    const FdEntry* src = lookup(tid, from, &scratch);
    FdEntry e = src ? *src : FdEntry{};
    e.cloexec = cloexec;
    opened(p, tid, to, std::move(e));
  };
  auto pair_of = [&](uint64_t addr, const char* prefix, bool cloexec) {
    int fds[2];
    if (!mem.read_object(addr, &fds)) return;
    Process& p = *process_of(tid);
    for (int fd : fds) {
      const sct_fdinfo* fi = identity(tid, fd);
      FdEntry e = fi ? FdEntry{} : from_proc(tid, fd, prefix);
      if (fi) {
        // socketpair's: what the kernel read at the call (closed by now, perhaps).
        e.path = fd_identity_path(*fi);
        e.family = fi->family;
        e.protocol = fi->protocol;
      }
      if (!e.path.empty()) e.cloexec = cloexec;
      opened(p, tid, fd, std::move(e));
    }
  };
  auto socket_made = [&](int fd, bool cloexec, int family = -1, int protocol = -1) {
    if (const sct_fdinfo* fi = identity(tid, fd); fi && fi->kind == SCT_FDID_SOCKET) {
      // As the kernel read it at the call: no /proc (nor sock_diag, whose
      // answer strace's cache would keep) of a later state.
      FdEntry e;
      e.path = fd_identity_path(*fi);
      e.cloexec = cloexec;
      e.family = family >= 0 ? family : fi->family;
      e.protocol = protocol >= 0 ? protocol : fi->protocol;
      opened(*process_of(tid), tid, fd, std::move(e));
      return;
    }
    FdEntry e = from_proc(tid, fd, "socket:[");
    // Its name needs /proc (the inode); its kind is known even when closed by now.
    e.cloexec = cloexec;
    e.family = family;
    e.protocol = protocol;
    if (!e.path.empty())
      if (auto d = net::socket_detail(tid, fd)) e.detail = *d;
    opened(*process_of(tid), tid, fd, std::move(e));
  };

  switch (nr) {
    case SYS_open: opened_file(AT_FDCWD, args[0], args[1]); break;
    case SYS_creat: opened_file(AT_FDCWD, args[0], O_CREAT | O_WRONLY | O_TRUNC); break;
    case SYS_openat: opened_file(static_cast<int>(args[0]), args[1], args[2]); break;
    case SYS_openat2: {
      uint64_t flags = 0;
      if (!mem.read_object(args[2], &flags)) flags = O_TMPFILE;  // unreadable: ask /proc
      opened_file(static_cast<int>(args[0]), args[1], flags);
      break;
    }
    case SYS_socket:
      socket_made(fd_ret, args[1] & SOCK_CLOEXEC, static_cast<int>(args[0]), static_cast<int>(args[2]));
      break;
    case SYS_bind:
    case SYS_connect:
    case SYS_sendto:
    case SYS_sendmsg: {
      // Bound, or bound by the kernel on first use (netlink's autobind).
      Process& p = *process_of(tid);
      auto it = p.fds.find(static_cast<int>(args[0]));
      if (it != p.fds.end()) it->second.bound = true;
      if (nr == SYS_sendmsg) rights_sent(tid, static_cast<int>(args[0]), args[1], mem);
      break;
    }
    case SYS_recvmsg:
      rights_received(tid, static_cast<int>(args[0]), args[1], args[2] & MSG_CMSG_CLOEXEC, mem);
      break;
    case SYS_accept: socket_made(fd_ret, false); break;
    case SYS_accept4: socket_made(fd_ret, args[3] & SOCK_CLOEXEC); break;
    case SYS_socketpair: pair_of(args[3], "socket:[", args[1] & SOCK_CLOEXEC); break;
    case SYS_pipe: pair_of(args[0], "pipe:[", false); break;
    case SYS_pipe2: pair_of(args[0], "pipe:[", args[1] & O_CLOEXEC); break;
    case SYS_dup: duplicated(static_cast<int>(args[0]), fd_ret, false); break;
    case SYS_dup2: duplicated(static_cast<int>(args[0]), fd_ret, false); break;
    case SYS_dup3: duplicated(static_cast<int>(args[0]), fd_ret, args[2] & O_CLOEXEC); break;
    case SYS_fcntl: {
      int cmd = static_cast<int>(args[1]);
      if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
        duplicated(static_cast<int>(args[0]), fd_ret, cmd == F_DUPFD_CLOEXEC);
      } else if (cmd == F_SETFD) {
        Process& p = *process_of(tid);
        auto it = p.fds.find(static_cast<int>(args[0]));
        if (it != p.fds.end()) it->second.cloexec = args[2] & FD_CLOEXEC;
      }
      break;
    }
    case SYS_ioctl: {
      unsigned long req = static_cast<unsigned long>(args[1]);
      if (req != FIOCLEX && req != FIONCLEX) break;
      Process& p = *process_of(tid);
      auto it = p.fds.find(static_cast<int>(args[0]));
      if (it != p.fds.end()) it->second.cloexec = req == FIOCLEX;
      break;
    }
    case SYS_close:
      // Closed even when it fails (EINTR, EIO), except for a bad descriptor.
      if (ret != -EBADF) closed(*process_of(tid), static_cast<int>(args[0]));
      break;
    case SYS_close_range: {
      Process& p = *process_of(tid);
      unsigned first = static_cast<unsigned>(args[0]), last = static_cast<unsigned>(args[1]);
      if (first > last) break;
      if (args[2] & kCloseRangeCloexec) {
        for (auto it = p.fds.lower_bound(static_cast<int>(first)); it != p.fds.end() && static_cast<unsigned>(it->first) <= last; ++it)
          it->second.cloexec = true;
        break;
      }
      for (auto it = p.fds.lower_bound(static_cast<int>(first)); it != p.fds.end() && static_cast<unsigned>(it->first) <= last;)
        it = p.fds.erase(it);
      if (!p.complete) {
        // Known closed up to what any process can have open.
        unsigned cap = std::min(last, 1u << 20);
        for (unsigned fd = first; fd <= cap && fd - first < 4096; ++fd) p.closed[static_cast<int>(fd)] = true;
      }
      break;
    }
    case SYS_execve:
    case SYS_execveat: {
      Process& p = *process_of(tid);
      for (auto it = p.fds.begin(); it != p.fds.end();) it = it->second.cloexec ? p.fds.erase(it) : std::next(it);
      break;
    }
    case SYS_clone:
    case SYS_clone3: {
      uint64_t flags = args[0];
      if (nr == SYS_clone3 && !mem.read_object(args[0], &flags)) break;
      if (ret > 0 && (flags & CLONE_FILES) && !(flags & CLONE_THREAD)) {
        // A process sharing its parent's table: one table for both.
        by_tgid_[static_cast<pid_t>(ret)] = process_of(tid);
        forks_.erase(static_cast<pid_t>(ret));
      }
      break;
    }
    case SYS_chdir: {
      bool term = false;
      auto s = mem.read_cstring(args[0], PATH_MAX, &term);
      Process& p = *process_of(tid);
      if (s && term) p.cwd = resolve(p, AT_FDCWD, *s);
      break;
    }
    case SYS_fchdir: {
      FdEntry scratch;
      if (const FdEntry* e = lookup(tid, static_cast<int>(args[0]), &scratch)) process_of(tid)->cwd = e->path;
      break;
    }
    case SYS_memfd_create: {
      bool term = false;
      auto s = mem.read_cstring(args[0], 256, &term);
      FdEntry e = s && term ? named(("/memfd:" + *s + " (deleted)").c_str(), args[1] & kMfdCloexec)
                            : from_proc(tid, fd_ret, nullptr);
      opened(*process_of(tid), tid, fd_ret, std::move(e));
      break;
    }
    case SYS_eventfd: opened(*process_of(tid), tid, fd_ret, named("anon_inode:[eventfd]", false)); break;
    case SYS_eventfd2:
      opened(*process_of(tid), tid, fd_ret, named("anon_inode:[eventfd]", args[1] & O_CLOEXEC));
      break;
    case SYS_epoll_create: opened(*process_of(tid), tid, fd_ret, named("anon_inode:[eventpoll]", false)); break;
    case SYS_epoll_create1:
      opened(*process_of(tid), tid, fd_ret, named("anon_inode:[eventpoll]", args[0] & O_CLOEXEC));
      break;
    case SYS_signalfd:
    case SYS_signalfd4:
      if (static_cast<int>(args[0]) == -1)
        opened(*process_of(tid), tid, fd_ret,
               named("anon_inode:[signalfd]", nr == SYS_signalfd4 && (args[3] & O_CLOEXEC)));
      break;
    case SYS_timerfd_create:
      opened(*process_of(tid), tid, fd_ret, named("anon_inode:[timerfd]", args[1] & O_CLOEXEC));
      break;
    case SYS_inotify_init: opened(*process_of(tid), tid, fd_ret, named("anon_inode:inotify", false)); break;
    case SYS_inotify_init1:
      opened(*process_of(tid), tid, fd_ret, named("anon_inode:inotify", args[0] & O_CLOEXEC));
      break;
    case SYS_pidfd_open: case SYS_open_by_handle_at: case SYS_pidfd_getfd: case SYS_fanotify_init:
    case SYS_userfaultfd: case SYS_perf_event_open: case SYS_bpf: case SYS_io_uring_setup:
    case SYS_memfd_secret: case SYS_fsopen: case SYS_fsmount: case SYS_open_tree: case SYS_fspick:
      if (const sct_fdinfo* fi = identity(tid, fd_ret)) {
        // A pidfd or a socket (pidfd_getfd's copy): as the kernel read it at the call.
        FdEntry e = named(fd_identity_path(*fi).c_str(), nr == SYS_pidfd_open);  // pidfd_open's are O_CLOEXEC
        if (nr == SYS_pidfd_getfd) e.cloexec = true;  // so are pidfd_getfd's
        e.pidfd_pid = fi->kind == SCT_FDID_PIDFD ? fi->pid : 0;
        if (fi->kind == SCT_FDID_SOCKET) e.family = fi->family, e.protocol = fi->protocol;
        opened(*process_of(tid), tid, fd_ret, std::move(e));
        break;
      }
      // Named by the kernel in ways not worth predicting: asked while it is
      // (most likely still) open. bpf() returns descriptors for some commands only.
      if (nr != SYS_bpf || ret > 0) opened(*process_of(tid), tid, fd_ret, from_proc(tid, fd_ret, nullptr));
      break;
    default: break;
  }
}

const FdEntry* FdTables::lookup(pid_t tid, int fd, FdEntry* scratch) {
  ProcessPtr p = process_of(tid);
  auto it = p->fds.find(fd);
  if (it != p->fds.end()) return &it->second;
  if (p->complete || p->closed.count(fd)) return nullptr;
  // Inherited from before the trace saw this process: /proc, once.
  *scratch = from_proc(p->tgid, fd, nullptr);
  if (scratch->path.empty()) return nullptr;
  return &(p->fds[fd] = *scratch);
}

namespace {

// The descriptors of the SCM_RIGHTS messages in the control buffer of the
// msghdr at addr, as captured (sendmsg: what is sent; recvmsg at exit: the
// new descriptors).
std::vector<int> scm_rights(TraceeMemory& mem, uint64_t addr) {
  std::vector<int> fds;
  struct msghdr mh;
  if (!mem.read_object(addr, &mh) || !mh.msg_control || mh.msg_controllen < sizeof(struct cmsghdr)) return fds;
  std::vector<std::byte> buf(std::min<size_t>(mh.msg_controllen, SCT_CONTROL_MAX));
  size_t len = mem.read_partial(reinterpret_cast<uint64_t>(mh.msg_control), buf);
  size_t off = 0;
  while (off + sizeof(struct cmsghdr) <= len) {
    struct cmsghdr c;
    memcpy(&c, buf.data() + off, sizeof c);
    if (c.cmsg_len < sizeof c) break;
    size_t end = std::min<size_t>(off + c.cmsg_len, len);
    if (c.cmsg_level == SOL_SOCKET && c.cmsg_type == SCM_RIGHTS)
      for (size_t at = off + CMSG_LEN(0); at + sizeof(int) <= end; at += sizeof(int)) {
        int fd;
        memcpy(&fd, buf.data() + at, sizeof fd);
        fds.push_back(fd);
      }
    off += CMSG_ALIGN(c.cmsg_len);
  }
  return fds;
}

}  // namespace

// sendmsg with SCM_RIGHTS: the descriptors' entries, queued for the socket
// at the other end (its inode, from the sending socket's identity at the call).
void FdTables::rights_sent(pid_t tid, int sock, uint64_t msghdr_addr, TraceeMemory& mem) {
  const sct_fdinfo* fi = identity(tid, sock);
  if (!fi || fi->kind != SCT_FDID_SOCKET || !fi->peer_ino) return;
  std::vector<int> fds = scm_rights(mem, msghdr_addr);
  if (fds.empty()) return;
  std::vector<FdEntry> sent;
  for (int fd : fds) {
    FdEntry scratch;
    const FdEntry* e = lookup(tid, fd, &scratch);
    sent.push_back(e ? *e : FdEntry{});
  }
  auto& queue = in_flight_[fi->peer_ino];
  queue.push_back(std::move(sent));
  if (queue.size() > 64) queue.pop_front();  // never received: bounded
}

// recvmsg: its new descriptors are the first queued message's for this socket.
void FdTables::rights_received(pid_t tid, int sock, uint64_t msghdr_addr, bool cloexec, TraceeMemory& mem) {
  std::vector<int> fds = scm_rights(mem, msghdr_addr);
  if (fds.empty()) return;
  const sct_fdinfo* fi = identity(tid, sock);
  std::vector<FdEntry> sent;
  if (fi && fi->kind == SCT_FDID_SOCKET) {
    auto it = in_flight_.find(fi->ino);
    if (it != in_flight_.end() && !it->second.empty()) {
      sent = std::move(it->second.front());
      it->second.pop_front();
      if (it->second.empty()) in_flight_.erase(it);
    }
  }
  Process& p = *process_of(tid);
  for (size_t i = 0; i < fds.size(); ++i) {
    FdEntry e = i < sent.size() ? sent[i] : FdEntry{};  // unknown: /proc decides
    e.cloexec = cloexec;
    opened(p, tid, fds[i], std::move(e));
  }
}

const sct_fdinfo* FdTables::identity(pid_t tid, int fd) const {
  if (!ids_ || tid != ids_tid_) return nullptr;
  if (ids_exiting_)
    for (const FdIdentity& id : *ids_)
      if (!id.at_entry && id.info.fd == fd) return &id.info;
  for (const FdIdentity& id : *ids_)
    if (id.at_entry && id.info.fd == fd) return &id.info;
  return nullptr;
}

// -yy (or some decode-fds classes) from what the kernel read at the call.
std::optional<std::string> FdTables::identity_detail(pid_t tid, int fd, const sct_fdinfo& fi, int classes) {
  const std::string path = fd_identity_path(fi);
  const auto path_if_asked = [&]() { return classes & kDecodeFdPath ? std::optional<std::string>(path) : std::nullopt; };
  if (fi.kind == SCT_FDID_PIDFD) {
    if ((classes & kDecodeFdPidfd) && fi.pid > 0) return "pid:" + std::to_string(fi.pid);
    return path_if_asked();
  }
  if (!(classes & kDecodeFdSocket)) return path_if_asked();
  bool modelled = false;
  std::optional<std::string> listed = fd_identity_listed(fi, &modelled);
  if (!modelled) {
    // A protocol whose sock_diag rules are not modelled (netlink, raw...):
    // asked live while the descriptor still names the same socket.
    pid_t tgid = process_of(tid)->tgid;
    char link[64];
    snprintf(link, sizeof link, "/proc/%d/fd/%d", tgid, fd);
    if (read_link(link) == path)
      if (auto d = net::socket_detail(tgid, fd)) return d;
  }
  if (auto d = net::socket_detail_from(static_cast<unsigned long>(fi.ino),
                                       std::string(fi.proto, strnlen(fi.proto, sizeof fi.proto)), listed))
    return d;
  return path;
}

std::optional<std::string> FdTables::fd_path(pid_t tid, int fd) {
  if (const sct_fdinfo* fi = identity(tid, fd)) return fd_identity_path(*fi);
  FdEntry scratch;
  const FdEntry* e = lookup(tid, fd, &scratch);
  if (!e || e->path.empty()) return std::nullopt;
  return e->path;
}

bool FdTables::is_netlink(pid_t tid, int fd) {
  FdEntry scratch;
  const FdEntry* e = lookup(tid, fd, &scratch);
  if (e && e->family >= 0) return e->family == AF_NETLINK;
  return FdResolver::is_netlink(tid, fd);
}

int FdTables::netlink_protocol(pid_t tid, int fd) {
  FdEntry scratch;
  const FdEntry* e = lookup(tid, fd, &scratch);
  if (e && e->family == AF_NETLINK) return e->bound ? e->protocol : -1;
  return FdResolver::netlink_protocol(tid, fd);
}

std::optional<std::string> FdTables::cwd_path(pid_t tid) {
  const std::string& cwd = process_of(tid)->cwd;
  if (cwd.empty()) return std::nullopt;
  return cwd;
}

std::optional<std::string> FdTables::fd_detail(pid_t tid, int fd, int classes) {
  if (const sct_fdinfo* fi = identity(tid, fd)) return identity_detail(tid, fd, *fi, classes);
  FdEntry scratch;
  const FdEntry* e = lookup(tid, fd, &scratch);
  if (!e || e->path.empty()) return std::nullopt;
  if (e->pidfd_pid > 0 && (classes & kDecodeFdPidfd)) return "pid:" + std::to_string(e->pidfd_pid);
  const bool is_socket = e->path.rfind("socket:[", 0) == 0;
  if (classes != kDecodeFdAll) {
    // Some classes only: a socket's or device's detail when asked, else the
    // path when paths are asked.
    bool detail = is_socket ? (classes & kDecodeFdSocket) : !e->detail.empty() && (classes & kDecodeFdDev);
    if (!detail) return classes & kDecodeFdPath ? std::optional<std::string>(e->path) : std::nullopt;
  }
  if (is_socket) {
    // A socket's endpoints change (bind, connect): asked live while the
    // descriptor still names the same socket, else what was seen at its start.
    pid_t tgid = process_of(tid)->tgid;
    char link[64];
    snprintf(link, sizeof link, "/proc/%d/fd/%d", tgid, fd);
    if (read_link(link) == e->path)
      if (auto d = net::socket_detail(tgid, fd)) return d;
  }
  return e->detail.empty() ? e->path : e->detail;
}

}  // namespace sct
