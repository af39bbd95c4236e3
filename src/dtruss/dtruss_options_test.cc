// dtruss's option logic (AP dtruss's getopts and "Option logic" block).
#include "dtruss/dtruss_options.h"

#include <gtest/gtest.h>

#include <vector>

#include "dtruss/dtruss_layouts.h"

namespace sct {
namespace {

std::optional<DtrussConfig> parse(std::vector<const char*> words, DtrussCliError* err = nullptr) {
  DtrussCliError local;
  words.insert(words.begin(), "dtruss");
  return parse_dtruss_args(static_cast<int>(words.size()), const_cast<char**>(words.data()), err ? err : &local);
}

TEST(DtrussOptions, CommandStartsAtFirstWord) {
  auto c = parse({"-ef", "ls", "-l", "/"});
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->elapsed);
  EXPECT_TRUE(c->follow);
  EXPECT_EQ(c->command, (std::vector<std::string>{"ls", "-l", "/"}));
}

TEST(DtrussOptions, AttachedAndSeparateArguments) {
  auto c = parse({"-topen", "-b", "8m", "true"});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->trace, "open");
  EXPECT_EQ(c->bufsize, "8m");
  auto p = parse({"-p", "123"});
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->have_pid);
  EXPECT_EQ(p->pid, 123);
  EXPECT_EQ(parse({"-t", "exec", "true"})->trace, "execve");
}

TEST(DtrussOptions, UsageCases) {
  DtrussCliError err;
  EXPECT_FALSE(parse({}, &err));
  EXPECT_TRUE(err.message.empty());
  EXPECT_TRUE(err.show_usage);
  EXPECT_FALSE(parse({"-h"}, &err));
  EXPECT_FALSE(parse({"-x", "true"}, &err));
  EXPECT_EQ(err.message, "illegal option -- x");
  EXPECT_FALSE(parse({"true", "-t"}, &err) == std::nullopt);  // -t belongs to the command
  EXPECT_FALSE(parse({"-t"}, &err));
  EXPECT_EQ(err.message, "option requires an argument -- t");
  EXPECT_FALSE(parse({"-p", "abc"}, &err));
  EXPECT_FALSE(parse({"-p", "1", "ls"}, &err));
  EXPECT_FALSE(parse({"-b", "lots", "ls"}, &err));
}

TEST(DtrussOptions, Columns) {
  auto cols = [](std::vector<const char*> w) { return dtruss_columns(*parse(w)); };
  EXPECT_FALSE(cols({"ls"}).printid);
  EXPECT_TRUE(cols({"-f", "ls"}).printid);
  EXPECT_FALSE(cols({"-f", "-L", "ls"}).printid);
  EXPECT_TRUE(cols({"-l", "ls"}).printid);
  EXPECT_FALSE(cols({"-L", "ls"}).printid);
  DtrussColumns all = cols({"-a", "ls"});
  EXPECT_TRUE(all.printid && all.relative && all.elapsed && all.cpu);
  EXPECT_TRUE(parse({"-a", "ls"})->counts);
  EXPECT_TRUE(parse({"-a", "ls"})->follow);
}

TEST(DtrussOptions, Unsupported) {
  EXPECT_TRUE(dtruss_unsupported(*parse({"-s", "ls"})));
  EXPECT_FALSE(dtruss_unsupported(*parse({"-n", "valk"})));
  EXPECT_FALSE(dtruss_unsupported(*parse({"-W", "valk"})));
  EXPECT_TRUE(dtruss_unsupported(*parse({"-t", "nosuchcall", "ls"})));
  EXPECT_FALSE(dtruss_unsupported(*parse({"-t", "open", "ls"})));
  EXPECT_FALSE(dtruss_unsupported(*parse({"-t", "mmap", "ls"})));
}

TEST(DtrussOptions, TraceMatching) {
  EXPECT_TRUE(dtruss_trace_matches("", "read"));
  EXPECT_TRUE(dtruss_trace_matches("open", "open"));
  EXPECT_TRUE(dtruss_trace_matches("open", "openat"));
  EXPECT_FALSE(dtruss_trace_matches("open", "openat2"));
  EXPECT_FALSE(dtruss_trace_matches("mmap", "munmap"));
}

TEST(DtrussOptions, UsageMentionsLinuxDifferences) {
  std::string u = dtruss_usage();
  EXPECT_NE(u.find("-t open also matches openat"), std::string::npos);
  EXPECT_NE(u.find("not supported yet"), std::string::npos);
  EXPECT_NE(u.find("          -p PID          # examine this PID\n"), std::string::npos);
}

}  // namespace
}  // namespace sct
