#include "backend/bpf/fatal_signals.h"

#include <gtest/gtest.h>

#include <cstring>

namespace sct {
namespace {

siginfo_t info_of(int sig, int code) {
  siginfo_t i;
  memset(&i, 0, sizeof i);
  i.si_signo = sig;
  i.si_code = code;
  return i;
}

// Wait statuses: killed by sig, or exited with code.
int killed_by(int sig) { return sig; }
int exited_with(int code) { return code << 8; }

TEST(FatalSignals, AGroupExitShowsTheSignalTheStatusNames) {
  FatalSignals f;
  f.generated(100, info_of(SIGTERM, SI_USER));
  f.hold_kill(101);
  auto shown = f.at_exit(101, 100, killed_by(SIGTERM));
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->si_signo, SIGTERM);
  EXPECT_EQ(shown->si_code, SI_USER);
}

TEST(FatalSignals, ARealSigkillShowsNoSignalLine) {
  // strace never sees SIGKILL delivered: only "+++ killed by SIGKILL +++".
  FatalSignals f;
  f.generated(100, info_of(SIGTERM, SI_USER));  // generated, but not what killed it
  f.hold_kill(100);
  EXPECT_FALSE(f.at_exit(100, 100, killed_by(SIGKILL)));
}

TEST(FatalSignals, NothingHeldNothingShown) {
  FatalSignals f;
  f.generated(100, info_of(SIGTERM, SI_USER));
  EXPECT_FALSE(f.at_exit(100, 100, exited_with(0)));
  f.hold_kill(100);
  EXPECT_TRUE(f.at_exit(100, 100, killed_by(SIGTERM)));
  EXPECT_FALSE(f.at_exit(100, 100, killed_by(SIGTERM)));  // shown once
}

}  // namespace
}  // namespace sct
