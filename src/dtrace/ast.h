// The D abstract syntax tree. The parser builds it untyped; the checker
// (checker.h) folds constants, resolves names and fills in every node's type
// and resolution fields, which is what the interpreter walks.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dtrace/d_type.h"

namespace sct::dtrace {

enum class ExprKind {
  IntConst,   // ival
  StrConst,   // sval
  Ident,      // name: a global, a built-in variable or an inline
  SelfVar,    // self->name
  ThisVar,    // this->name
  Index,      // name[kids...]: an associative array element (or args[N])
  Agg,        // @name[kids...]: only as the target of an aggregating assignment or a printa/clear/trunc argument
  Call,       // name(kids...): subroutines, actions and aggregating functions
  Unary,      // op kids[0]: ! ~ - + (prefix)
  Binary,     // kids[0] op kids[1]
  Ternary,    // kids[0] ? kids[1] : kids[2]
  Assign,     // kids[0] op kids[1], op is "=", "+=", ...
  Cast,       // (cast_type) kids[0]
  IncDec,     // op "++"/"--", postfix flag
  Comma,      // kids[0], kids[1]
  Sizeof,     // sizeof(expr) or sizeof(type): folded by the checker
};

// What an identifier resolved to (filled by the checker).
enum class VarScope : uint8_t { None, Global, Thread, Clause, Builtin, Assoc };

struct Expr {
  ExprKind kind = ExprKind::IntConst;
  int line = 0;
  int col = 0;
  std::string name;   // identifier, function, operator or variable name
  uint64_t ival = 0;  // IntConst
  std::string sval;   // StrConst
  bool postfix = false;
  DType cast_type;    // Cast: the target type
  std::vector<std::unique_ptr<Expr>> kids;

  // Checker results.
  DType type;
  VarScope scope = VarScope::None;
  int slot = -1;      // variable / aggregation / builtin index

  Expr() = default;
  Expr(ExprKind k, int l, int c) : kind(k), line(l), col(c) {}
};
using ExprPtr = std::unique_ptr<Expr>;

struct Stmt {
  enum Kind { ExprStmt, If, Empty } kind = ExprStmt;
  int line = 0;
  int col = 0;
  ExprPtr expr;  // ExprStmt: the expression; If: the condition
  std::vector<Stmt> then_body;
  std::vector<Stmt> else_body;
};

struct ProbeDescText {
  std::string text;  // "syscall::open*:entry", macros expanded
  int line = 0;
  int col = 0;
};

struct Clause {
  std::vector<ProbeDescText> descs;
  ExprPtr predicate;  // null when absent
  std::vector<Stmt> body;
  bool has_body = false;  // "-n syscall:::entry" alone has none
  int line = 0;
};

struct InlineDef {
  DType type;
  std::string name;
  ExprPtr value;
  int line = 0;
};

struct Program {
  std::vector<Clause> clauses;
  std::vector<InlineDef> inlines;
};

}  // namespace sct::dtrace
