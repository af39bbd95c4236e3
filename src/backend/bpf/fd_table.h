// -y/-yy/-P under the eBPF engine: what each descriptor of each traced
// process refers to, kept in user space from the decoded records in order.
//
// Why: the records arrive after the calls, in batches, often after the
// process closed the descriptor or exited, so /proc/PID/fd (what the ptrace
// engine reads at each stop) tells what is open *now*, not at the call. The
// table is fed every call that changes a descriptor (open*, socket, accept,
// dup*, fcntl F_DUPFD/F_SETFD, pipe*, socketpair, close, close_range, execve's
// O_CLOEXEC closes...) and answers for the state just before the call being
// decoded (entry) or just after it (exit).
//
// Tables are per process (tgid): threads share one. A fork copies its
// parent's table as it was at the fork record; clone(CLONE_FILES) shares it.
// Descriptors inherited from before the trace started come from /proc once,
// when the process is first seen (snapshot), or lazily for a process met
// mid-way (--comm, a fork of an untraced one).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/bpf/fd_identity.h"
#include "core/tracee_memory.h"
#include "decode/decoder.h"

namespace sct {

struct FdEntry {
  std::string path;    // as /proc/PID/fd/N reads ("/etc/passwd", "pipe:[12]", "socket:[7]")
  std::string detail;  // -yy for non-sockets ("/dev/null<char 1:3>"); empty: same as path
  bool cloexec = false;
  // Sockets made by socket()/socketpair() while traced: for the netlink
  // decoder, which strace gives the protocol once the socket is bound (that
  // is when sock_diag lists it).
  int family = -1, protocol = -1;
  bool bound = false;
  long pidfd_pid = 0;  // a pidfd's pid, as the kernel read it when the call made it
};

class FdTables final : public FdResolver {
 public:
  // Reads the descriptors (and their FD_CLOEXEC) and cwd of process tgid from
  // /proc: for the command before it runs and for -p targets.
  void snapshot(pid_t tgid);
  // A record of task tid in process tgid: remembered so that lookups by tid
  // find the process's table.
  void task_seen(pid_t tid, pid_t tgid);
  // SCT_REC_FORK: parent_tid made child_tid (a thread or a process; which one
  // shows at the child's first record, by its tgid).
  void forked(pid_t parent_tid, pid_t child_tid);
  // The process (its last task) ended.
  void process_exited(pid_t tgid);

  // The effect on the table of one finished syscall of task tid (ret is its
  // return value; mem holds what the record captured: paths, pipe's array).
  void apply(pid_t tid, long nr, const uint64_t* args, int64_t ret, TraceeMemory& mem);

  // What the kernel read of the descriptors of the call being decoded
  // (record_reader's CaptureMemory::fd_identities(); the vector must live
  // while it is used): arguments as they were at entry, results at exit.
  // Preferred over the table and /proc for that call: a socket's endpoints
  // then, a closed socket's inode, a pidfd's pid. exiting: the exit half
  // is decoded (results first), else the entry half (arguments only).
  void use_identities(pid_t tid, const std::vector<FdIdentity>* ids, bool exiting) {
    ids_tid_ = tid;
    ids_ = ids;
    ids_exiting_ = exiting;
  }

  // The syscalls apply() cares about, for the kernel's selection: whether nr
  // changes a descriptor table or the working directory.
  static bool changes_fds(long nr);

  std::optional<std::string> fd_path(pid_t tid, int fd) override;
  std::optional<std::string> fd_detail(pid_t tid, int fd, int classes) override;
  std::optional<std::string> cwd_path(pid_t tid) override;
  bool is_netlink(pid_t tid, int fd) override;
  int netlink_protocol(pid_t tid, int fd) override;

  // Whether descriptors' names are wanted (-y, -P): without, only sockets'
  // kinds are kept (netlink decoding), and no path is resolved or read.
  void set_names_wanted(bool on) { names_ = on; }

  // For tests: a process table set up without /proc.
  void set_for_test(pid_t tgid, int fd, FdEntry e, std::string cwd = "/");

 private:
  struct Process {
    std::map<int, FdEntry> fds;
    std::map<int, bool> closed;  // known closed (for processes without a snapshot)
    std::string cwd;
    bool complete = false;  // snapshot taken: a descriptor not in fds is closed
    pid_t tgid = 0;         // whose /proc to read descriptors not known yet
  };
  using ProcessPtr = std::shared_ptr<Process>;

  ProcessPtr process_of(pid_t tid);
  ProcessPtr process_for_tgid(pid_t tgid);
  const FdEntry* lookup(pid_t tid, int fd, FdEntry* scratch);
  void opened(Process& p, pid_t tid, int fd, FdEntry e);
  void closed(Process& p, int fd);
  std::string resolve(Process& p, int dirfd, const std::string& path);
  FdEntry from_proc(pid_t tid, int fd, const char* want_prefix);
  const sct_fdinfo* identity(pid_t tid, int fd) const;
  std::optional<std::string> identity_detail(pid_t tid, int fd, const sct_fdinfo& fi, int classes);

  std::unordered_map<pid_t, ProcessPtr> by_tgid_;
  std::unordered_map<pid_t, pid_t> tgid_of_;
  // Forked tasks not yet seen: their copy of the parent's table (used if the
  // child turns out to be a new process), and the parent's tgid.
  struct ForkCopy {
    ProcessPtr copy;
    pid_t parent_tgid;
  };
  std::unordered_map<pid_t, ForkCopy> forks_;
  bool names_ = true;
  // SCM_RIGHTS descriptors sent and not yet received, by the receiving
  // socket's inode (the sender's peer, as the kernel read it): what each
  // message's descriptors were when sent, in order.
  std::map<uint64_t, std::deque<std::vector<FdEntry>>> in_flight_;
  void rights_sent(pid_t tid, int sock, uint64_t msghdr_addr, TraceeMemory& mem);
  void rights_received(pid_t tid, int sock, uint64_t msghdr_addr, bool cloexec, TraceeMemory& mem);
  const std::vector<FdIdentity>* ids_ = nullptr;
  pid_t ids_tid_ = 0;
  bool ids_exiting_ = false;
};

// Pure helpers (tests): path joined to base when relative, then made
// canonical as the kernel names open files (symlinks resolved when the file
// still exists, else "." / ".." / "//" folded lexically).
std::string fd_table_resolve_path(const std::string& base, const std::string& path);

}  // namespace sct
