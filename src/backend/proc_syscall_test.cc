#include "backend/proc_syscall.h"

#include <gtest/gtest.h>

namespace sct {

TEST(ProcSyscall, BlockedInACall) {
  auto call = parse_proc_syscall("0 0x0 0x7f0738aa7000 0x20000 0x7f0738b424f0 0xffffffff 0x0 0x7fffff9f6278 0x7f0738c212ad\n");
  ASSERT_TRUE(call);
  EXPECT_EQ(call->nr, 0);
  EXPECT_EQ(call->args[0], 0u);
  EXPECT_EQ(call->args[1], 0x7f0738aa7000u);
  EXPECT_EQ(call->args[2], 0x20000u);
  EXPECT_EQ(call->args[4], 0xffffffffu);
  EXPECT_EQ(call->sp, 0x7fffff9f6278u);
}

TEST(ProcSyscall, NotInACall) {
  EXPECT_FALSE(parse_proc_syscall("running\n"));
  EXPECT_FALSE(parse_proc_syscall("-1 0x7ffc2c3fac3c 0x7f0738c212ad\n"));
  EXPECT_FALSE(parse_proc_syscall(""));
  EXPECT_FALSE(parse_proc_syscall("61 0xffffffffffffffff 0x7ffe"));  // cut short
}

TEST(ProcSyscall, WhichCallsResumeAsRestartSyscall) {
  ProcSyscall sleep{35, {0x7ffe0, 0}, 0};
  EXPECT_TRUE(resumes_as_restart_syscall(sleep));
  ProcSyscall clock_rel{230, {0, 0, 0x7ffe0, 0}, 0}, clock_abs{230, {0, 1, 0x7ffe0, 0}, 0};
  EXPECT_TRUE(resumes_as_restart_syscall(clock_rel));
  EXPECT_FALSE(resumes_as_restart_syscall(clock_abs));
  ProcSyscall poll_timeout{7, {0x7ffe0, 1, 1000}, 0}, poll_forever{7, {0x7ffe0, 1, 0xffffffff}, 0};
  EXPECT_TRUE(resumes_as_restart_syscall(poll_timeout));
  EXPECT_FALSE(resumes_as_restart_syscall(poll_forever));
  ProcSyscall futex_timed{202, {0x7ffe0, 0x80, 1, 0x7ffe8}, 0}, futex_forever{202, {0x7ffe0, 0x80, 1, 0}, 0};
  EXPECT_TRUE(resumes_as_restart_syscall(futex_timed));  // FUTEX_WAIT_PRIVATE
  EXPECT_FALSE(resumes_as_restart_syscall(futex_forever));
  ProcSyscall read{0, {0, 0x7ffe0, 10}, 0};
  EXPECT_FALSE(resumes_as_restart_syscall(read));
}

}  // namespace sct
