// Where rt_sigreturn's decoder gets the tracee's stack pointer. Decoders see
// no registers, so the default reads /proc/TID/syscall; tests (and an engine
// that knows the register) can replace the source.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>

namespace sct {

using StackPointerFn = std::optional<uint64_t> (*)(pid_t tid);
StackPointerFn& sigreturn_stack_pointer_source();

}  // namespace sct
