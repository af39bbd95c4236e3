#include "dtrace/parser.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "dtrace/compile_error.h"

namespace sct::dtrace {

namespace {

const std::map<std::string, DType>& typedefs() {
  static const std::map<std::string, DType> m = {
      {"int8_t", DType::integer(1, true)},   {"uint8_t", DType::integer(1, false)}, {"int16_t", DType::integer(2, true)},
      {"uint16_t", DType::integer(2, false)}, {"int32_t", DType::int32()},          {"uint32_t", DType::uint32()},
      {"int64_t", DType::int64()},           {"uint64_t", DType::uint64()},         {"uint_t", DType::uint32()},
      {"ushort_t", DType::integer(2, false)}, {"uchar_t", DType::integer(1, false)}, {"ulong_t", DType::uint64()},
      {"u_int", DType::uint32()},            {"uintptr_t", DType::uint64()},        {"intptr_t", DType::int64()},
      {"size_t", DType::uint64()},           {"ssize_t", DType::int64()},           {"pid_t", DType::int32()},
      {"id_t", DType::int32()},              {"uid_t", DType::uint32()},            {"gid_t", DType::uint32()},
      {"off_t", DType::int64()},             {"time_t", DType::int64()},            {"hrtime_t", DType::int64()},
      {"processorid_t", DType::int32()},     {"string", DType::string()},           {"void", DType::void_type()},
  };
  return m;
}

bool is_type_word(const std::string& w) {
  static const std::set<std::string> base = {"char", "short", "int", "long", "signed", "unsigned"};
  return base.count(w) || typedefs().count(w);
}

}  // namespace

bool parse_type_name(const std::string& text, DType* type) {
  std::vector<std::string> words;
  int stars = 0;
  std::string cur;
  for (char c : text + " ") {
    if (c == '*' || c == ' ' || c == '\t') {
      if (!cur.empty()) words.push_back(cur), cur.clear();
      if (c == '*') ++stars;
    } else {
      if (stars) return false;
      cur += c;
    }
  }
  if (words.empty()) return false;
  DType t;
  if (words.size() == 1 && typedefs().count(words[0])) {
    t = typedefs().at(words[0]);
  } else {
    bool is_unsigned = false, any = false;
    int longs = 0, size = 4;
    for (const std::string& w : words) {
      if (w == "unsigned") is_unsigned = true;
      else if (w == "signed") is_unsigned = false;
      else if (w == "char") size = 1;
      else if (w == "short") size = 2;
      else if (w == "int") {}
      else if (w == "long") ++longs;
      else return false;
      any = true;
    }
    if (!any) return false;
    if (longs) size = 8;
    t = DType::integer(size, !is_unsigned);
  }
  if (stars) {
    t = DType::uint64();
    t.is_pointer = true;
  }
  *type = t;
  return true;
}

namespace {

const std::set<std::string> kAssignOps = {"=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "<<=", ">>="};

class Parser {
 public:
  Parser(const Lexer& lx, const ParseOptions& opt) : lx_(lx), opt_(opt) {}

  Program program() {
    Program prog;
    for (;;) {
      Token t = peek(Lexer::Mode::ProbeDesc);
      if (t.kind == Tok::Eof) break;
      if (t.kind == Tok::Op && t.text == ";") {
        take(Lexer::Mode::ProbeDesc);
        continue;
      }
      if (t.kind == Tok::PSpec && t.text == "inline") {
        take(Lexer::Mode::ProbeDesc);
        prog.inlines.push_back(inline_def(t));
        continue;
      }
      if (t.kind != Tok::PSpec) syntax_error(t);
      prog.clauses.push_back(clause());
    }
    return prog;
  }

 private:
  using Mode = Lexer::Mode;

  Token peek(Mode m = Mode::Code) const { return lx_.lex(pos_, m); }
  Token take(Mode m = Mode::Code) {
    Token t = lx_.lex(pos_, m);
    pos_ = t.end;
    return t;
  }
  bool at_op(const char* op, Mode m = Mode::Code) const {
    Token t = peek(m);
    return t.kind == Tok::Op && t.text == op;
  }
  bool accept(const char* op, Mode m = Mode::Code) {
    if (!at_op(op, m)) return false;
    take(m);
    return true;
  }
  void expect(const char* op, Mode m = Mode::Code) {
    Token t = peek(m);
    if (t.kind != Tok::Op || t.text != op) syntax_error(t);
    take(m);
  }
  [[noreturn]] void syntax_error(const Token& t) const {
    if (t.kind == Tok::Eof) throw CompileError(t.line, t.col, "syntax error near end of input");
    std::string shown = t.kind == Tok::String ? "\"" + t.text + "\"" : lx_.source().substr(t.begin, t.end - t.begin);
    throw CompileError(t.line, t.col, "syntax error near \"" + shown + "\"");
  }

  InlineDef inline_def(const Token& kw) {
    InlineDef def;
    def.line = kw.line;
    std::string type_text;
    for (;;) {
      Token t = peek();
      if (t.kind == Tok::Ident && is_type_word(t.text)) {
        type_text += t.text + " ";
        take();
      } else if (t.kind == Tok::Op && t.text == "*") {
        type_text += "*";
        take();
      } else {
        break;
      }
    }
    if (!parse_type_name(type_text, &def.type)) syntax_error(peek());
    Token name = take();
    if (name.kind != Tok::Ident) syntax_error(name);
    def.name = name.text;
    expect("=");
    def.value = assignment();
    expect(";");
    return def;
  }

  Clause clause() {
    Clause c;
    for (;;) {
      Token t = take(Mode::ProbeDesc);
      if (t.kind != Tok::PSpec) syntax_error(t);
      if (c.descs.empty()) c.line = t.line;
      c.descs.push_back({t.text, t.line, t.col});
      if (!accept(",", Mode::ProbeDesc)) break;
    }
    Token t = peek(Mode::ProbeDesc);
    if (t.kind == Tok::Op && t.text == "/") {
      take(Mode::ProbeDesc);
      c.predicate = expression();
      Token end = take();
      if (end.kind != Tok::EPred) syntax_error(end);
      t = peek(Mode::ProbeDesc);
      if (!(t.kind == Tok::Op && t.text == "{")) {
        if (!opt_.allow_bare_descriptions || t.kind != Tok::Eof) syntax_error(t);
        return c;  // "-n 'syscall:::entry /pid == 1/'": the default action
      }
    }
    if (t.kind == Tok::Op && t.text == "{") {
      take(Mode::ProbeDesc);
      c.has_body = true;
      c.body = statements();
      expect("}");
      return c;
    }
    if (!opt_.allow_bare_descriptions || t.kind != Tok::Eof) {
      if (t.kind == Tok::Eof || t.kind == Tok::PSpec)
        throw CompileError(t.line, t.col, "expected predicate and/or actions following probe description");
      syntax_error(t);
    }
    return c;
  }

  std::vector<Stmt> statements() {
    std::vector<Stmt> out;
    while (!at_op("}") && peek().kind != Tok::Eof) {
      out.push_back(statement());
    }
    return out;
  }

  Stmt statement() {
    Token t = peek();
    Stmt s;
    s.line = t.line;
    s.col = t.col;
    if (t.kind == Tok::Op && t.text == ";") {
      take();
      s.kind = Stmt::Empty;
      return s;
    }
    if (t.kind == Tok::Ident && t.text == "if") {
      take();
      s.kind = Stmt::If;
      expect("(");
      s.expr = expression();
      expect(")");
      s.then_body = branch();
      Token e = peek();
      if (e.kind == Tok::Ident && e.text == "else") {
        take();
        s.else_body = branch();
      }
      return s;
    }
    s.kind = Stmt::ExprStmt;
    s.expr = expression();
    // The last statement of a clause may omit its ';'.
    if (!at_op("}")) expect(";");
    return s;
  }

  std::vector<Stmt> branch() {
    if (accept("{")) {
      std::vector<Stmt> body = statements();
      expect("}");
      return body;
    }
    std::vector<Stmt> one;
    one.push_back(statement());
    return one;
  }

  ExprPtr make(ExprKind k, const Token& at) { return std::make_unique<Expr>(k, at.line, at.col); }

  ExprPtr expression() {
    ExprPtr e = assignment();
    while (at_op(",")) {
      Token t = take();
      ExprPtr c = make(ExprKind::Comma, t);
      c->kids.push_back(std::move(e));
      c->kids.push_back(assignment());
      e = std::move(c);
    }
    return e;
  }

  // Bounds recursion so hostile input ("((((...") cannot exhaust the stack.
  struct DepthGuard {
    explicit DepthGuard(Parser& p) : p_(p) {
      if (++p_.depth_ > 256) {
        Token t = p_.peek();
        throw CompileError(t.line, t.col, "expression nesting too deep");
      }
    }
    ~DepthGuard() { --p_.depth_; }
    Parser& p_;
  };

  ExprPtr assignment() {
    DepthGuard guard(*this);
    ExprPtr lhs = conditional();
    Token t = peek();
    if (t.kind == Tok::Op && kAssignOps.count(t.text)) {
      take();
      ExprPtr a = make(ExprKind::Assign, t);
      a->name = t.text;
      a->kids.push_back(std::move(lhs));
      a->kids.push_back(assignment());
      return a;
    }
    return lhs;
  }

  ExprPtr conditional() {
    ExprPtr c = binary(0);
    if (at_op("?")) {
      Token t = take();
      ExprPtr e = make(ExprKind::Ternary, t);
      e->kids.push_back(std::move(c));
      e->kids.push_back(expression());
      expect(":");
      e->kids.push_back(conditional());
      return e;
    }
    return c;
  }

  // Binary operators from loosest to tightest, all left-associative.
  static const std::vector<std::vector<std::string>>& levels() {
    static const std::vector<std::vector<std::string>> l = {
        {"||"}, {"^^"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
    };
    return l;
  }

  ExprPtr binary(size_t level) {
    if (level == levels().size()) return unary();
    ExprPtr lhs = binary(level + 1);
    for (;;) {
      Token t = peek();
      if (t.kind != Tok::Op) break;
      const auto& ops = levels()[level];
      if (std::find(ops.begin(), ops.end(), t.text) == ops.end()) break;
      take();
      ExprPtr b = make(ExprKind::Binary, t);
      b->name = t.text;
      b->kids.push_back(std::move(lhs));
      b->kids.push_back(binary(level + 1));
      lhs = std::move(b);
    }
    return lhs;
  }

  // "(" type ")" — a cast — when the token after "(" is a type word.
  bool try_cast_type(DType* out) {
    size_t save = pos_;
    Token open = peek();
    if (!(open.kind == Tok::Op && open.text == "(")) return false;
    take();
    std::string text;
    for (;;) {
      Token t = peek();
      if (t.kind == Tok::Ident && is_type_word(t.text)) text += t.text + " ";
      else if (t.kind == Tok::Op && t.text == "*" && !text.empty()) text += "*";
      else break;
      take();
    }
    if (text.empty() || !at_op(")") || !parse_type_name(text, out)) {
      pos_ = save;
      return false;
    }
    take();
    return true;
  }

  ExprPtr unary() {
    DepthGuard guard(*this);
    Token t = peek();
    if (t.kind == Tok::Op) {
      if (t.text == "!" || t.text == "~" || t.text == "-" || t.text == "+") {
        take();
        ExprPtr u = make(ExprKind::Unary, t);
        u->name = t.text;
        u->kids.push_back(unary());
        return u;
      }
      if (t.text == "++" || t.text == "--") {
        take();
        ExprPtr u = make(ExprKind::IncDec, t);
        u->name = t.text;
        u->kids.push_back(unary());
        return u;
      }
      if (t.text == "*" || t.text == "&") {
        throw CompileError(t.line, t.col, std::string("operator ") + t.text + " is not supported on Linux user memory; use copyin()");
      }
      if (t.text == "(") {
        DType cast;
        if (try_cast_type(&cast)) {
          ExprPtr c = make(ExprKind::Cast, t);
          c->cast_type = cast;
          c->kids.push_back(unary());
          return c;
        }
      }
    }
    if (t.kind == Tok::Ident && t.text == "stringof") {
      take();
      ExprPtr c = make(ExprKind::Call, t);
      c->name = "stringof";
      c->kids.push_back(unary());
      return c;
    }
    if (t.kind == Tok::Ident && t.text == "sizeof") {
      take();
      ExprPtr s = make(ExprKind::Sizeof, t);
      DType ty;
      if (try_cast_type(&ty)) {
        s->cast_type = ty;
      } else {
        s->kids.push_back(unary());
      }
      return s;
    }
    return postfix();
  }

  std::vector<ExprPtr> arguments(const char* close) {
    std::vector<ExprPtr> args;
    if (accept(close)) return args;
    for (;;) {
      args.push_back(assignment());
      if (accept(close)) break;
      expect(",");
    }
    return args;
  }

  ExprPtr postfix() {
    ExprPtr e = primary();
    for (;;) {
      Token t = peek();
      if (t.kind != Tok::Op) break;
      if (t.text == "[" && e->kind == ExprKind::Ident) {
        take();
        e->kind = ExprKind::Index;
        e->kids = arguments("]");
      } else if (t.text == "(" && e->kind == ExprKind::Ident) {
        take();
        e->kind = ExprKind::Call;
        e->kids = arguments(")");
      } else if (t.text == "->" && e->kind == ExprKind::Ident && (e->name == "self" || e->name == "this")) {
        take();
        Token member = take();
        if (member.kind != Tok::Ident) syntax_error(member);
        e->kind = e->name == "self" ? ExprKind::SelfVar : ExprKind::ThisVar;
        e->name = member.text;
      } else if (t.text == "++" || t.text == "--") {
        take();
        ExprPtr u = make(ExprKind::IncDec, t);
        u->name = t.text;
        u->postfix = true;
        u->kids.push_back(std::move(e));
        e = std::move(u);
      } else if (t.text == "." || t.text == "->") {
        throw CompileError(t.line, t.col, "struct and union members are not supported");
      } else {
        break;
      }
    }
    return e;
  }

  ExprPtr primary() {
    Token t = take();
    switch (t.kind) {
      case Tok::Int: {
        ExprPtr e = make(ExprKind::IntConst, t);
        e->ival = t.ival;
        e->type = t.itype;
        return e;
      }
      case Tok::String: {
        ExprPtr e = make(ExprKind::StrConst, t);
        e->sval = t.text;
        // Adjacent string literals do not concatenate in D; one is enough.
        return e;
      }
      case Tok::Ident: {
        ExprPtr e = make(ExprKind::Ident, t);
        e->name = t.text;
        return e;
      }
      case Tok::AggName: {
        ExprPtr e = make(ExprKind::Agg, t);
        e->name = t.text;
        if (accept("[")) e->kids = arguments("]");
        return e;
      }
      case Tok::Op:
        if (t.text == "(") {
          ExprPtr e = expression();
          expect(")");
          return e;
        }
        break;
      default:
        break;
    }
    syntax_error(t);
  }

  const Lexer& lx_;
  ParseOptions opt_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

Program parse_program(const Lexer& lexer, const ParseOptions& options) {
  Parser p(lexer, options);
  return p.program();
}

}  // namespace sct::dtrace
