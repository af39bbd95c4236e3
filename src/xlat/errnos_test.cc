#include "xlat/errnos.h"

#include <gtest/gtest.h>

#include <string>

namespace sct {
namespace {

TEST(Errnos, NamesAsStracePrintsThem) {
  EXPECT_STREQ(errno_name(1), "EPERM");
  EXPECT_STREQ(errno_name(2), "ENOENT");
  EXPECT_STREQ(errno_name(11), "EAGAIN");
  EXPECT_STREQ(errno_name(35), "EDEADLK");
  EXPECT_STREQ(errno_name(95), "EOPNOTSUPP");
  EXPECT_STREQ(errno_name(133), "EHWPOISON");
  EXPECT_STREQ(errno_name(512), "ERESTARTSYS");
  EXPECT_STREQ(errno_name(516), "ERESTART_RESTARTBLOCK");
  EXPECT_STREQ(errno_name(524), "ENOTSUPP");
  EXPECT_STREQ(errno_name(530), "ERECALLCONFLICT");
  // strace 6.1 prints these as "(errno N)".
  for (int unnamed : {0, 41, 58, 134, 511, 519, 520, 531, 4095, -1})
    EXPECT_EQ(errno_name(unnamed), nullptr) << unnamed;
}

TEST(Errnos, Messages) {
  EXPECT_STREQ(errno_message(2), "No such file or directory");
  EXPECT_STREQ(errno_message(11), "Resource temporarily unavailable");
  EXPECT_STREQ(errno_message(512), "To be restarted if SA_RESTART is set");
  EXPECT_STREQ(errno_message(513), "To be restarted");
  EXPECT_STREQ(errno_message(514), "To be restarted if no handler");
  EXPECT_STREQ(errno_message(516), "Interrupted by signal");
  EXPECT_STREQ(errno_message(515), "Unknown error 515");
  EXPECT_STREQ(errno_message(41), "Unknown error 41");
  EXPECT_STREQ(errno_message(0), "Success");
}

TEST(Errnos, ParseLikeStraceInject) {
  EXPECT_EQ(errno_parse("ENOENT"), 2);
  EXPECT_EQ(errno_parse("enoent"), 2);
  EXPECT_EQ(errno_parse("ERESTARTSYS"), 512);
  EXPECT_EQ(errno_parse("42"), 42);
  EXPECT_EQ(errno_parse("4095"), 4095);
  EXPECT_EQ(errno_parse("EWOULDBLOCK"), std::nullopt);
  EXPECT_EQ(errno_parse("ENOTSUP"), std::nullopt);
  EXPECT_EQ(errno_parse("0"), std::nullopt);
  EXPECT_EQ(errno_parse("4096"), std::nullopt);
  EXPECT_EQ(errno_parse(""), std::nullopt);
  for (int e = 1; e <= 530; ++e)
    if (const char* name = errno_name(e)) {
      EXPECT_EQ(errno_parse(name), e) << name;
    }
}

}  // namespace
}  // namespace sct
