#include "syscalls/arg_value.h"

namespace sct {

uint64_t syscall_arg_as_declared(const SyscallRow* row, int index, uint64_t raw) {
  if (!row) return raw;
  if (index >= row->nargs) return 0;
  switch (row->args[index].kind) {
    case ArgKind::Int:
    case ArgKind::Fd:
    case ArgKind::DirFd:
    case ArgKind::Signal:
    case ArgKind::Pid:
    case ArgKind::Clockid:
      return static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(raw)));
    case ArgKind::Uint:
    case ArgKind::Uid:
    case ArgKind::Oct:
      return raw & 0xffffffffu;
    default:
      return raw;
  }
}

}  // namespace sct
