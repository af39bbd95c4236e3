// Recursive-descent parser for the D subset of the reference's section 1.2
// and 1.3, with the operator precedence of DTrace's dt_grammar.y.
#pragma once

#include <string>

#include "dtrace/ast.h"
#include "dtrace/lexer.h"

namespace sct::dtrace {

struct ParseOptions {
  // -n strings may be a bare probe description; -s files may not
  // ("expected predicate and/or actions following probe description").
  bool allow_bare_descriptions = false;
};

// Throws CompileError with DTrace's message and the position.
Program parse_program(const Lexer& lexer, const ParseOptions& options);

// Parses a type name ("int", "unsigned long long", "uint64_t", "string",
// "int *"); false if text is not a type name.
bool parse_type_name(const std::string& text, DType* type);

}  // namespace sct::dtrace
