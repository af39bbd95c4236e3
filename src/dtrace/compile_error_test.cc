// Compile-error goldens: the message text DTrace prints after
// "dtrace: failed to compile script x.d: line N: " or
// "dtrace: invalid probe specifier TEXT: ".
#include <gtest/gtest.h>

#include "dtrace/compile_error.h"
#include "dtrace/program.h"
#include "dtrace/test_harness.h"

namespace sct::dtrace {
namespace {

struct Golden {
  const char* source;
  bool script;
  int line;  // 0: no position
  const char* message;
};

const Golden kGoldens[] = {
    {"i23", false, 0, "probe description :::i23 does not match any probes"},
    {"syscall::kevent*:entry /execname==\"valk\"/ { trace(arg0); }", false, 0,
     "probe description syscall::kevent*:entry does not match any probes"},
    {"BEGIN {\n  trace(x);\n}", true, 2, "failed to resolve x: Unknown variable name"},
    {"BEGIN\n{\n  x = ;\n}", true, 3, "syntax error near \";\""},
    {"BEGIN { printf(\"%d %d\", 1); }", false, 0,
     "printf( ) prototype mismatch: conversion #2 (%d) is missing a corresponding value argument"},
    {"BEGIN { printf(\"%d\", 1, 2); }", false, 0, "printf( ) prototype mismatch: only 2 arguments required by this format string"},
    {"BEGIN { printf(\"%k\", 1); }", false, 0, "printf( ) format conversion #1 is undefined: %k"},
    {"BEGIN { x = 1.5; }", false, 0, "floating-point constants are not permitted"},
    {"syscall:::entry", true, 1, "expected predicate and/or actions following probe description"},
    {"BEGIN { @a = lquantize(arg0, 0, 10, self->x); }", false, 0, "lquantize( ) argument #4 must be a constant"},
    {"BEGIN { trace(foo(1)); }", false, 0, "failed to resolve foo: Unknown function name"},
    {"BEGIN { x = \"a\" + 1; }", false, 0, "operands have incompatible types: \"string\" + \"int32_t\""},
};

TEST(DCompileError, Goldens) {
  for (const Golden& g : kGoldens) {
    ProbeCatalog catalog = testing::test_catalog();
    CompileOptions opt;
    opt.allow_bare_descriptions = !g.script;
    uint32_t epid = 1;
    try {
      compile_program(g.source, MacroEnv{}, opt, catalog, &epid);
      ADD_FAILURE() << "compiled: " << g.source;
    } catch (const CompileError& e) {
      EXPECT_EQ(std::string(e.what()), g.message) << g.source;
      if (g.script) {
        EXPECT_EQ(e.line, g.line) << g.source;
      }
    }
  }
}

TEST(DCompileError, ZdefsAllowsUnmatched) {
  ProbeCatalog catalog = testing::test_catalog();
  CompileOptions opt;
  opt.zdefs = true;
  opt.allow_bare_descriptions = true;
  uint32_t epid = 1;
  CompiledProgram p = compile_program("syscall::kevent*:entry { trace(arg0); }", MacroEnv{}, opt, catalog, &epid);
  EXPECT_EQ(p.matched_probes, 0u);
}

TEST(DCompileError, MatchedProbeCountSumsClauses) {
  ProbeCatalog catalog = testing::test_catalog();
  CompileOptions opt;
  uint32_t epid = 1;
  CompiledProgram p = compile_program("syscall::open*:entry {} BEGIN {} BEGIN {}", MacroEnv{}, opt, catalog, &epid);
  EXPECT_EQ(p.matched_probes, 5u);  // open, openat, openat2 + 2 x BEGIN
}

}  // namespace
}  // namespace sct::dtrace
