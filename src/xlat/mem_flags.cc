// Values from <sys/mman.h>, in strace 6.1's order (src/xlat/*.in).
#include "xlat/mem_flags.h"

#include <linux/mempolicy.h>
#include <sys/mman.h>

#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MAP_SYNC
#define MAP_SYNC 0x80000
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_UNINITIALIZED
#define MAP_UNINITIALIZED 0x4000000
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#ifndef MCL_ONFAULT
#define MCL_ONFAULT 4
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif

SCT_XLAT_DEFINE(mmap_prot, Flags, "",
                {PROT_NONE, "PROT_NONE"}, {PROT_READ, "PROT_READ"}, {PROT_WRITE, "PROT_WRITE"},
                {PROT_EXEC, "PROT_EXEC"}, {0x8, "PROT_SEM"}, {PROT_GROWSDOWN, "PROT_GROWSDOWN"},
                {PROT_GROWSUP, "PROT_GROWSUP"})

SCT_XLAT_DEFINE(mmap_type, Enum, "MAP_???",
                {MAP_SHARED, "MAP_SHARED"}, {MAP_PRIVATE, "MAP_PRIVATE"},
                {MAP_SHARED_VALIDATE, "MAP_SHARED_VALIDATE"})

SCT_XLAT_DEFINE(mmap_flags, Flags, "",
                {MAP_FIXED, "MAP_FIXED"}, {MAP_ANONYMOUS, "MAP_ANONYMOUS"}, {MAP_32BIT, "MAP_32BIT"},
                {MAP_NORESERVE, "MAP_NORESERVE"}, {MAP_POPULATE, "MAP_POPULATE"},
                {MAP_NONBLOCK, "MAP_NONBLOCK"}, {MAP_GROWSDOWN, "MAP_GROWSDOWN"},
                {MAP_DENYWRITE, "MAP_DENYWRITE"}, {MAP_EXECUTABLE, "MAP_EXECUTABLE"},
                {MAP_LOCKED, "MAP_LOCKED"}, {MAP_STACK, "MAP_STACK"}, {MAP_HUGETLB, "MAP_HUGETLB"},
                {MAP_SYNC, "MAP_SYNC"}, {MAP_UNINITIALIZED, "MAP_UNINITIALIZED"},
                {MAP_FIXED_NOREPLACE, "MAP_FIXED_NOREPLACE"})

SCT_XLAT_DEFINE(madvise_cmds, Enum, "MADV_???",
                {MADV_NORMAL, "MADV_NORMAL"}, {MADV_RANDOM, "MADV_RANDOM"},
                {MADV_SEQUENTIAL, "MADV_SEQUENTIAL"}, {MADV_WILLNEED, "MADV_WILLNEED"},
                {MADV_DONTNEED, "MADV_DONTNEED"}, {MADV_FREE, "MADV_FREE"}, {MADV_REMOVE, "MADV_REMOVE"},
                {MADV_DONTFORK, "MADV_DONTFORK"}, {MADV_DOFORK, "MADV_DOFORK"},
                {MADV_MERGEABLE, "MADV_MERGEABLE"}, {MADV_UNMERGEABLE, "MADV_UNMERGEABLE"},
                {MADV_HUGEPAGE, "MADV_HUGEPAGE"}, {MADV_NOHUGEPAGE, "MADV_NOHUGEPAGE"},
                {MADV_DONTDUMP, "MADV_DONTDUMP"}, {MADV_DODUMP, "MADV_DODUMP"},
                {MADV_WIPEONFORK, "MADV_WIPEONFORK"}, {MADV_KEEPONFORK, "MADV_KEEPONFORK"},
                {20, "MADV_COLD"}, {21, "MADV_PAGEOUT"}, {22, "MADV_POPULATE_READ"},
                {23, "MADV_POPULATE_WRITE"}, {24, "MADV_DONTNEED_LOCKED"}, {25, "MADV_COLLAPSE"},
                {MADV_HWPOISON, "MADV_HWPOISON"}, {101, "MADV_SOFT_OFFLINE"})

SCT_XLAT_DEFINE(msync_flags, Flags, "",
                {MS_ASYNC, "MS_ASYNC"}, {MS_SYNC, "MS_SYNC"}, {MS_INVALIDATE, "MS_INVALIDATE"})

SCT_XLAT_DEFINE(mlock_flags, Flags, "", {MLOCK_ONFAULT, "MLOCK_ONFAULT"})

SCT_XLAT_DEFINE(mlockall_flags, Flags, "",
                {MCL_CURRENT, "MCL_CURRENT"}, {MCL_FUTURE, "MCL_FUTURE"}, {MCL_ONFAULT, "MCL_ONFAULT"})

SCT_XLAT_DEFINE(mremap_flags, Flags, "",
                {MREMAP_MAYMOVE, "MREMAP_MAYMOVE"}, {MREMAP_FIXED, "MREMAP_FIXED"},
                {MREMAP_DONTUNMAP, "MREMAP_DONTUNMAP"})

// NUMA policies (linux/mempolicy.h). MPOL_MF_LAZY is kernel-internal:
// strace 6.1 prints it as 0x8.
SCT_XLAT_DEFINE(mpol_modes, Enum, "MPOL_???",
                {MPOL_DEFAULT, "MPOL_DEFAULT"}, {MPOL_PREFERRED, "MPOL_PREFERRED"}, {MPOL_BIND, "MPOL_BIND"},
                {MPOL_INTERLEAVE, "MPOL_INTERLEAVE"}, {MPOL_LOCAL, "MPOL_LOCAL"},
                {MPOL_PREFERRED_MANY, "MPOL_PREFERRED_MANY"})

SCT_XLAT_DEFINE(mpol_mode_flags, Flags, "MPOL_F_???",
                {MPOL_F_STATIC_NODES, "MPOL_F_STATIC_NODES"}, {MPOL_F_RELATIVE_NODES, "MPOL_F_RELATIVE_NODES"},
                {MPOL_F_NUMA_BALANCING, "MPOL_F_NUMA_BALANCING"})

SCT_XLAT_DEFINE(mbind_flags, Flags, "MPOL_MF_???",
                {MPOL_MF_STRICT, "MPOL_MF_STRICT"}, {MPOL_MF_MOVE, "MPOL_MF_MOVE"},
                {MPOL_MF_MOVE_ALL, "MPOL_MF_MOVE_ALL"})

SCT_XLAT_DEFINE(get_mempolicy_flags, Flags, "MPOL_F_???",
                {MPOL_F_NODE, "MPOL_F_NODE"}, {MPOL_F_ADDR, "MPOL_F_ADDR"},
                {MPOL_F_MEMS_ALLOWED, "MPOL_F_MEMS_ALLOWED"})
