// Memory, signal, time and misc decoders against lines strace 6.1 printed.
#include <linux/futex.h>
#include <signal.h>
#include <sys/mman.h>

#include "decode/misc_test_support.h"
#include "decode/signal_sigreturn.h"

namespace sct {
namespace {

using proc_test::CallRunner;

TEST(ProcMemDecoders, Mmap) {
  CallRunner r;
  EXPECT_EQ(r.line("mmap", {0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, static_cast<uint64_t>(-1), 0},
                   0x7f5d61a9a000),
            "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f5d61a9a000");
  EXPECT_EQ(r.line("mmap", {0, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK | 0x8000000,
                            static_cast<uint64_t>(-1), 0x1000},
                   0x7f0000000000),
            "mmap(NULL, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_STACK|2<<MAP_HUGE_SHIFT, -1, 0x1000) "
            "= 0x7f0000000000");
  EXPECT_EQ(r.line("brk", {0}, 0x55d2756cd000), "brk(NULL)                               = 0x55d2756cd000");
  EXPECT_EQ(r.line("mprotect", {0x1000, 4096, PROT_READ | 0x100}, 0),
            "mprotect(0x1000, 4096, PROT_READ|0x100) = 0");
  EXPECT_EQ(r.line("madvise", {0x1000, 16384, 12345}, -1, EINVAL),
            "madvise(0x1000, 16384, 0x3039 /* MADV_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(r.line("mremap", {0x1000, 8192, 8192, 0, 0}, -1, EINVAL),
            "mremap(0x1000, 8192, 8192, 0)           = -1 EINVAL (Invalid argument)");
}

TEST(ProcSignalDecoders, Sigaction) {
  CallRunner r;
  uint64_t sa[4] = {0x5578170dcdc0, 0x04000000, 0x7f56dda62050, ~((1ull << 31) | (1ull << 32))};
  r.mem.map_object(0x1000, sa);
  EXPECT_EQ(r.line("rt_sigaction", {SIGINT, 0x1000, 0, 8}, 0),
            "rt_sigaction(SIGINT, {sa_handler=0x5578170dcdc0, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, "
            "sa_restorer=0x7f56dda62050}, NULL, 8) = 0");
  uint64_t empty = 0, most = ~((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)) | (1ull << 31) | (1ull << 32));
  r.mem.map_object(0x2000, empty);
  r.mem.map_object(0x3000, most);
  EXPECT_EQ(r.line("rt_sigprocmask", {SIG_SETMASK, 0x2000, 0x3000, 8}, 0),
            "rt_sigprocmask(SIG_SETMASK, [], ~[KILL STOP RTMIN RT_1], 8) = 0");
  EXPECT_EQ(r.line("rt_sigprocmask", {7, 0x2000, 0, 8}, -1, EINVAL),
            "rt_sigprocmask(0x7 /* SIG_??? */, [], NULL, 8) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(r.line("kill", {8795, SIGUSR1}, 0), "kill(8795, SIGUSR1)                     = 0");
  sigreturn_stack_pointer_source() = [](pid_t) -> std::optional<uint64_t> { return 0x10000; };
  r.mem.map_object(0x10000 + 8 + 8 + sizeof(stack_t) + 256, empty);
  EXPECT_EQ(r.line("rt_sigreturn", {}, 0), "rt_sigreturn({mask=[]})                 = 0");
}

TEST(ProcMiscDecoders, FutexRandomArch) {
  CallRunner r;
  EXPECT_EQ(r.line("futex", {0x7f0000000a4c, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 8920, 0, 0, 0xffffffff}, 0),
            "futex(0x7f0000000a4c, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME, 8920, NULL, FUTEX_BITSET_MATCH_ANY) = 0");
  EXPECT_EQ(r.line("futex", {0x1000, FUTEX_WAKE_PRIVATE, 2147483647, 0, 0, 0}, 0),
            "futex(0x1000, FUTEX_WAKE_PRIVATE, 2147483647) = 0");
  r.mem.map(0x2000, std::string("\xa4\x52\x26\x11\x13\x08\xc7\xe4", 8));
  EXPECT_EQ(r.line("getrandom", {0x2000, 8, 1}, 8),
            "getrandom(\"\\xa4\\x52\\x26\\x11\\x13\\x08\\xc7\\xe4\", 8, GRND_NONBLOCK) = 8");
  EXPECT_EQ(r.line("getrandom", {0x2000, 8, 0x80}, -1, EINVAL),
            "getrandom(0x2000, 8, 0x80 /* GRND_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(r.line("arch_prctl", {0x1002, 0x7f0000000740}, 0), "arch_prctl(ARCH_SET_FS, 0x7f0000000740) = 0");
  EXPECT_EQ(r.line("arch_prctl", {0x3001, 0x7ffd0000}, -1, EINVAL),
            "arch_prctl(0x3001 /* ARCH_??? */, 0x7ffd0000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(r.line("rseq", {0x7f6bc618c060, 0x20, 0, 0x53053053}, 0),
            "rseq(0x7f6bc618c060, 0x20, 0, 0x53053053) = 0");
  EXPECT_EQ(r.line("set_robust_list", {0x7f0000000a20, 24}, 0), "set_robust_list(0x7f0000000a20, 24)     = 0");
}

}  // namespace
}  // namespace sct
