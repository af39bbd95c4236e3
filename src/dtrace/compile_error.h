// A D compile error: where, and DTrace's message text. The CLI formats it as
// dtrace(1) does ("failed to compile script x.d: line 3: ..." for -s,
// "invalid probe specifier TEXT: ..." for -n).
#pragma once

#include <stdexcept>
#include <string>

namespace sct::dtrace {

struct CompileError : std::runtime_error {
  CompileError(int line, int col, std::string msg) : std::runtime_error(msg), line(line), col(col) {}
  int line;
  int col;
  // Whether "line N: " belongs in front of the message (errors found after
  // parsing, such as unmatched probes, carry no position in DTrace).
  bool has_position() const { return line > 0; }
};

}  // namespace sct::dtrace
