#include "backend/bpf/capture_plan.h"

#include <algorithm>
#include <cstring>

namespace sct {

namespace {

uint16_t capped(size_t n) { return static_cast<uint16_t>(std::min<size_t>(n, SCT_CAP_MAX)); }

bool is_exec(const char* name) { return !strcmp(name, "execve") || !strcmp(name, "execveat"); }

// Arguments whose memory holds pointers the decoder follows: an iovec array
// and its buffers, a msghdr with its name, iovecs and control. Copied at exit,
// sized as the decoder prints them (the received bytes count against ret).
struct NestedCapture {
  const char* syscall;
  int arg;
  uint8_t kind;
  int8_t len_arg;
};
constexpr NestedCapture kNested[] = {
    {"readv", 1, SCT_CAP_IOV_RET, 2},      {"preadv", 1, SCT_CAP_IOV_RET, 2},
    {"preadv2", 1, SCT_CAP_IOV_RET, 2},    {"writev", 1, SCT_CAP_IOV, 2},
    {"pwritev", 1, SCT_CAP_IOV, 2},        {"pwritev2", 1, SCT_CAP_IOV, 2},
    {"vmsplice", 1, SCT_CAP_IOV, 2},       {"sendmsg", 1, SCT_CAP_MSGHDR, 0},
    {"recvmsg", 1, SCT_CAP_MSGHDR_RET, 0}, {"sendmmsg", 1, SCT_CAP_MMSGHDR, 2},
    {"recvmmsg", 1, SCT_CAP_MMSGHDR_RET, 2},
};

// In/out arguments: the kernel overwrites them, and strace shows both values
// ("[128 => 16]", "[2] => [7]", select's sets before and after). Copied at
// entry too, size bytes (SCT_CAP_STACK: at the stack pointer).
struct EntryCopy {
  const char* syscall;
  int arg;
  uint16_t size;
  uint8_t kind = SCT_CAP_FIXED;
};
constexpr EntryCopy kEntryCopies[] = {
    {"accept", 2, 4},        {"accept4", 2, 4},     {"getsockname", 2, 4},    {"getpeername", 2, 4},
    {"recvfrom", 5, 4},      {"getsockopt", 4, 4},  {"sendfile", 2, 8},       {"copy_file_range", 1, 8},
    {"copy_file_range", 3, 8}, {"splice", 1, 8},    {"splice", 3, 8},         {"select", 1, 128},
    {"select", 2, 128},      {"select", 3, 128},    {"select", 4, 16},        {"pselect6", 1, 128},
    {"pselect6", 2, 128},    {"pselect6", 3, 128},  {"pselect6", 4, 16},      {"ppoll", 2, 16},
    {"recvmsg", 1, 56},      {"recvmmsg", 1, 256},  {"recvmmsg", 4, 16},      {"name_to_handle_at", 2, 8},
    // capget's header: the kernel writes its preferred version back into a
    // bad one; strace shows the version the call was made with.
    {"capget", 0, 8},
    // rt_sigreturn restores the mask saved in the signal frame, which starts
    // at the stack pointer: uc_flags, uc_link, uc_stack, uc_mcontext, uc_sigmask.
    {"rt_sigreturn", 0, 8 + 8 + 24 + 256 + 8, SCT_CAP_STACK},
};

// -Y: which of a call's values name a task (sct_plan.pid_args): the row's
// pid arguments, those custom decoders print as pids, and the results that
// are pids (as strace_render's returns_pid). The kernel then records those
// tasks' comms with the call.
struct PidValues {
  const char* syscall;
  uint8_t bits;
};
constexpr PidValues kPidValues[] = {
    {"getpid", SCT_PID_RET},  {"getppid", SCT_PID_RET},    {"gettid", SCT_PID_RET},
    {"fork", SCT_PID_RET},    {"vfork", SCT_PID_RET},      {"clone", SCT_PID_RET},
    {"clone3", SCT_PID_RET},  {"wait4", SCT_PID_RET},      {"getpriority", 1 << 1},
    {"setpriority", 1 << 1},  {"fcntl", 1 << 2 | SCT_PID_RET}, {"set_tid_address", SCT_PID_RET},
};

uint8_t pid_values(const SyscallRow& row) {
  uint8_t bits = 0;
  for (int i = 0; i < row.nargs && i < 6; ++i)
    if (row.args[i].kind == ArgKind::Pid) bits |= static_cast<uint8_t>(1u << i);
  for (const PidValues& p : kPidValues)
    if (!strcmp(p.syscall, row.name)) bits |= p.bits;
  return bits;
}

}  // namespace

std::vector<sct_plan> build_capture_plan(const DecodeOptions& opt, bool decode, bool whole_buffers) {
  std::vector<sct_plan> plans(SCT_MAX_SYSCALLS);
  for (auto& p : plans) memset(&p, 0, sizeof p);
  // A string cut at -s: -s bytes, one more to see whether it ends there,
  // and one for the NUL the kernel's copy adds.
  const uint16_t str_size = capped(opt.string_limit + 2);
  // Data buffers: -s bytes, what the line shows; whole (up to the capture
  // limit) when -e read=/write= dumps them.
  const uint16_t buf_size = whole_buffers ? SCT_CAP_MAX : capped(opt.string_limit);
  for (long nr : syscall_numbers()) {
    if (nr < 0 || nr >= SCT_MAX_SYSCALLS) continue;
    const SyscallRow* row = syscall_row(nr);
    if (!row || !row->name) continue;
    sct_plan& plan = plans[static_cast<size_t>(nr)];
    plan.pid_args = pid_values(*row);
    for (int i = 0; i < 6; ++i)
      if (plan.pid_args & (1u << i)) {
        plan.entry_pid_arg = static_cast<uint8_t>(i + 1);
        break;
      }
    const bool never_returns = row->ret == RetKind::NoReturn;
    if (never_returns) plan.entry_record = 1;
    if (!decode || opt.raw) continue;
    if (opt.decode_fds) {
      // Descriptor identities (progs/fd_identity.h): which arguments are
      // descriptors, whether the result is a new one; socketpair's pair.
      for (int i = 0; i < row->nargs && i < 6; ++i)
        if (row->args[i].kind == ArgKind::Fd) plan.fd_args |= static_cast<uint8_t>(1u << i);
      if (row->ret == RetKind::Fd) plan.fd_args |= SCT_FD_RET;
      if (!strcmp(row->name, "socketpair")) plan.fd_pair_arg = 1 + 3;
    }
    if (is_exec(row->name)) {
      // execve(path, argv, envp) / execveat(dirfd, path, argv, envp, flags).
      int first = row->name[4] == 'a' ? 1 : 0;
      plan.entry_record = 1;
      plan.arg[first] = {SCT_CAP_STR, 0, SCT_CAP_MAX};
      // argv: strings for the first -s elements (all with -v), at most the array limit.
      size_t elements = opt.abbrev ? std::min<size_t>(opt.string_limit + 1, SCT_ARRAY_MAX) : SCT_ARRAY_MAX;
      plan.arg[first + 1] = {SCT_CAP_STRV, static_cast<int8_t>(elements), str_size};
      if (opt.abbrev)
        plan.arg[first + 2] = {SCT_CAP_PTRV, 0, 0};
      else
        plan.arg[first + 2] = {SCT_CAP_STRV, static_cast<int8_t>(elements), str_size};
      continue;
    }
    const bool custom = find_decoder(row->name) != nullptr;
    for (int i = 0; i < row->nargs && i < 6; ++i) {
      const ArgSpec& a = row->args[i];
      sct_arg_plan& p = plan.arg[i];
      switch (a.kind) {
        case ArgKind::Path: p = {SCT_CAP_STR, 0, SCT_CAP_MAX}; break;
        case ArgKind::Str: p = {SCT_CAP_STR, 0, str_size}; break;
        case ArgKind::InBuf: p = {SCT_CAP_BUF_ARG, a.len_arg, buf_size}; break;
        case ArgKind::OutBuf: p = {SCT_CAP_BUF_RET, 0, buf_size}; break;
        case ArgKind::Ptr:
        case ArgKind::OutPtr:
        case ArgKind::Hex:
        case ArgKind::Ulong:
          // The row's default prints these as numbers or addresses; a custom
          // decoder may read them as structs (fcntl's lock, ioctl's argument).
          // Copying from a value that is no address fails cheaply.
          if (custom) p = {SCT_CAP_FIXED, 0, kBpfStructCapture};
          break;
        default: break;
      }
    }
    for (const NestedCapture& n : kNested)
      if (!strcmp(n.syscall, row->name)) plan.arg[n.arg] = {n.kind, n.len_arg, buf_size};
    // clone3(args, size): the struct (88 bytes since 5.7), then the pidfd and
    // parent_tid it points to, which its exit prints ("=> {parent_tid=[TID]}").
    if (!strcmp(row->name, "clone3")) plan.arg[0] = {SCT_CAP_CLONE_ARGS, 1, 88};
    // getdents(64): the line shows the count of entries in the whole buffer,
    // which the kernel counts when the buffer is not copied whole; its
    // entries (-v) up to the capture limit.
    if (!strcmp(row->name, "getdents") || !strcmp(row->name, "getdents64")) {
      bool entries = opt.verbose || !opt.abbrev;
      plan.arg[1] = {SCT_CAP_DIRENTS, 0, static_cast<uint16_t>(entries ? SCT_CAP_MAX : 0)};
    }
    for (const EntryCopy& e : kEntryCopies) {
      if (strcmp(e.syscall, row->name)) continue;
      plan.entry_copy = 1;
      plan.entry_arg[e.arg] = {e.kind, 0, e.size};
    }
  }
  return plans;
}

}  // namespace sct
