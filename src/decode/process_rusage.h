// struct rusage as strace prints it: the two times, then "..." unless -v.
#pragma once

#include "decode/decoder.h"

namespace sct {

// NULL, the address (unreadable, or at exit of a failed call), or the struct.
Value rusage_at(DecodeContext& ctx, uint64_t addr);

}  // namespace sct
