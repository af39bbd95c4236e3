// Tables of the memory family: protections, mapping types and flags,
// madvise advice, msync/mlock/mlockall/mremap flags.
#pragma once

#include "xlat/xlat.h"

namespace sct::xlat {

extern const Xlat mmap_prot;      // PROT_READ|PROT_WRITE, PROT_NONE
extern const Xlat mmap_type;      // MAP_SHARED, MAP_PRIVATE, MAP_SHARED_VALIDATE
extern const Xlat mmap_flags;     // MAP_FIXED|MAP_ANONYMOUS... (type bits excluded)
extern const Xlat madvise_cmds;   // MADV_DONTNEED...
extern const Xlat msync_flags;    // MS_ASYNC...
extern const Xlat mlock_flags;    // MLOCK_ONFAULT
extern const Xlat mlockall_flags;  // MCL_CURRENT...
extern const Xlat mremap_flags;   // MREMAP_MAYMOVE...

}  // namespace sct::xlat
