#include "dtrace/lexer.h"

#include <gtest/gtest.h>

#include "dtrace/compile_error.h"

namespace sct::dtrace {
namespace {

std::vector<Token> lex_all(const std::string& src, Lexer::Mode first = Lexer::Mode::Code, MacroEnv env = {}) {
  Lexer lx(src, env, nullptr);
  std::vector<Token> out;
  size_t pos = 0;
  Lexer::Mode mode = first;
  for (;;) {
    Token t = lx.lex(pos, mode);
    if (t.kind == Tok::Eof) break;
    out.push_back(t);
    pos = t.end;
    mode = Lexer::Mode::Code;
  }
  return out;
}

TEST(DLexer, ProbeDescriptionIsOneToken) {
  auto t = lex_all("syscall::open*:entry /x/", Lexer::Mode::ProbeDesc);
  ASSERT_GE(t.size(), 1u);
  EXPECT_EQ(t[0].kind, Tok::PSpec);
  EXPECT_EQ(t[0].text, "syscall::open*:entry");
  auto tick = lex_all("profile:::tick-1s", Lexer::Mode::ProbeDesc);
  EXPECT_EQ(tick[0].text, "profile:::tick-1s");
}

TEST(DLexer, SlashEndsPredicateOrDivides) {
  auto t = lex_all("a / b /{");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].kind, Tok::Op);
  EXPECT_EQ(t[3].kind, Tok::EPred);
}

TEST(DLexer, IntegerLiteralTypes) {
  uint64_t v;
  DType ty;
  ASSERT_TRUE(parse_int_literal("1000000", &v, &ty));
  EXPECT_EQ(ty.size, 4);
  EXPECT_TRUE(ty.is_signed);
  ASSERT_TRUE(parse_int_literal("5000000000", &v, &ty));
  EXPECT_EQ(ty.size, 8);
  ASSERT_TRUE(parse_int_literal("0xffffffff", &v, &ty));
  EXPECT_EQ(ty.size, 4);
  EXPECT_FALSE(ty.is_signed);
  ASSERT_TRUE(parse_int_literal("010", &v, &ty));
  EXPECT_EQ(v, 8u);
  ASSERT_TRUE(parse_int_literal("1ul", &v, &ty));
  EXPECT_EQ(ty.size, 8);
  EXPECT_FALSE(ty.is_signed);
}

TEST(DLexer, StringEscapesAndCharConstants) {
  auto t = lex_all(R"("a\tb\n\x41\101\"" 'c')");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "a\tb\nAA\"");
  EXPECT_EQ(t[1].kind, Tok::Int);
  EXPECT_EQ(t[1].ival, uint64_t('c'));
}

TEST(DLexer, CommentsAndAggregationNames) {
  auto t = lex_all("/* c */ @counts // tail\n @");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].kind, Tok::AggName);
  EXPECT_EQ(t[0].text, "@counts");
  EXPECT_EQ(t[1].text, "@_");
}

TEST(DLexer, MacroArguments) {
  MacroEnv env;
  env.args = {"x.d", "42", "valk", "/tmp/a b"};
  env.target = 1234;
  auto t = lex_all("$1 $2 $3 $$1 $target", Lexer::Mode::Code, env);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].kind, Tok::Int);
  EXPECT_EQ(t[0].ival, 42u);
  EXPECT_EQ(t[1].kind, Tok::Ident);
  EXPECT_EQ(t[2].kind, Tok::String);
  EXPECT_EQ(t[3].kind, Tok::String);
  EXPECT_EQ(t[3].text, "42");
  EXPECT_EQ(t[4].ival, 1234u);
  try {
    lex_all("$4", Lexer::Mode::Code, env);
    FAIL();
  } catch (const CompileError& e) {
    EXPECT_STREQ(e.what(), "macro argument $4 is not defined");
  }
}

TEST(DLexer, ControlLinesKeepLineNumbers) {
  ControlLines control;
  Lexer lx("#!/usr/sbin/dtrace -s\n#pragma D option quiet\n#pragma D option strsize=512\nBEGIN", MacroEnv{}, &control);
  Token t = lx.lex(0, Lexer::Mode::ProbeDesc);
  EXPECT_EQ(t.text, "BEGIN");
  EXPECT_EQ(t.line, 4);
  ASSERT_EQ(control.options.size(), 2u);
  EXPECT_EQ(control.options[0].first, "quiet");
  EXPECT_EQ(control.options[1].second, "512");
}

TEST(DLexer, Errors) {
  EXPECT_THROW(lex_all("1.5"), CompileError);
  EXPECT_THROW(lex_all("\"abc\ndef\""), CompileError);
  EXPECT_THROW(lex_all("/* a /* b */"), CompileError);
}

}  // namespace
}  // namespace sct::dtrace
