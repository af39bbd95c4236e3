// Process family decoders against lines strace 6.1 printed for the same
// arguments (tests/progs/proc_*.c).
#include <linux/sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cstring>

#include "decode/misc_test_support.h"
#include "decode/siginfo.h"
#include "decode/wait_status.h"
#include "sinks/strace_render.h"

namespace sct {
namespace {

using proc_test::CallRunner;

TEST(ProcWaitStatus, Forms) {
  EXPECT_EQ(render_value(decode_wait_status_array(3 << 8)), "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]");
  EXPECT_EQ(render_value(decode_wait_status(SIGKILL)), "{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}");
  EXPECT_EQ(render_value(decode_wait_status(SIGSEGV | 0x80)),
            "{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}");
  EXPECT_EQ(render_value(decode_wait_status((SIGSTOP << 8) | 0x7f)), "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}");
  EXPECT_EQ(render_value(decode_wait_status(((SIGTRAP | 0x80) << 8) | 0x7f)),
            "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}");
  EXPECT_EQ(render_value(decode_wait_status((1 << 16) | (SIGTRAP << 8) | 0x7f)),
            "{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP} | PTRACE_EVENT_FORK << 16");
  EXPECT_EQ(render_value(decode_wait_status(0xffff)), "{WIFCONTINUED(s)}");
}

TEST(ProcSiginfo, Kinds) {
  siginfo_t si;
  memset(&si, 0, sizeof si);
  si.si_signo = SIGCHLD;
  si.si_code = CLD_EXITED;
  si.si_pid = 2202;
  si.si_status = 3;
  si.si_stime = 1;
  EXPECT_EQ(render_value(decode_siginfo(si)),
            "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2202, si_uid=0, si_status=3, si_utime=0, "
            "si_stime=1 /* 0.01 s */}");
  si.si_code = CLD_KILLED;
  si.si_status = SIGKILL;
  si.si_stime = 0;
  EXPECT_EQ(render_value(decode_siginfo(si)),
            "{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=2202, si_uid=0, si_status=SIGKILL, si_utime=0, "
            "si_stime=0}");
  memset(&si, 0, sizeof si);
  si.si_signo = SIGTERM;
  si.si_code = SI_USER;
  si.si_pid = 2201;
  EXPECT_EQ(render_value(decode_siginfo(si)), "{si_signo=SIGTERM, si_code=SI_USER, si_pid=2201, si_uid=0}");
  memset(&si, 0, sizeof si);
  si.si_signo = SIGSEGV;
  si.si_code = SEGV_MAPERR;
  si.si_addr = reinterpret_cast<void*>(0x10);
  EXPECT_EQ(render_value(decode_siginfo(si)), "{si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}");
  memset(&si, 0, sizeof si);
  si.si_signo = SIGALRM;
  si.si_code = SI_KERNEL;
  EXPECT_EQ(render_value(decode_siginfo(si)), "{si_signo=SIGALRM, si_code=SI_KERNEL}");
  memset(&si, 0, sizeof si);
  si.si_signo = SIGUSR1;
  si.si_code = SI_QUEUE;
  si.si_pid = 8795;
  si.si_int = 42;
  EXPECT_EQ(render_value(decode_siginfo(si)),
            "{si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=8795, si_uid=0, si_int=42, si_ptr=0x2a}");
}

TEST(ProcDecoders, Execve) {
  CallRunner r;
  r.mem.map(0x1000, std::string("/bin/true\0", 10));
  uint64_t argv[2] = {0x1000, 0};
  r.mem.map_object(0x2000, argv);
  uint64_t envp[3] = {0x1000, 0x1000, 0};
  r.mem.map_object(0x3000, envp);
  EXPECT_EQ(r.line("execve", {0x1000, 0x2000, 0x3000}, 0),
            "execve(\"/bin/true\", [\"/bin/true\"], 0x3000 /* 2 vars */) = 0");
  EXPECT_EQ(r.line("execve", {0x1000, 1, 0x3000}, -1, 2),
            "execve(\"/bin/true\", 0x1, 0x3000 /* 2 vars */) = -1 ENOENT (No such file or directory)");
}

TEST(ProcDecoders, CloneAndWait) {
  CallRunner r;
  EXPECT_EQ(r.line("clone", {CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD, 0, 0, 0x7f0000a10, 0}, 123),
            "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
            "child_tidptr=0x7f0000a10) = 123");
  int st = 3 << 8;
  r.mem.map_object(0x5000, st);
  EXPECT_EQ(r.line("wait4", {static_cast<uint64_t>(-1), 0x5000, 0, 0}, 2202),
            "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 2202");
  EXPECT_EQ(r.line("wait4", {static_cast<uint64_t>(-1), 0x5000, WNOHANG, 0}, -1, ECHILD),
            "wait4(-1, 0x5000, WNOHANG, NULL)        = -1 ECHILD (No child processes)");
  EXPECT_EQ(r.line("exit_group", {3}, 0), "exit_group(3)                           = ?");
  uint64_t ca[11] = {};
  ca[4] = SIGCHLD;
  r.mem.map_object(0x6000, ca);
  EXPECT_EQ(r.line("clone3", {0x6000, 88}, 8921),
            "clone3({flags=0, exit_signal=SIGCHLD, stack=NULL, stack_size=0}, 88) = 8921");
  ca[0] = CLONE_VM | CLONE_PARENT_SETTID;
  ca[3] = 0x7000;
  r.mem.map_object(0x6000, ca);
  int tid = 8920;
  r.mem.map_object(0x7000, tid);
  EXPECT_EQ(r.line("clone3", {0x6000, 88}, 8920),
            "clone3({flags=CLONE_VM|CLONE_PARENT_SETTID, parent_tid=0x7000, exit_signal=SIGCHLD, stack=NULL, "
            "stack_size=0} => {parent_tid=[8920]}, 88) = 8920");
}

TEST(ProcDecoders, Limits) {
  CallRunner r;
  struct rlimit rl = {8192 * 1024, RLIM_INFINITY};
  r.mem.map_object(0x4000, rl);
  EXPECT_EQ(r.line("prlimit64", {0, RLIMIT_STACK, 0, 0x4000}, 0),
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
  EXPECT_EQ(r.line("prlimit64", {0, 99, 0, 0x4000}, -1, EINVAL),
            "prlimit64(0, 0x63 /* RLIMIT_??? */, NULL, 0x4000) = -1 EINVAL (Invalid argument)");
}

}  // namespace
}  // namespace sct
