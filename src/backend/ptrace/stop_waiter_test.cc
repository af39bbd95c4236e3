#include "backend/ptrace/stop_waiter.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "backend/interrupt.h"

namespace sct {
namespace {

// A child that exits after `ms` milliseconds: a "stop" far beyond any poll limit.
pid_t child_exiting_after(int ms) {
  pid_t pid = fork();
  if (pid == 0) {
    usleep(ms * 1000);
    _exit(7);
  }
  return pid;
}

TEST(StopWaiter, NoPollingWithoutLimit) {
  StopWaiter waiter(0);
  pid_t child = child_exiting_after(5);
  int status = 0;
  struct rusage ru;
  EXPECT_EQ(waiter.wait(&status, &ru), child);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);
  EXPECT_EQ(waiter.polls_won() + waiter.polls_lost(), 0u);
}

TEST(StopWaiter, SlowStopsTurnPollingOffForAWhile) {
  StopWaiter waiter(100 * 1000);  // 100 us, far below the child's 20 ms
  int status = 0;
  struct rusage ru;
  for (int i = 0; i < 6; ++i) {
    pid_t child = child_exiting_after(20);
    ASSERT_EQ(waiter.wait(&status, &ru), child);
  }
  // Four polls ran out; the next waits sleep at once.
  EXPECT_EQ(waiter.polls_lost(), 4u);
  EXPECT_EQ(waiter.polls_won(), 0u);
}

TEST(StopWaiter, PollEndsWhenTheTracerIsAskedToStop) {
  StopWaiter waiter(int64_t{60} * 1000 * 1000 * 1000);  // a minute: only the signal ends it
  pid_t child = child_exiting_after(200);
  g_interrupt_signal = SIGINT;
  int status = 0;
  struct rusage ru;
  errno = 0;
  EXPECT_EQ(waiter.wait(&status, &ru), -1);
  EXPECT_EQ(errno, EINTR);
  g_interrupt_signal = 0;
  EXPECT_EQ(waitpid(child, &status, 0), child);
}

TEST(StopWaiter, EnvironmentSetsTheLimit) {
  setenv("SCTRACE_SPIN_US", "7", 1);
  EXPECT_EQ(StopWaiter().spin_limit_ns(), 7000);
  setenv("SCTRACE_SPIN_US", "0", 1);
  EXPECT_EQ(StopWaiter().spin_limit_ns(), 0);
  unsetenv("SCTRACE_SPIN_US");
}

}  // namespace
}  // namespace sct
