// The D lexer, hand-written after DTrace's dt_lex.l. Two modes, chosen by
// the parser for each token: at the start of a clause probe descriptions are
// single tokens ("syscall::open*:entry", "tick-1s"); elsewhere C-like tokens.
// The lexer is position-based (lex at an offset, get the token and its end),
// so the parser can peek in either mode without the lexer keeping state.
//
// "/" is ambiguous in D: it ends a predicate or divides. As in dt_lex.l, a
// "/" followed (after blanks) by end of input, ";", "{" or "/" ends the
// predicate; anything else is division.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dtrace/d_type.h"

namespace sct::dtrace {

enum class Tok { Eof, Ident, Int, String, AggName, PSpec, Op, EPred };

struct Token {
  Tok kind = Tok::Eof;
  std::string text;   // identifier/operator text, string contents, pspec text
  uint64_t ival = 0;  // Int
  DType itype = DType::int32();
  int line = 1;
  int col = 1;
  size_t begin = 0;
  size_t end = 0;  // offset just past the token
};

// Macro arguments and variables ($1, $target, ...), expanded while lexing.
struct MacroEnv {
  std::vector<std::string> args;  // args[0] is $0 (the script name)
  int64_t target = 0;             // $target: the -c/-p pid, else 0
  bool defaultargs = false;       // -x defaultargs: undefined $N is 0 / ""
};

// Lines of a script that are not D: "#!" lines and "#pragma D option x=y".
struct ControlLines {
  std::vector<std::pair<std::string, std::string>> options;  // name, value ("" when none)
};

class Lexer {
 public:
  // Strips control lines (keeping line numbers) and records their options.
  Lexer(std::string source, MacroEnv env, ControlLines* control);

  enum class Mode { Code, ProbeDesc };
  // The token starting at or after offset pos. Throws CompileError.
  Token lex(size_t pos, Mode mode) const;
  const std::string& source() const { return src_; }

 private:
  size_t skip_blanks(size_t pos) const;
  void position(size_t pos, int* line, int* col) const;
  Token lex_number(size_t pos) const;
  Token lex_string(size_t pos, char quote) const;
  Token lex_macro(size_t pos) const;
  std::string expand_macros_in_pspec(const std::string& text, size_t pos) const;

  std::string src_;
  MacroEnv env_;
  std::vector<size_t> line_starts_;
};

// Classifies integer literal text following C's rules; false if malformed.
bool parse_int_literal(const std::string& text, uint64_t* value, DType* type);

}  // namespace sct::dtrace
