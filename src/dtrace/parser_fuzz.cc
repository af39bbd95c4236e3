// libFuzzer target for the D lexer and parser: any input must either parse
// or fail with a CompileError, never crash or hang. Built and run briefly by
// tests/d/run_parser_fuzz.sh when clang is available.
#include <cstddef>
#include <cstdint>
#include <string>

#include "dtrace/compile_error.h"
#include "dtrace/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  sct::dtrace::MacroEnv env;
  env.args = {"fuzz.d", "1", "valk"};
  for (bool bare : {false, true}) {
    try {
      sct::dtrace::ControlLines control;
      sct::dtrace::Lexer lexer(text, env, &control);
      sct::dtrace::ParseOptions opt;
      opt.allow_bare_descriptions = bare;
      sct::dtrace::parse_program(lexer, opt);
    } catch (const sct::dtrace::CompileError&) {
    }
  }
  return 0;
}
