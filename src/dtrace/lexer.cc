#include "dtrace/lexer.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

#include "dtrace/compile_error.h"

namespace sct::dtrace {

namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// RGX_PSPEC of dt_lex.l: the first character, then the rest (digits and ` too).
bool is_pspec_start(char c) { return is_ident_start(c) || std::strchr("-$:.?*\\[]!", c) != nullptr; }
bool is_pspec_char(char c) { return is_pspec_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '`'; }

// Longest operators first so that "<<=" wins over "<<" and "<".
const char* const kOperators[] = {
    "<<=", ">>=", "->", "++", "--", "&&", "||", "^^", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=",
    "%=",  "&=",  "^=", "|=", "|",  "^",  "&",  "<",  ">",  "+",  "-",  "*",  "%",  "~",  "!",  "?",  ":",  ".",
    "=",   ",",   ";",  "(",  ")",  "[",  "]",  "{",  "}",  "/",
};

bool fits_signed(uint64_t v, int size) { return size >= 8 ? v <= uint64_t(INT64_MAX) : v <= (uint64_t(1) << (size * 8 - 1)) - 1; }
bool fits_unsigned(uint64_t v, int size) { return size >= 8 || v <= (uint64_t(1) << (size * 8)) - 1; }

}  // namespace

bool parse_int_literal(const std::string& text, uint64_t* value, DType* type) {
  size_t digits_end = text.size();
  bool is_unsigned = false;
  int longs = 0;
  while (digits_end > 0) {
    char c = text[digits_end - 1];
    if ((c == 'u' || c == 'U') && !is_unsigned) {
      is_unsigned = true;
    } else if ((c == 'l' || c == 'L') && longs < 2) {
      ++longs;
    } else {
      break;
    }
    --digits_end;
  }
  std::string digits = text.substr(0, digits_end);
  if (digits.empty()) return false;
  errno = 0;
  char* endp = nullptr;
  uint64_t v = std::strtoull(digits.c_str(), &endp, 0);
  if (errno == ERANGE || *endp != '\0') return false;
  bool decimal = digits.size() == 1 || digits[0] != '0';
  // C's ladder of candidate types, narrowest first.
  struct Candidate { int size; bool is_signed; };
  std::vector<Candidate> ladder;
  if (longs == 0) {
    if (!is_unsigned) ladder.push_back({4, true});
    if (is_unsigned || !decimal) ladder.push_back({4, false});
  }
  if (!is_unsigned) ladder.push_back({8, true});
  if (is_unsigned || !decimal) ladder.push_back({8, false});
  ladder.push_back({8, false});
  for (const Candidate& c : ladder) {
    if (c.is_signed ? fits_signed(v, c.size) : fits_unsigned(v, c.size)) {
      *value = v;
      *type = DType::integer(c.size, c.is_signed);
      return true;
    }
  }
  return false;
}

Lexer::Lexer(std::string source, MacroEnv env, ControlLines* control) : src_(std::move(source)), env_(std::move(env)) {
  // Blank out control lines ("#!..." and "#pragma ...") so offsets and line
  // numbers stay those of the original text.
  size_t pos = 0;
  while (pos <= src_.size()) {
    line_starts_.push_back(pos);
    size_t eol = src_.find('\n', pos);
    if (eol == std::string::npos) eol = src_.size();
    size_t first = pos;
    while (first < eol && (src_[first] == ' ' || src_[first] == '\t')) ++first;
    if (first < eol && src_[first] == '#') {
      std::string line = src_.substr(first, eol - first);
      if (line.rfind("#pragma", 0) == 0 && control != nullptr) {
        // "#pragma D option name[=value]"
        char word1[64] = {}, word2[64] = {}, rest[512] = {};
        if (std::sscanf(line.c_str() + 7, " %63s %63s %511s", word1, word2, rest) == 3 &&
            std::strcmp(word1, "D") == 0 && std::strcmp(word2, "option") == 0) {
          std::string opt = rest;
          size_t eq = opt.find('=');
          control->options.emplace_back(opt.substr(0, eq), eq == std::string::npos ? "" : opt.substr(eq + 1));
        }
      }
      std::fill(src_.begin() + first, src_.begin() + eol, ' ');
    }
    pos = eol + 1;
  }
}

void Lexer::position(size_t pos, int* line, int* col) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  size_t idx = size_t(it - line_starts_.begin()) - 1;
  *line = int(idx) + 1;
  *col = int(pos - line_starts_[idx]) + 1;
}

size_t Lexer::skip_blanks(size_t pos) const {
  for (;;) {
    while (pos < src_.size() && is_blank(src_[pos])) ++pos;
    if (pos + 1 < src_.size() && src_[pos] == '\\' && src_[pos + 1] == '\n') {
      pos += 2;
    } else if (pos + 1 < src_.size() && src_[pos] == '/' && src_[pos + 1] == '*') {
      size_t close = src_.find("*/", pos + 2);
      size_t nested = src_.find("/*", pos + 2);
      if (nested != std::string::npos && (close == std::string::npos || nested < close)) {
        int line, col;
        position(nested, &line, &col);
        throw CompileError(line, col, "/* encountered inside a comment");
      }
      if (close == std::string::npos) {
        int line, col;
        position(pos, &line, &col);
        throw CompileError(line, col, "end-of-file encountered before matching */");
      }
      pos = close + 2;
    } else if (pos + 1 < src_.size() && src_[pos] == '/' && src_[pos + 1] == '/') {
      // macOS's "//" comments.
      while (pos < src_.size() && src_[pos] != '\n') ++pos;
    } else {
      return pos;
    }
  }
}

Token Lexer::lex(size_t pos, Mode mode) const {
  pos = skip_blanks(pos);
  Token t;
  t.begin = pos;
  position(pos, &t.line, &t.col);
  if (pos >= src_.size()) {
    t.kind = Tok::Eof;
    t.end = pos;
    return t;
  }
  char c = src_[pos];
  if (mode == Mode::ProbeDesc && is_pspec_start(c)) {
    size_t end = pos;
    while (end < src_.size() && is_pspec_char(src_[end])) ++end;
    t.kind = Tok::PSpec;
    t.text = expand_macros_in_pspec(src_.substr(pos, end - pos), pos);
    t.end = end;
    return t;
  }
  if (std::isdigit(static_cast<unsigned char>(c))) return lex_number(pos);
  if (is_ident_start(c)) {
    size_t end = pos;
    while (end < src_.size() && is_ident_char(src_[end])) ++end;
    t.kind = Tok::Ident;
    t.text = src_.substr(pos, end - pos);
    t.end = end;
    return t;
  }
  if (c == '"' || c == '\'') return lex_string(pos, c);
  if (c == '$') return lex_macro(pos);
  if (c == '@') {
    size_t end = pos + 1;
    while (end < src_.size() && is_ident_char(src_[end])) ++end;
    t.kind = Tok::AggName;
    t.text = end == pos + 1 ? "@_" : src_.substr(pos, end - pos);
    t.end = end;
    return t;
  }
  for (const char* op : kOperators) {
    size_t n = std::strlen(op);
    if (src_.compare(pos, n, op) == 0) {
      t.kind = Tok::Op;
      t.text = op;
      t.end = pos + n;
      if (t.text == "/" && mode == Mode::Code) {
        size_t next = skip_blanks(pos + 1);
        if (next >= src_.size() || src_[next] == ';' || src_[next] == '{' || src_[next] == '/') t.kind = Tok::EPred;
      }
      return t;
    }
  }
  throw CompileError(t.line, t.col, std::string("syntax error near \"") + c + "\"");
}

Token Lexer::lex_number(size_t pos) const {
  Token t;
  t.begin = pos;
  position(pos, &t.line, &t.col);
  size_t end = pos;
  while (end < src_.size() && (is_ident_char(src_[end]) || src_[end] == '.')) ++end;
  t.text = src_.substr(pos, end - pos);
  t.end = end;
  t.kind = Tok::Int;
  if (t.text.find('.') != std::string::npos ||
      (t.text.find_first_of("eE") != std::string::npos && t.text.find_first_of("xX") == std::string::npos)) {
    throw CompileError(t.line, t.col, "floating-point constants are not permitted");
  }
  if (!parse_int_literal(t.text, &t.ival, &t.itype)) {
    throw CompileError(t.line, t.col, "invalid digit in constant or constant too large: " + t.text);
  }
  return t;
}

Token Lexer::lex_string(size_t pos, char quote) const {
  Token t;
  t.begin = pos;
  position(pos, &t.line, &t.col);
  std::string out;
  size_t i = pos + 1;
  for (;;) {
    if (i >= src_.size()) throw CompileError(t.line, t.col, "end-of-file encountered in string literal");
    char c = src_[i];
    if (c == quote) break;
    if (c == '\n') throw CompileError(t.line, t.col, "newline encountered in string literal");
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    ++i;
    if (i >= src_.size()) continue;
    char e = src_[i++];
    switch (e) {
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': {
        int v = 0, n = 0;
        while (n < 2 && i < src_.size() && std::isxdigit(static_cast<unsigned char>(src_[i]))) {
          v = v * 16 + (std::isdigit(static_cast<unsigned char>(src_[i])) ? src_[i] - '0' : (std::tolower(src_[i]) - 'a' + 10));
          ++i, ++n;
        }
        out += char(v);
        break;
      }
      case '\n': break;  // continuation
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0', n = 1;
          while (n < 3 && i < src_.size() && src_[i] >= '0' && src_[i] <= '7') v = v * 8 + (src_[i++] - '0'), ++n;
          out += char(v);
        } else {
          out += e;  // \\ \" \' \? and unknown escapes
        }
    }
  }
  t.end = i + 1;
  if (quote == '\'') {
    // A character constant is an int (multi-character constants pack bytes).
    t.kind = Tok::Int;
    uint64_t v = 0;
    for (char ch : out) v = (v << 8) | static_cast<unsigned char>(ch);
    if (out.size() == 1) v = uint64_t(int64_t(static_cast<signed char>(out[0])));
    t.ival = v;
    t.itype = DType::int32();
    t.text = src_.substr(pos, t.end - pos);
    if (out.empty()) throw CompileError(t.line, t.col, "empty character constant");
    return t;
  }
  t.kind = Tok::String;
  t.text = out;
  return t;
}

Token Lexer::lex_macro(size_t pos) const {
  Token t;
  t.begin = pos;
  position(pos, &t.line, &t.col);
  size_t i = pos + 1;
  bool force_string = false;
  if (i < src_.size() && src_[i] == '$') force_string = true, ++i;
  size_t name_begin = i;
  while (i < src_.size() && is_ident_char(src_[i])) ++i;
  std::string name = src_.substr(name_begin, i - name_begin);
  t.end = i;
  if (name.empty()) throw CompileError(t.line, t.col, "syntax error near \"$\"");
  if (std::isdigit(static_cast<unsigned char>(name[0]))) {
    size_t n = std::strtoul(name.c_str(), nullptr, 10);
    std::string value;
    if (n < env_.args.size()) {
      value = env_.args[n];
    } else if (env_.defaultargs) {
      value = force_string ? "" : "0";
    } else {
      throw CompileError(t.line, t.col, "macro argument $" + std::string(force_string ? "$" : "") + name + " is not defined");
    }
    uint64_t iv;
    DType it;
    if (!force_string && !value.empty() && std::isdigit(static_cast<unsigned char>(value[0])) && parse_int_literal(value, &iv, &it)) {
      t.kind = Tok::Int, t.ival = iv, t.itype = it, t.text = value;
    } else if (!force_string && !value.empty() && is_ident_start(value[0]) &&
               std::all_of(value.begin(), value.end(), is_ident_char)) {
      t.kind = Tok::Ident, t.text = value;
    } else {
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      t.kind = Tok::String, t.text = value;
    }
    return t;
  }
  int64_t v = 0;
  if (name == "target") {
    v = env_.target;
  } else if (name == "pid") {
    v = getpid();
  } else if (name == "ppid") {
    v = getppid();
  } else if (name == "uid" || name == "euid") {
    v = name == "uid" ? getuid() : geteuid();
  } else if (name == "gid" || name == "egid") {
    v = name == "gid" ? getgid() : getegid();
  } else if (name == "pgid") {
    v = getpgrp();
  } else if (name == "sid") {
    v = getsid(0);
  } else if (name == "projid" || name == "taskid") {
    v = 0;
  } else {
    throw CompileError(t.line, t.col, "invalid variable name: $" + name);
  }
  if (force_string) {
    t.kind = Tok::String, t.text = std::to_string(v);
  } else {
    t.kind = Tok::Int, t.ival = uint64_t(v), t.itype = DType::int32(), t.text = std::to_string(v);
  }
  return t;
}

std::string Lexer::expand_macros_in_pspec(const std::string& text, size_t pos) const {
  if (text.find('$') == std::string::npos) return text;
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '$') {
      out += text[i++];
      continue;
    }
    size_t j = i + 1;
    while (j < text.size() && is_ident_char(text[j])) ++j;
    // Re-lex "$name" as a macro to reuse its expansion rules.
    Lexer sub("$" + text.substr(i + 1, j - i - 1), env_, nullptr);
    Token t;
    try {
      t = sub.lex(0, Mode::Code);
    } catch (const CompileError& e) {
      int line, col;
      position(pos, &line, &col);
      throw CompileError(line, col, e.what());
    }
    out += t.text;
    i = j;
  }
  return out;
}

}  // namespace sct::dtrace
