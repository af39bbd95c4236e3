#include "xlat/signals.h"

#include <gtest/gtest.h>

namespace sct {
namespace {

TEST(Signals, NamesAsStracePrintsThem) {
  EXPECT_EQ(signal_name(1), "SIGHUP");
  EXPECT_EQ(signal_name(6), "SIGABRT");
  EXPECT_EQ(signal_name(9), "SIGKILL");
  EXPECT_EQ(signal_name(15), "SIGTERM");
  EXPECT_EQ(signal_name(16), "SIGSTKFLT");
  EXPECT_EQ(signal_name(29), "SIGIO");
  EXPECT_EQ(signal_name(31), "SIGSYS");
  EXPECT_EQ(signal_name(32), "SIGRTMIN");
  EXPECT_EQ(signal_name(33), "SIGRT_1");
  EXPECT_EQ(signal_name(34), "SIGRT_2");
  EXPECT_EQ(signal_name(64), "SIGRT_32");
  EXPECT_EQ(signal_name(0), "");
  EXPECT_EQ(signal_name(65), "");
  EXPECT_EQ(signal_name(-1), "");
  EXPECT_EQ(signal_name_or_number(0), "0");
  EXPECT_EQ(signal_name_or_number(65), "65");
  EXPECT_EQ(signal_name_or_number(17), "SIGCHLD");
}

TEST(Signals, ParseLikeStrace) {
  EXPECT_EQ(signal_parse("SIGTERM"), 15);
  EXPECT_EQ(signal_parse("TERM"), 15);
  EXPECT_EQ(signal_parse("term"), 15);
  EXPECT_EQ(signal_parse("sigkill"), 9);
  EXPECT_EQ(signal_parse("15"), 15);
  EXPECT_EQ(signal_parse("65"), 65);  // strace takes any number up to 255
  EXPECT_EQ(signal_parse("0"), 0);
  EXPECT_EQ(signal_parse("RTMIN"), 32);
  EXPECT_EQ(signal_parse("SIGRTMIN"), 32);
  EXPECT_EQ(signal_parse("SIGRT_3"), 35);
  EXPECT_EQ(signal_parse("rt_3"), 35);
  EXPECT_EQ(signal_parse("SIGRT_32"), 64);
  // Names strace 6.1 rejects.
  EXPECT_EQ(signal_parse("SIGRT_33"), std::nullopt);
  EXPECT_EQ(signal_parse("SIGRTMAX"), std::nullopt);
  EXPECT_EQ(signal_parse("IOT"), std::nullopt);
  EXPECT_EQ(signal_parse("POLL"), std::nullopt);
  EXPECT_EQ(signal_parse("256"), std::nullopt);
  EXPECT_EQ(signal_parse(""), std::nullopt);
  EXPECT_EQ(signal_parse("SIG"), std::nullopt);
  EXPECT_EQ(signal_parse("15x"), std::nullopt);
  for (int sig = 1; sig <= kMaxSignal; ++sig) EXPECT_EQ(signal_parse(signal_name(sig)), sig);
}

}  // namespace
}  // namespace sct
