// dtruss's formats pinned byte for byte (AP dtruss, reference section 4.2).
#include "dtruss/dtruss_format.h"

#include <gtest/gtest.h>

#include "dtruss/dtruss_layouts.h"
#include "syscalls/syscall_table.h"

namespace sct {
namespace {

DtrussString str(std::string bytes, bool nul = true) {
  DtrussString s;
  s.bytes = std::move(bytes);
  s.nul = nul;
  return s;
}

DtrussRow row(std::string_view name, std::initializer_list<uint64_t> args, int64_t ret, int err = 0) {
  DtrussRow r;
  r.name = name;
  r.layout = &dtruss_layout(name);
  int i = 0;
  for (uint64_t a : args) r.args[i++] = a;
  r.ret = ret;
  r.err = err;
  return r;
}

TEST(DtrussFormat, Headers) {
  EXPECT_EQ(format_header({}), "SYSCALL(args) \t\t = return\n");
  EXPECT_EQ(format_header({true, true, true, true}), "\tPID/THRD  RELATIVE  ELAPSD    CPU SYSCALL(args) \t\t = return\n");
  EXPECT_EQ(format_header({false, false, true, false}), " ELAPSD SYSCALL(args) \t\t = return\n");
  EXPECT_EQ(format_header({true, false, false, false}), "\tPID/THRD  SYSCALL(args) \t\t = return\n");
  EXPECT_EQ(format_header({false, false, true, true}), " ELAPSD    CPU SYSCALL(args) \t\t = return\n");
}

TEST(DtrussFormat, PrefixAndForkLine) {
  DtrussStamp st{4966, 0x54c8, 234, 60, 1};
  EXPECT_EQ(format_prefix({true, true, true, true}, st), " 4966/0x54c8:       234      60      1 ");
  st.relative_us = 232;
  EXPECT_EQ(format_fork_line({true, true, true, true}, st),
            " 4966/0x54c8:       232:        0:       0 fork()\t\t = 0 0\n");
  EXPECT_EQ(format_fork_line({}, st), "fork()\t\t = 0 0\n");
}

TEST(DtrussFormat, PathRows) {
  auto r = row("open", {0x1000, 0x80000, 0}, 3);
  r.strings[0] = str("/etc/ld.so.cache");
  EXPECT_EQ(format_body(r), "open(\"/etc/ld.so.cache\\0\", 0x80000, 0x0)\t\t = 3 0\n");

  auto o = row("openat", {static_cast<uint64_t>(-100), 0x1000, 0, 0}, 0, 2);
  o.strings[1] = str("/nonexistent");
  EXPECT_EQ(format_body(o), "openat(0xFFFFFFFFFFFFFF9C, \"/nonexistent\\0\", 0x0, 0x0)\t\t = -1 Err#2\n");

  auto u = row("unlinkat", {static_cast<uint64_t>(-100), 0x1000, 0}, 0, 13);
  u.strings[1] = str("x");
  EXPECT_EQ(format_body(u), "unlinkat(0xFFFFFFFFFFFFFF9C, \"x\\0\", 0x0)\t\t = -1 Err#13\n");

  auto bad = row("openat", {static_cast<uint64_t>(-100), 0, 0, 0}, 0, 14);
  bad.strings[1].readable = false;
  EXPECT_EQ(format_body(bad), "openat(0xFFFFFFFFFFFFFF9C, 0x0, 0x0, 0x0)\t\t = -1 Err#14\n");
}

TEST(DtrussFormat, BufferRows) {
  auto w = row("write", {1, 0x1000, 6}, 6);
  w.strings[1] = str("hello\n");
  EXPECT_EQ(format_body(w), "write(0x1, \"hello\\n\\0\", 0x6)\t\t = 6 0\n");
  auto r0 = row("read", {0x3F, 0x1000, 0x400}, 0);
  EXPECT_EQ(format_body(r0), "read(0x3F, \"\\0\", 0x400)\t\t = 0 0\n");
  auto p = row("pread64", {3, 0x1000, 4, 8}, 4);
  p.strings[1] = str("ab");
  EXPECT_EQ(format_body(p), "pread64(0x3, \"ab\\0\", 0x4, 0x8)\t\t = 4 0\n");
}

TEST(DtrussFormat, OtherClauses) {
  EXPECT_EQ(format_body(row("close", {3}, 0)), "close(0x3)\t\t = 0 0\n");
  EXPECT_EQ(format_body(row("close", {static_cast<uint64_t>(-1)}, 0, 9)),
            "close(0xFFFFFFFFFFFFFFFF)\t\t = -1 Err#9\n");
  EXPECT_EQ(format_body(row("clone", {0x1200011, 0, 0}, 4242)), "clone()\t\t = 4242 0\n");
  EXPECT_EQ(format_body(row("munmap", {0x7f0000000000, 4096}, 0)), "munmap(0x7F0000000000, 0x1000)\t\t = 0 0\n");
  EXPECT_EQ(format_body(row("mmap", {0, 4096, 3, 0x22, static_cast<uint64_t>(-1), 0}, 0x7f0000000000)),
            "mmap(0x0, 0x1000, 0x3, 0x22, 0xFFFFFFFFFFFFFFFF, 0x0)\t\t = 0x7F0000000000 0\n");
  EXPECT_EQ(format_body(row("mmap", {0, 0, 3, 0x22, 0, 0}, 0, 22)),
            "mmap(0x0, 0x0, 0x3, 0x22, 0x0, 0x0)\t\t = 0xFFFFFFFFFFFFFFFF Err#22\n");
  EXPECT_EQ(format_body(row("rt_sigprocmask", {2, 0x1000, 0, 8}, 0)),
            "rt_sigprocmask(0x2, 0x1000, 0x0)\t\t = 0x0 0\n");
  EXPECT_EQ(format_body(row("rt_sigprocmask", {static_cast<uint64_t>(-5), 0, 0, 8}, 0, 22)),
            "rt_sigprocmask(0xFFFFFFFB, 0x0, 0x0)\t\t = 0xFFFFFFFF Err#22\n");
  EXPECT_EQ(format_body(row("kill", {1234, 0}, 0)), "kill(1234, 0)\t\t = 0 0\n");
  EXPECT_EQ(format_body(row("kill", {static_cast<uint64_t>(-1), 9}, 0, 1)), "kill(-1, 9)\t\t = -1 Err#1\n");
  EXPECT_EQ(format_body(row("getpid", {}, 77)), "getpid(0x0, 0x0, 0x0)\t\t = 77 0\n");
  EXPECT_EQ(format_body(row("select", {0, 0, 0, 0, 0x1000}, 0)), "select(0x0, 0x0, 0x0, 0x0, 0x1000)\t\t = 0 0\n");

  auto rn = row("renameat2", {static_cast<uint64_t>(-100), 1, static_cast<uint64_t>(-100), 2, 5}, 0, 2);
  rn.strings[1] = str("a");
  rn.strings[3] = str("b");
  EXPECT_EQ(format_body(rn),
            "renameat2(0xFFFFFFFFFFFFFF9C, \"a\\0\", 0xFFFFFFFFFFFFFF9C, \"b\\0\", "
            "RENAME_NOREPLACE|0|RENAME_WHITEOUT)\t\t = -1 Err#2\n");
  auto ln = row("linkat", {static_cast<uint64_t>(-100), 1, static_cast<uint64_t>(-100), 0, 0x400}, 0, 2);
  ln.strings[1] = str("a");
  EXPECT_EQ(format_body(ln), "linkat(0xFFFFFFFFFFFFFF9C, \"a\\0\", 0xFFFFFFFFFFFFFF9C, \"\\0\", 0x400)\t\t = -1 Err#2\n");
  auto sy = row("symlinkat", {1, static_cast<uint64_t>(-100), 2}, 0);
  sy.strings[0] = str("target");
  sy.strings[2] = str("link");
  EXPECT_EQ(format_body(sy), "symlinkat(\"target\\0\", 0xFFFFFFFFFFFFFF9C, \"link\\0\")\t\t = 0 0\n");
  auto rename = row("rename", {1, 2}, 0);
  rename.strings[0] = str("a");
  rename.strings[1] = str("b");
  EXPECT_EQ(format_body(rename), "rename(\"a\\0\", \"b\\0\")\t\t = 0 0\n");
  auto fc = row("fchownat", {3, 1, 0, 0, 0x100}, 0);
  fc.strings[1] = str("f");
  EXPECT_EQ(format_body(fc), "fchownat(0x3, \"f\\0\", 0x0, 0x0, 0x100)\t\t = 0 0\n");
}

TEST(DtrussFormat, Escapes) {
  EXPECT_EQ(dtrace_escape(str(std::string("a b\"\\\a\b\f\n\r\t\v\x01\x7f\xff", 15))),
            "a b\\\"\\\\\\a\\b\\f\\n\\r\\t\\v\\001\\177\\377\\0");
  EXPECT_EQ(dtrace_escape(str("full", false)), "full");
}

TEST(DtrussFormat, CaptureFollowsDtraceRecords) {
  FakeMemory mem;
  mem.map(0x1000, std::string("abc\0def", 7));
  mem.map(0x2000, std::string(300, 'x'));
  DtrussString p = capture_path(mem, 0x1000);
  EXPECT_EQ(p.bytes, "abc");
  EXPECT_TRUE(p.nul);
  DtrussString b = capture_buffer(mem, 0x1000, 7);  // stops at the NUL
  EXPECT_EQ(b.bytes, "abc");
  EXPECT_TRUE(b.nul);
  DtrussString big = capture_buffer(mem, 0x2000, 300);  // strsize, no NUL
  EXPECT_EQ(big.bytes.size(), 256u);
  EXPECT_FALSE(big.nul);
  DtrussString small = capture_buffer(mem, 0x2000, 10);  // zero-padded record
  EXPECT_EQ(small.bytes, "xxxxxxxxxx");
  EXPECT_TRUE(small.nul);
  EXPECT_FALSE(capture_path(mem, 0x9000).readable);
  EXPECT_EQ(capture_buffer(mem, 0x9000, 0).bytes, "");
}

TEST(DtrussFormat, Counts) {
  std::map<std::string, uint64_t> counts{{"read", 3}, {"close", 1}, {"brk", 3}};
  EXPECT_EQ(format_counts(counts),
            "\nCALL                                        COUNT\n"
            "close                                           1\n"
            "brk                                             3\n"
            "read                                            3\n");
}

TEST(DtrussLayouts, EveryMappedNameIsALinuxSyscall) {
  size_t n = 0;
  const DtrussMapping* m = dtruss_mappings(&n);
  for (size_t i = 0; i < n; ++i) {
    EXPECT_GE(syscall_number(m[i].syscall), 0) << m[i].syscall;
    if (i) {
      EXPECT_LT(std::string_view(m[i - 1].syscall), std::string_view(m[i].syscall)) << "keep sorted";
    }
    EXPECT_EQ(&dtruss_layout(m[i].syscall), m[i].layout);
  }
}

}  // namespace
}  // namespace sct
