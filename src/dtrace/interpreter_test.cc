// The interpreter over synthetic events (the fake event source of
// test_harness.h), checked byte for byte against the formats the reference
// quotes (testing mode: no CPU/ID columns).
#include "dtrace/interpreter.h"

#include <gtest/gtest.h>

#include "dtrace/test_harness.h"

namespace sct::dtrace {
namespace {

using testing::DRun;
using testing::testing_options;

constexpr long kRead = 0, kOpen = 2, kOpenat = 257;
constexpr uint32_t kReadEntry = 4, kReadReturn = 5;

TEST(DInterp, BeginExitNonQuiet) {
  DRun r("BEGIN { exit(0); }");
  r.begin();
  EXPECT_TRUE(r.interp->exited());
  EXPECT_EQ(r.finish(), "                   FUNCTION:NAME\n                          :BEGIN \n\n");
}

TEST(DInterp, QuietPrintfEndsWithExitNewline) {
  DRun r("BEGIN { printf(\"hello\"); exit(0); }", testing_options(true));
  r.begin();
  EXPECT_EQ(r.finish(), "hello\n");
}

TEST(DInterp, TraceWidths) {
  DRun r("BEGIN { trace(arg0); trace(pid); trace((short)-1); trace((char)-1); trace(\"hello\"); }");
  r.begin();
  EXPECT_EQ(r.output.stdout_text,
            "                   FUNCTION:NAME\n"
            "                          :BEGIN                 0      100 65535 255  hello                            \n");
}

TEST(DInterp, TraceOfEmptyStringIsAHexDump) {
  RuntimeOptions o = testing_options(true);
  o.strsize = 16;
  DRun r("BEGIN { trace(\"\"); }", o);
  r.begin();
  EXPECT_EQ(r.output.stdout_text,
            "\n"
            "             0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f  0123456789abcdef\n"
            "         0: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................\n");
}

TEST(DInterp, ClausesWithoutRecordsPrintNothing) {
  DRun r("BEGIN { x = 1; } BEGIN { } BEGIN { @a = count(); } BEGIN /x == 1/ { trace(x); }");
  r.begin();
  EXPECT_EQ(r.output.stdout_text,
            "                   FUNCTION:NAME\n"
            "                          :BEGIN \n"
            "                          :BEGIN         1\n");  // x is an int: " %8d"
}

TEST(DInterp, PrintfSignednessFollowsTheType) {
  DRun r("BEGIN { printf(\"%d %d %d %x %u %5s|%-4d|%S\", timestamp - 2000, (int)-1, arg0 - 1, (int)-1, (char)-1, \"ab\", 7, \"a\\tb\"); }",
         testing_options(true));
  r.begin();
  EXPECT_EQ(r.output.stdout_text, "18446744073709550616 -1 -1 ffffffff 4294967295    ab|7   |a\\tb\\0");
}

TEST(DInterp, ThreadLocalsAndProgramOrder) {
  // The seed's read one-liner: self->fd from entry is seen at return, and the
  // first return clause's reset is visible to the second clause's predicate.
  DRun r(R"(syscall::read:entry /execname == "valk"/ { self->fd = arg0; }
syscall::read:return /execname == "valk" && self->fd/ { printf("read(%d) = %d bytes", self->fd, arg1); self->fd = 0; }
syscall::read:return /self->fd/ { printf("never"); })",
         testing_options(true));
  r.entry(kRead, {3, 0x1000, 64});
  r.entry(kRead, {5, 0x1000, 64}, 200);  // another thread, not valk
  r.exit(kRead, 10, 0, 200);
  r.exit(kRead, 64);
  EXPECT_EQ(r.output.stdout_text, "read(3) = 64 bytes");
}

TEST(DInterp, ReturnProbeArgsAndErrno) {
  DRun r("syscall::open*:return { printf(\"%s %d %d %d\\n\", probefunc, arg0, arg1, errno); }", testing_options(true));
  r.exit(kOpenat, 3);
  r.exit(kOpen, -2, 2);
  EXPECT_EQ(r.output.stdout_text, "openat 3 3 0\nopen -1 -1 2\n");
}

TEST(DInterp, CopyinstrAndFaults) {
  DRun r("syscall::openat:entry { printf(\"%s %s\", execname, copyinstr(arg1)); }");
  r.memory.map(0x1000, std::string("/etc/passwd\0", 12));
  r.entry(kOpenat, {uint64_t(-100), 0x1000, 0});
  r.entry(kOpenat, {uint64_t(-100), 0x9999, 0});
  EXPECT_EQ(r.output.stdout_text,
            "                   FUNCTION:NAME\n"
            "                    openat:entry valk /etc/passwd\n");
  EXPECT_EQ(r.output.stderr_text,
            "dtrace: error on enabled probe ID 1 (ID 518: syscall:vmlinux:openat:entry): invalid address (0x9999) in action #2\n");
}

TEST(DInterp, SeedCopyinstrArg0FaultsOnOpenat) {
  DRun r("syscall::open*:entry /execname==\"valk\"/ { printf(\"%s\", copyinstr(arg0)); }", testing_options(true));
  r.entry(kOpenat, {uint64_t(-100), 0x1000, 0});
  EXPECT_EQ(r.output.stdout_text, "");
  EXPECT_EQ(r.output.stderr_text,
            "dtrace: error on enabled probe ID 2 (ID 518: syscall:vmlinux:openat:entry): invalid address (0xffffffffffffff9c) in action #1\n");
}

TEST(DInterp, DivideByZeroAbandonsTheClause) {
  DRun r("BEGIN { x = 0; } BEGIN { trace(1); trace(1 / x); } BEGIN { trace(2); }", testing_options(true));
  r.begin();
  EXPECT_EQ(r.output.stdout_text, "2");
  EXPECT_EQ(r.output.stderr_text, "dtrace: error on enabled probe ID 2 (ID 1: dtrace:::BEGIN): divide-by-zero in action #2\n");
}

TEST(DInterp, StringsSubroutinesAndTernary) {
  DRun r(R"(BEGIN {
  this->p = "/usr/lib/libc.so";
  printf("%s|%s|%d|%s|%s|", basename(this->p), dirname(this->p), strlen(this->p), strjoin("a", "b"), 1 > 2 ? "y" : "n");
  printf("%s|%s|%d", substr("hello", 1, 3), strstr("hello", "ll"), index("hello", "l"));
})",
         testing_options(true));
  r.begin();
  EXPECT_EQ(r.output.stdout_text, "libc.so|/usr/lib|16|ab|n|ell|llo|2");
}

TEST(DInterp, AssociativeArraysAndCompoundAssignment) {
  DRun r("BEGIN { a[\"x\", 1] = 5; a[\"x\", 1] += 2; n++; n <<= 3; printf(\"%d %d %d\", a[\"x\", 1], a[\"y\", 2], n); }",
         testing_options(true));
  r.begin();
  EXPECT_EQ(r.output.stdout_text, "7 0 8");
}

TEST(DInterp, InlineConstantFolding) {
  // dtruss's idiom: an action as a branch of a constant ?: .
  DRun r("inline int OPT_a = 0;\ninline int OPT_b = 1;\nBEGIN { OPT_a ? printf(\"a\") : 1; OPT_b ? printf(\"b\") : 1; }",
         testing_options(true));
  r.begin();
  EXPECT_EQ(r.output.stdout_text, "b");
}

TEST(DInterp, ExitStopsLaterFiringsButEndRuns) {
  DRun r("syscall::read:entry { exit(7); } syscall::read:entry { trace(1); } END { printf(\"end\"); }", testing_options(true));
  r.entry(kRead, {0, 0, 0});
  r.entry(kRead, {0, 0, 0});
  EXPECT_TRUE(r.exit_hook_called);
  EXPECT_EQ(r.interp->exit_status(), 7);
  EXPECT_EQ(r.finish(), "1end\n");
}

TEST(DInterp, ProbeBuiltinsAndMacroArgs) {
  DRun r("syscall::read:entry /pid == $1/ { printf(\"%s:%s:%s:%s %d\", probeprov, probemod, probefunc, probename, id); }",
         testing_options(true), false, {"100"});
  r.entry(kRead, {0, 0, 0});
  r.entry(kRead, {0, 0, 0}, 200);
  EXPECT_EQ(r.output.stdout_text, "syscall:vmlinux:read:entry 4");
}

TEST(DInterp, SlowSyscallOneLiner) {
  DRun r(R"(syscall:::entry /execname=="valk"/ { self->ts=timestamp; }
  syscall:::return /self->ts && (timestamp-self->ts)>1000000/ {
  printf("%s took %d us", probefunc, (timestamp-self->ts)/1000); self->ts=0; })");
  r.entry(kRead, {0, 0, 0}, 100, 1000);
  r.exit(kRead, 0, 0, 100, 5000);  // 4 us: not slow
  r.entry(kRead, {0, 0, 0}, 100, 1000000);
  r.exit(kRead, 0, 0, 100, 3500000);
  EXPECT_EQ(r.output.stdout_text,
            "                   FUNCTION:NAME\n"
            "                     read:return read took 2500 us\n");
  (void)kReadEntry;
  (void)kReadReturn;
}

}  // namespace
}  // namespace sct::dtrace
