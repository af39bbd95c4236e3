#include "backend/bpf/capture_plan.h"

#include <algorithm>
#include <cstring>

namespace sct {

namespace {

uint16_t capped(size_t n) { return static_cast<uint16_t>(std::min<size_t>(n, SCT_CAP_MAX)); }

bool is_exec(const char* name) { return !strcmp(name, "execve") || !strcmp(name, "execveat"); }

}  // namespace

std::vector<sct_plan> build_capture_plan(const DecodeOptions& opt, bool decode) {
  std::vector<sct_plan> plans(SCT_MAX_SYSCALLS);
  for (auto& p : plans) memset(&p, 0, sizeof p);
  // A string cut at -s: -s bytes, one more to see whether it ends there,
  // and one for the NUL the kernel's copy adds.
  const uint16_t str_size = capped(opt.string_limit + 2);
  const uint16_t buf_size = capped(opt.string_limit);
  for (long nr : syscall_numbers()) {
    if (nr < 0 || nr >= SCT_MAX_SYSCALLS) continue;
    const SyscallRow* row = syscall_row(nr);
    if (!row || !row->name) continue;
    sct_plan& plan = plans[static_cast<size_t>(nr)];
    const bool never_returns = row->ret == RetKind::NoReturn;
    if (never_returns) plan.entry_record = 1;
    if (!decode || opt.raw) continue;
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
  }
  return plans;
}

}  // namespace sct
