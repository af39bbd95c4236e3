#include "dtrace/parser.h"

#include <gtest/gtest.h>

#include "dtrace/compile_error.h"

namespace sct::dtrace {
namespace {

Program parse(const std::string& src, bool bare = true) {
  Lexer lx(src, MacroEnv{}, nullptr);
  ParseOptions opt;
  opt.allow_bare_descriptions = bare;
  return parse_program(lx, opt);
}

// A compact rendering of an expression tree, to check precedence.
std::string show(const Expr& e) {
  switch (e.kind) {
    case ExprKind::IntConst: return std::to_string(e.ival);
    case ExprKind::StrConst: return "\"" + e.sval + "\"";
    case ExprKind::Ident: return e.name;
    case ExprKind::SelfVar: return "self->" + e.name;
    case ExprKind::ThisVar: return "this->" + e.name;
    case ExprKind::Binary:
    case ExprKind::Assign: return "(" + show(*e.kids[0]) + " " + e.name + " " + show(*e.kids[1]) + ")";
    case ExprKind::Unary: return "(" + e.name + show(*e.kids[0]) + ")";
    case ExprKind::Ternary: return "(" + show(*e.kids[0]) + " ? " + show(*e.kids[1]) + " : " + show(*e.kids[2]) + ")";
    case ExprKind::Cast: return "(cast " + e.cast_type.name() + " " + show(*e.kids[0]) + ")";
    default: {
      std::string s = e.name + "[";
      for (auto& k : e.kids) s += show(*k) + ",";
      return s + "]";
    }
  }
}

TEST(DParser, SeedOneLinerStructure) {
  Program p = parse(R"(syscall::read:entry /execname == "valk"/ {
  self->fd = arg0;
}
syscall::read:return /execname == "valk" && self->fd/ {
  printf("read(%d) = %d bytes", self->fd, arg1);
  self->fd = 0;
})");
  ASSERT_EQ(p.clauses.size(), 2u);
  EXPECT_EQ(p.clauses[0].descs[0].text, "syscall::read:entry");
  EXPECT_EQ(show(*p.clauses[0].predicate), "(execname == \"valk\")");
  EXPECT_EQ(show(*p.clauses[1].predicate), "((execname == \"valk\") && self->fd)");
  ASSERT_EQ(p.clauses[1].body.size(), 2u);
  EXPECT_EQ(show(*p.clauses[1].body[0].expr), "printf[\"read(%d) = %d bytes\",self->fd,arg1,]");
}

TEST(DParser, Precedence) {
  Program p = parse("BEGIN { x = 1 + 2 * 3 << 1 == 14 || 0 ? a - b / c : -d; }");
  EXPECT_EQ(show(*p.clauses[0].body[0].expr), "(x = (((((1 + (2 * 3)) << 1) == 14) || 0) ? (a - (b / c)) : (-d)))");
}

TEST(DParser, DivisionInsidePredicate) {
  Program p = parse("syscall:::return /(timestamp-self->ts)/1000 > 1/ { }");
  EXPECT_EQ(show(*p.clauses[0].predicate), "(((timestamp - self->ts) / 1000) > 1)");
}

TEST(DParser, CastsAggregationsAndLists) {
  Program p = parse("syscall::read:entry, syscall::write:entry { @c[probefunc, (int)arg0] = count(); trace((unsigned long long)arg1) }");
  EXPECT_EQ(p.clauses[0].descs.size(), 2u);
  EXPECT_EQ(show(*p.clauses[0].body[0].expr), "(@c[probefunc,(cast int32_t arg0),] = count[])");
  EXPECT_EQ(show(*p.clauses[0].body[1].expr), "trace[(cast uint64_t arg1),]");
}

TEST(DParser, BareDescriptionOnlyForDashN) {
  EXPECT_EQ(parse("syscall:::entry").clauses.size(), 1u);
  EXPECT_FALSE(parse("syscall:::entry").clauses[0].has_body);
  try {
    parse("syscall:::entry", false);
    FAIL();
  } catch (const CompileError& e) {
    EXPECT_STREQ(e.what(), "expected predicate and/or actions following probe description");
  }
}

TEST(DParser, InlinesIfElseAndEmptyStatements) {
  Program p = parse("inline int OPT_x = 1;\nBEGIN { if (OPT_x) { trace(1); } else trace(2); ; }");
  ASSERT_EQ(p.inlines.size(), 1u);
  EXPECT_EQ(p.inlines[0].name, "OPT_x");
  ASSERT_EQ(p.clauses[0].body.size(), 2u);
  EXPECT_EQ(p.clauses[0].body[0].kind, Stmt::If);
}

TEST(DParser, SyntaxErrorPosition) {
  try {
    parse("BEGIN\n{\n  x = ;\n}", false);
    FAIL();
  } catch (const CompileError& e) {
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.col, 7);
    EXPECT_STREQ(e.what(), "syntax error near \";\"");
  }
}

}  // namespace
}  // namespace sct::dtrace
