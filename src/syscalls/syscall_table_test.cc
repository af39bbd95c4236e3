#include "syscalls/syscall_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace sct {
namespace {

TEST(SyscallTable, CoversTheKernelsNumbering) {
  // 0..336 and 424..469 on the 6.18 kernel; 337..423 are reserved.
  EXPECT_EQ(syscall_table_size(), 470);
  EXPECT_GE(syscall_numbers().size(), 370u);
  EXPECT_EQ(syscall_numbers().size(), 383u);
  EXPECT_EQ(syscall_row(337), nullptr);
  EXPECT_EQ(syscall_row(423), nullptr);
  EXPECT_EQ(syscall_row(470), nullptr);
  EXPECT_EQ(syscall_row(-1), nullptr);
  EXPECT_EQ(syscall_row(512), nullptr);  // x32 ABI, not ours
  long prev = -1;
  for (long nr : syscall_numbers()) {
    EXPECT_GT(nr, prev);
    prev = nr;
    const SyscallRow* row = syscall_row(nr);
    ASSERT_NE(row, nullptr) << nr;
    EXPECT_EQ(syscall_number(row->name), nr) << row->name;
    EXPECT_LE(row->nargs, 6);
    for (int i = 0; i < row->nargs; ++i) {
      EXPECT_NE(row->args[i].name, nullptr) << row->name << " arg " << i;
      if (row->args[i].kind == ArgKind::InBuf) {
        EXPECT_GE(row->args[i].len_arg, 0) << row->name;
        EXPECT_LT(row->args[i].len_arg, row->nargs) << row->name;
      }
    }
    for (int i = row->nargs; i < 6; ++i) EXPECT_EQ(row->args[i].name, nullptr) << row->name;
  }
}

TEST(SyscallTable, NumbersAndNamesBothWays) {
  const std::pair<long, const char*> known[] = {
      {0, "read"},        {1, "write"},        {2, "open"},        {9, "mmap"},
      {59, "execve"},     {60, "exit"},        {231, "exit_group"}, {257, "openat"},
      {262, "newfstatat"}, {332, "statx"},     {334, "rseq"},      {336, "uprobe"},
      {435, "clone3"},    {437, "openat2"},    {450, "set_mempolicy_home_node"},
      {462, "mseal"},     {469, "file_setattr"},
  };
  for (auto [nr, name] : known) {
    ASSERT_NE(syscall_row(nr), nullptr) << nr;
    EXPECT_STREQ(syscall_row(nr)->name, name);
    EXPECT_EQ(syscall_number(name), nr);
  }
  EXPECT_EQ(syscall_number("no_such_syscall"), -1);
  EXPECT_EQ(syscall_number(""), -1);
  EXPECT_EQ(syscall_number("rea"), -1);
}

uint32_t classes(const char* name) { return syscall_row(syscall_number(name))->classes; }

TEST(SyscallTable, ClassesMatchStrace61) {
  EXPECT_EQ(classes("read"), kTraceDesc);
  EXPECT_EQ(classes("openat"), kTraceFile | kTraceDesc);
  EXPECT_EQ(classes("open"), kTraceFile | kTraceDesc);
  EXPECT_EQ(classes("getpid"), kTracePure | kNeverFails);
  EXPECT_EQ(classes("getuid"), kTraceCreds | kTracePure | kNeverFails);
  EXPECT_EQ(classes("newfstatat"), kTraceFile | kTraceDesc | kTraceFstat | kTraceStatLike);
  EXPECT_EQ(classes("stat"), kTraceFile | kTraceStat | kTraceStatLike);
  EXPECT_EQ(classes("lstat"), kTraceFile | kTraceLstat | kTraceStatLike);
  EXPECT_EQ(classes("statfs"), kTraceFile | kTraceStatfs | kTraceStatfsLike);
  EXPECT_EQ(classes("fstatfs"), kTraceDesc | kTraceFstatfs | kTraceStatfsLike);
  EXPECT_EQ(classes("ustat"), kTraceStatfsLike);
  EXPECT_EQ(classes("mmap"), kTraceDesc | kTraceMemory | kMemoryMappingChange);
  EXPECT_EQ(classes("execve"), kTraceFile | kTraceProcess | kMemoryMappingChange | kCommChange);
  EXPECT_EQ(classes("execveat"),
            kTraceFile | kTraceDesc | kTraceProcess | kMemoryMappingChange | kCommChange);
  EXPECT_EQ(classes("prctl"), kTraceCreds | kCommChange);
  EXPECT_EQ(classes("kill"), kTraceSignal | kTraceProcess);
  EXPECT_EQ(classes("socket"), kTraceNetwork);
  EXPECT_EQ(classes("sendfile"), kTraceDesc | kTraceNetwork);
  EXPECT_EQ(classes("shmat"), kTraceIpc | kTraceMemory | kMemoryMappingChange);
  EXPECT_EQ(classes("clock_gettime"), kTraceClock);
  EXPECT_EQ(classes("umask"), kNeverFails);
  EXPECT_EQ(classes("sched_yield"), 0u);
  EXPECT_EQ(classes("close_range"), 0u);
  EXPECT_EQ(classes("pidfd_send_signal"), kTraceDesc | kTraceSignal | kTraceProcess);
}

TEST(SyscallTable, ArgumentsAndReturnKinds) {
  const SyscallRow* openat = syscall_row(257);
  ASSERT_EQ(openat->nargs, 4);
  EXPECT_STREQ(openat->args[0].name, "dfd");
  EXPECT_EQ(openat->args[0].kind, ArgKind::DirFd);
  EXPECT_STREQ(openat->args[1].name, "filename");
  EXPECT_EQ(openat->args[1].kind, ArgKind::Path);
  EXPECT_EQ(openat->args[3].kind, ArgKind::Oct);
  EXPECT_EQ(openat->ret, RetKind::Fd);

  const SyscallRow* write = syscall_row(1);
  EXPECT_EQ(write->args[1].kind, ArgKind::InBuf);
  EXPECT_EQ(write->args[1].len_arg, 2);
  EXPECT_EQ(syscall_row(0)->args[1].kind, ArgKind::OutBuf);

  EXPECT_EQ(syscall_row(syscall_number("brk"))->ret, RetKind::Hex);
  EXPECT_EQ(syscall_row(syscall_number("mmap"))->ret, RetKind::Hex);
  EXPECT_EQ(syscall_row(syscall_number("mremap"))->ret, RetKind::Hex);
  EXPECT_EQ(syscall_row(syscall_number("shmat"))->ret, RetKind::Hex);
  EXPECT_EQ(syscall_row(syscall_number("umask"))->ret, RetKind::Oct);
  EXPECT_EQ(syscall_row(syscall_number("exit"))->ret, RetKind::NoReturn);
  EXPECT_EQ(syscall_row(syscall_number("exit_group"))->ret, RetKind::NoReturn);
  for (const char* fd_returning : {"open", "creat", "socket", "accept", "accept4", "dup", "dup3",
                                   "epoll_create1", "eventfd2", "memfd_create", "pidfd_open",
                                   "timerfd_create", "signalfd4", "inotify_init1"})
    EXPECT_EQ(syscall_row(syscall_number(fd_returning))->ret, RetKind::Fd) << fd_returning;
  EXPECT_EQ(syscall_row(syscall_number("getpid"))->ret, RetKind::Int);
  EXPECT_EQ(syscall_row(syscall_number("kill"))->args[1].kind, ArgKind::Signal);
}

// strace 6.1's table ends at set_mempolicy_home_node: the strace face treats
// later rows and the numbering's holes as unknown, the table still names them.
TEST(SyscallTable, Strace61KnowsUpTo450) {
  EXPECT_TRUE(strace61_knows(syscall_number("set_mempolicy_home_node")));
  EXPECT_TRUE(strace61_knows(syscall_number("futex_waitv")));
  EXPECT_TRUE(strace61_knows(0));
  for (const char* newer : {"cachestat", "fchmodat2", "map_shadow_stack", "futex_wake", "mseal", "file_setattr"}) {
    ASSERT_GT(syscall_number(newer), kStrace61LastSyscall) << newer;
    EXPECT_FALSE(strace61_knows(syscall_number(newer))) << newer;
  }
  EXPECT_FALSE(strace61_knows(400));  // a hole
  EXPECT_FALSE(strace61_knows(-1));
  EXPECT_FALSE(strace61_knows(1023));
}

}  // namespace
}  // namespace sct
