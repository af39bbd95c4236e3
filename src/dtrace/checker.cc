// The checking pass: resolves names, folds constants (integer inlines and
// "const ? a : b", which dtruss relies on), types every expression, validates
// printf formats and aggregations, and matches probe descriptions.
//
// Variables take the type of their first assignment in program text. A
// variable read before that point in the text gets the type of its later
// first assignment (a syntactic pre-scan finds it), so clause order never
// makes a well-formed program fail.
#include <fmt/format.h>

#include <map>
#include <set>

#include "dtrace/aggregation.h"
#include "dtrace/compile_error.h"
#include "dtrace/d_arith.h"
#include "dtrace/parser.h"
#include "dtrace/printf_format.h"
#include "dtrace/program.h"

namespace sct::dtrace {

bool lookup_builtin(const std::string& name, Builtin* b, DType* type) {
  static const std::map<std::string, std::pair<Builtin, DType>> table = {
      {"errno", {Builtin::Errno, DType::int32()}},
      {"execname", {Builtin::Execname, DType::string()}},
      {"pid", {Builtin::Pid, DType::int32()}},
      {"tid", {Builtin::Tid, DType::int32()}},
      {"ppid", {Builtin::Ppid, DType::int32()}},
      {"uid", {Builtin::Uid, DType::uint32()}},
      {"gid", {Builtin::Gid, DType::uint32()}},
      {"cpu", {Builtin::Cpu, DType::int32()}},
      {"timestamp", {Builtin::Timestamp, DType::uint64()}},
      {"vtimestamp", {Builtin::Vtimestamp, DType::uint64()}},
      {"walltimestamp", {Builtin::Walltimestamp, DType::int64()}},
      {"probeprov", {Builtin::Probeprov, DType::string()}},
      {"probemod", {Builtin::Probemod, DType::string()}},
      {"probefunc", {Builtin::Probefunc, DType::string()}},
      {"probename", {Builtin::Probename, DType::string()}},
      {"epid", {Builtin::Epid, DType::uint32()}},
      {"id", {Builtin::Id, DType::uint32()}},
  };
  if (name.size() == 4 && name.rfind("arg", 0) == 0 && std::isdigit(static_cast<unsigned char>(name[3]))) {
    *b = Builtin(name[3] - '0');
    *type = DType::int64();
    return true;
  }
  auto it = table.find(name);
  if (it == table.end()) return false;
  *b = it->second.first;
  *type = it->second.second;
  return true;
}

namespace {

bool is_agg_func(const std::string& n, AggFunc* f) {
  static const std::map<std::string, AggFunc> m = {
      {"count", AggFunc::Count},   {"sum", AggFunc::Sum},           {"avg", AggFunc::Avg},
      {"min", AggFunc::Min},       {"max", AggFunc::Max},           {"stddev", AggFunc::Stddev},
      {"quantize", AggFunc::Quantize}, {"lquantize", AggFunc::Lquantize}, {"llquantize", AggFunc::Llquantize},
  };
  auto it = m.find(n);
  if (it == m.end()) return false;
  *f = it->second;
  return true;
}

const std::set<std::string>& action_names() {
  static const std::set<std::string> s = {"trace", "printf", "printa", "exit", "clear", "trunc"};
  return s;
}

// llquantize's number of buckets: one past the bucket of INT64_MAX, as the
// kernel sizes the aggregation.
size_t llquantize_buckets(int64_t factor, int64_t low, int64_t high, int64_t nsteps) {
  return llquantize_bucket(factor, low, high, nsteps, INT64_MAX) + 1;
}

class Checker {
 public:
  Checker(CompiledProgram& out, const CompileOptions& opt) : out_(out), opt_(opt) {}

  void run() {
    for (InlineDef& def : out_.ast.inlines) {
      check(def.value);
      if (def.value->kind != ExprKind::IntConst && def.value->kind != ExprKind::StrConst)
        throw CompileError(def.line, 0, "inline " + def.name + " definition must be a constant expression");
      inlines_[def.name] = &def;
    }
    for (Clause& c : out_.ast.clauses) prescan_clause(c);
    for (Clause& c : out_.ast.clauses) {
      if (c.predicate) {
        check(c.predicate);
        require_scalar(*c.predicate, "predicate");
      }
      check_body(c.body);
    }
  }

 private:
  // ---- pre-scan: names assigned anywhere, with the first assigned type when obvious.
  void prescan_clause(Clause& c) {
    if (c.predicate) prescan(*c.predicate);
    prescan_body(c.body);
  }
  void prescan_body(std::vector<Stmt>& body) {
    for (Stmt& s : body) {
      if (s.expr) prescan(*s.expr);
      prescan_body(s.then_body);
      prescan_body(s.else_body);
    }
  }
  void prescan(const Expr& e) {
    if (e.kind == ExprKind::Assign || e.kind == ExprKind::IncDec) {
      const Expr& lhs = *e.kids[0];
      if (lhs.kind == ExprKind::Ident) assigned_globals_.insert(lhs.name);
      if (lhs.kind == ExprKind::Index) assigned_globals_.insert(lhs.name);
    }
    for (const auto& k : e.kids) prescan(*k);
  }

  [[noreturn]] void fail(const Expr& e, const std::string& msg) { throw CompileError(e.line, e.col, msg); }

  void require_scalar(const Expr& e, const char* what) {
    if (e.type.kind == DType::Void) fail(e, fmt::format("{} requires a value; actions are not expressions", what));
  }

  void check_body(std::vector<Stmt>& body) {
    for (Stmt& s : body) {
      if (s.kind == Stmt::Empty) continue;
      if (s.kind == Stmt::If) {
        check(s.expr);
        require_scalar(*s.expr, "if condition");
        check_body(s.then_body);
        check_body(s.else_body);
        continue;
      }
      check(s.expr, /*statement=*/true);
    }
  }

  std::vector<VarInfo>& table(VarScope scope) {
    switch (scope) {
      case VarScope::Thread: return out_.thread_vars;
      case VarScope::Clause: return out_.clause_vars;
      case VarScope::Assoc: return out_.assocs;
      default: return out_.globals;
    }
  }
  int var_slot(VarScope scope, const std::string& name) {
    auto& t = table(scope);
    for (size_t i = 0; i < t.size(); ++i)
      if (t[i].name == name) return int(i);
    t.push_back(VarInfo{name, DType::int64(), false, {}});
    return int(t.size() - 1);
  }
  int agg_slot(const Expr& e) {
    for (size_t i = 0; i < out_.aggs.size(); ++i)
      if (out_.aggs[i].name == e.name) return int(i);
    AggInfo a;
    a.name = e.name;
    out_.aggs.push_back(a);
    return int(out_.aggs.size() - 1);
  }

  void make_int(ExprPtr& e, uint64_t v, DType t) {
    auto c = std::make_unique<Expr>(ExprKind::IntConst, e->line, e->col);
    c->ival = normalize_int(v, t);
    c->type = t;
    e = std::move(c);
  }

  // Checks e, possibly replacing it by a folded node.
  void check(ExprPtr& e, bool statement = false) {
    Expr& x = *e;
    switch (x.kind) {
      case ExprKind::IntConst: return;
      case ExprKind::StrConst: x.type = DType::string(); return;
      case ExprKind::Ident: return check_ident(e);
      case ExprKind::SelfVar:
      case ExprKind::ThisVar: {
        x.scope = x.kind == ExprKind::SelfVar ? VarScope::Thread : VarScope::Clause;
        x.slot = var_slot(x.scope, x.name);
        VarInfo& v = table(x.scope)[size_t(x.slot)];
        x.type = v.typed ? v.type : DType::int64();
        return;
      }
      case ExprKind::Index: return check_index(x);
      case ExprKind::Agg: fail(x, "aggregation " + x.name + " may only be used as the target of an aggregating function");
      case ExprKind::Call: return check_call(e, statement);
      case ExprKind::Unary: {
        check(x.kids[0]);
        const DType& t = x.kids[0]->type;
        if (t.kind != DType::Int && !(x.name == "!" && t.kind == DType::String))
          fail(x, fmt::format("operator {} requires an operand of scalar type", x.name));
        x.type = x.name == "!" ? DType::int32() : promote(t);
        if (x.kids[0]->kind == ExprKind::IntConst) {
          uint64_t v = convert_int(x.kids[0]->ival, t, x.type);
          if (x.name == "-") return make_int(e, uint64_t(0) - v, x.type);
          if (x.name == "~") return make_int(e, ~v, x.type);
          if (x.name == "+") return make_int(e, v, x.type);
          if (x.name == "!") return make_int(e, v == 0, x.type);
        }
        return;
      }
      case ExprKind::Binary: return check_binary(e);
      case ExprKind::Ternary: {
        check(x.kids[0]);
        require_scalar(*x.kids[0], "?:");
        if (x.kids[0]->kind == ExprKind::IntConst) {
          // Parse-time folding: only the chosen branch remains (it may be an action).
          ExprPtr chosen = std::move(x.kids[x.kids[0]->ival != 0 ? 1 : 2]);
          e = std::move(chosen);
          return check(e, statement);
        }
        check(x.kids[1]);
        check(x.kids[2]);
        const DType &a = x.kids[1]->type, &b = x.kids[2]->type;
        if (a.kind == DType::Int && b.kind == DType::Int) x.type = arithmetic_result(a, b);
        else if (a.kind == DType::String && b.kind == DType::String) x.type = DType::string();
        else fail(x, fmt::format("operands have incompatible types: \"{}\" : \"{}\"", a.name(), b.name()));
        return;
      }
      case ExprKind::Assign: return check_assign(e);
      case ExprKind::Cast: {
        check(x.kids[0]);
        require_scalar(*x.kids[0], "cast");
        x.type = x.cast_type;
        const DType& from = x.kids[0]->type;
        if (x.type.kind == DType::String) {
          x.kind = ExprKind::Call;
          x.name = "stringof";
          return;
        }
        if (x.type.kind == DType::Void) return;
        if (from.kind != DType::Int && !x.type.is_pointer) fail(x, fmt::format("invalid cast expression: \"{}\" to \"{}\"", from.name(), x.type.name()));
        if (x.kids[0]->kind == ExprKind::IntConst) make_int(e, convert_int(x.kids[0]->ival, from, x.type), x.type);
        return;
      }
      case ExprKind::IncDec: {
        check(x.kids[0]);
        check_lvalue(*x.kids[0]);
        if (x.kids[0]->type.kind != DType::Int) fail(x, "operator " + x.name + " requires an operand of scalar type");
        x.type = x.kids[0]->type;
        return;
      }
      case ExprKind::Comma:
        check(x.kids[0], statement);
        check(x.kids[1], statement);
        x.type = x.kids[1]->type;
        return;
      case ExprKind::Sizeof: {
        uint64_t n = 8;
        if (!x.kids.empty()) {
          check(x.kids[0]);
          const DType& t = x.kids[0]->type;
          n = t.kind == DType::Int ? t.size : 256;
        } else {
          n = x.cast_type.kind == DType::Int ? x.cast_type.size : 256;
        }
        return make_int(e, n, DType::uint64());
      }
    }
  }

  void check_ident(ExprPtr& e) {
    Expr& x = *e;
    auto inl = inlines_.find(x.name);
    if (inl != inlines_.end()) {
      const Expr& v = *inl->second->value;
      if (v.kind == ExprKind::IntConst) {
        DType t = inl->second->type.kind == DType::Int ? inl->second->type : v.type;
        return make_int(e, convert_int(v.ival, v.type, t), t);
      }
      auto s = std::make_unique<Expr>(ExprKind::StrConst, x.line, x.col);
      s->sval = v.sval;
      s->type = DType::string();
      e = std::move(s);
      return;
    }
    Builtin b;
    DType t;
    if (lookup_builtin(x.name, &b, &t)) {
      x.scope = VarScope::Builtin;
      x.slot = int(b);
      x.type = t;
      return;
    }
    x.scope = VarScope::Global;
    x.slot = var_slot(VarScope::Global, x.name);
    VarInfo& v = out_.globals[size_t(x.slot)];
    if (!v.typed && !assigned_globals_.count(x.name)) fail(x, "failed to resolve " + x.name + ": Unknown variable name");
    x.type = v.typed ? v.type : DType::int64();
  }

  void check_index(Expr& x) {
    if (x.name == "args") {
      if (x.kids.size() != 1) fail(x, "args[ ] requires one index");
      check(x.kids[0]);
      if (x.kids[0]->kind != ExprKind::IntConst || x.kids[0]->ival > 9) fail(x, "args[ ] index must be a constant from 0 to 9");
      x.scope = VarScope::Builtin;
      x.slot = int(x.kids[0]->ival);
      x.type = DType::int64();
      x.kids.clear();
      x.kind = ExprKind::Ident;
      return;
    }
    for (auto& k : x.kids) {
      check(k);
      require_scalar(*k, "associative array key");
    }
    x.scope = VarScope::Assoc;
    x.slot = var_slot(VarScope::Assoc, x.name);
    VarInfo& v = out_.assocs[size_t(x.slot)];
    if (v.keys.empty()) {
      for (auto& k : x.kids) v.keys.push_back(k->type);
    } else if (v.keys.size() != x.kids.size()) {
      fail(x, fmt::format("{}[ ] used with {} keys, declared with {}", x.name, x.kids.size(), v.keys.size()));
    }
    if (!v.typed && !assigned_globals_.count(x.name)) fail(x, "failed to resolve " + x.name + ": Unknown variable name");
    x.type = v.typed ? v.type : DType::int64();
  }

  void check_binary(ExprPtr& e) {
    Expr& x = *e;
    check(x.kids[0]);
    check(x.kids[1]);
    const DType &a = x.kids[0]->type, &b = x.kids[1]->type;
    require_scalar(*x.kids[0], "operator");
    require_scalar(*x.kids[1], "operator");
    const std::string& op = x.name;
    bool logical = op == "&&" || op == "||" || op == "^^";
    bool compare = op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=";
    if (logical) {
      x.type = DType::int32();
      return;
    }
    auto incompatible = [&]() {
      fail(x, fmt::format("operands have incompatible types: \"{}\" {} \"{}\"", a.name(), op, b.name()));
    };
    if (compare) {
      if ((a.kind == DType::String) != (b.kind == DType::String)) incompatible();
      x.type = DType::int32();
      if (x.kids[0]->kind == ExprKind::IntConst && x.kids[1]->kind == ExprKind::IntConst)
        make_int(e, int_compare(op, x.kids[0]->ival, a, x.kids[1]->ival, b), DType::int32());
      return;
    }
    if (a.kind != DType::Int || b.kind != DType::Int) incompatible();
    x.type = (op == "<<" || op == ">>") ? promote(a) : arithmetic_result(a, b);
    if (x.kids[0]->kind == ExprKind::IntConst && x.kids[1]->kind == ExprKind::IntConst) {
      uint64_t r;
      if (int_binary(op, x.kids[0]->ival, a, x.kids[1]->ival, b, x.type, &r) == ArithStatus::Ok) make_int(e, r, x.type);
    }
  }

  void check_lvalue(const Expr& x) {
    switch (x.kind) {
      case ExprKind::SelfVar:
      case ExprKind::ThisVar:
        return;
      case ExprKind::Ident:
      case ExprKind::Index:
        if (x.scope == VarScope::Global || x.scope == VarScope::Assoc) return;
        break;
      default:
        break;
    }
    fail(x, "operator = requires a writable variable as its left-hand operand");
  }

  void check_assign(ExprPtr& e) {
    Expr& x = *e;
    Expr& lhs = *x.kids[0];
    if (lhs.kind == ExprKind::Agg) return check_aggregation(x);
    check(x.kids[1]);
    require_scalar(*x.kids[1], "assignment");
    const DType rt = x.kids[1]->type;
    // Resolve the target and give it its type on first assignment.
    if (lhs.kind == ExprKind::Ident && inlines_.count(lhs.name)) fail(lhs, "inline " + lhs.name + " may not be assigned");
    Builtin b;
    DType bt;
    if (lhs.kind == ExprKind::Ident && lookup_builtin(lhs.name, &b, &bt)) fail(lhs, "cannot modify built-in variable " + lhs.name);
    VarInfo* v = nullptr;
    if (lhs.kind == ExprKind::Ident) {
      lhs.scope = VarScope::Global;
      lhs.slot = var_slot(VarScope::Global, lhs.name);
      v = &out_.globals[size_t(lhs.slot)];
    } else if (lhs.kind == ExprKind::SelfVar || lhs.kind == ExprKind::ThisVar) {
      lhs.scope = lhs.kind == ExprKind::SelfVar ? VarScope::Thread : VarScope::Clause;
      lhs.slot = var_slot(lhs.scope, lhs.name);
      v = &table(lhs.scope)[size_t(lhs.slot)];
    } else if (lhs.kind == ExprKind::Index && lhs.name != "args") {
      check_index(lhs);
      v = &out_.assocs[size_t(lhs.slot)];
    } else {
      check_lvalue(lhs);
    }
    if (!v->typed) {
      if (x.name != "=" && rt.kind != DType::Int) fail(x, "operator " + x.name + " requires operands of scalar type");
      v->type = rt.kind == DType::Int ? promote(rt) : rt;
      if (rt.kind == DType::Int && rt.size == 8) v->type = rt;
      if (rt.kind == DType::Buffer) v->type = DType::string();
      v->typed = true;
    }
    lhs.type = v->type;
    bool lhs_str = v->type.kind == DType::String, rhs_str = rt.kind == DType::String || rt.kind == DType::Buffer;
    if (lhs_str != rhs_str || (lhs_str && x.name != "="))
      fail(x, fmt::format("operands have incompatible types: \"{}\" {} \"{}\"", v->type.name(), x.name, rt.name()));
    x.type = v->type;
  }

  void check_aggregation(Expr& x) {
    Expr& lhs = *x.kids[0];
    Expr& rhs = *x.kids[1];
    AggFunc f;
    if (x.name != "=" || rhs.kind != ExprKind::Call || !is_agg_func(rhs.name, &f))
      fail(x, "aggregation " + lhs.name + " must be assigned the result of an aggregating function");
    for (auto& k : lhs.kids) {
      check(k);
      require_scalar(*k, "aggregation key");
      if (k->type.kind == DType::Buffer) k->type = DType::string();
    }
    for (auto& a : rhs.kids) {
      check(a);
      require_scalar(*a, "aggregating function argument");
      if (a->type.kind != DType::Int) fail(*a, rhs.name + "( ) argument must be of scalar type");
    }
    lhs.slot = agg_slot(lhs);
    AggInfo& agg = out_.aggs[size_t(lhs.slot)];
    size_t want_min = 0, want_max = 0;
    switch (f) {
      case AggFunc::Count: want_min = 0, want_max = 0; break;
      case AggFunc::Quantize: want_min = 1, want_max = 2; break;
      case AggFunc::Lquantize: want_min = 3, want_max = 5; break;
      case AggFunc::Llquantize: want_min = 5, want_max = 5; break;
      default: want_min = 1, want_max = 1; break;
    }
    if (rhs.kids.size() < want_min || rhs.kids.size() > want_max)
      fail(rhs, fmt::format("{}( ) prototype mismatch: {} args passed, {} expected", rhs.name, rhs.kids.size(), want_min));
    AggInfo shape;
    shape.func = f;
    if (f == AggFunc::Quantize) shape.nbuckets = 127;
    if (f == AggFunc::Lquantize || f == AggFunc::Llquantize) {
      size_t nconst = f == AggFunc::Lquantize ? std::min<size_t>(rhs.kids.size(), 4) : 5;
      for (size_t i = 1; i < nconst; ++i) {
        if (rhs.kids[i]->kind != ExprKind::IntConst)
          fail(*rhs.kids[i], fmt::format("{}( ) argument #{} must be a constant", rhs.name, i + 1));
        shape.params[i - 1] = int64_t(rhs.kids[i]->ival);
      }
      if (f == AggFunc::Lquantize) {
        if (rhs.kids.size() == 3) shape.params[2] = 1;
        int64_t low = shape.params[0], high = shape.params[1], step = shape.params[2];
        if (step <= 0 || step > 65535) fail(rhs, "lquantize( ) step must be between 1 and 65535");
        if (high <= low) fail(rhs, "lquantize( ) upper bound must be greater than lower bound");
        int64_t levels = (high - low) / step;
        if (levels < 1 || levels > 65535) fail(rhs, "lquantize( ) levels must be between 1 and 65535");
        shape.nbuckets = size_t(levels + 2);
      } else {
        int64_t factor = shape.params[0], low = shape.params[1], high = shape.params[2], steps = shape.params[3];
        if (factor < 2 || factor > 65535) fail(rhs, "llquantize( ) factor must be between 2 and 65535");
        if (low < 0 || high < low) fail(rhs, "llquantize( ) magnitudes are invalid");
        if (steps < factor || steps % factor != 0) fail(rhs, "llquantize( ) steps must be a multiple of the factor");
        shape.nbuckets = llquantize_buckets(factor, low, high, steps);
      }
    }
    std::vector<DType> keys;
    for (auto& k : lhs.kids) keys.push_back(k->type);
    if (!agg.defined) {
      agg.func = shape.func;
      std::copy(std::begin(shape.params), std::end(shape.params), std::begin(agg.params));
      agg.nbuckets = shape.nbuckets;
      agg.keys = keys;
      agg.defined = true;
    } else {
      if (agg.func != f || agg.nbuckets != shape.nbuckets) fail(x, agg.name + ": aggregation redefined");
      if (agg.keys.size() != keys.size()) fail(x, agg.name + ": aggregation used with inconsistent keys");
    }
    x.type = DType::void_type();
    x.slot = lhs.slot;
  }

  void expect_args(const Expr& x, size_t lo, size_t hi) {
    if (x.kids.size() < lo || x.kids.size() > hi)
      fail(x, fmt::format("{}( ) prototype mismatch: {} arg{} passed, {}{} expected", x.name, x.kids.size(),
                          x.kids.size() == 1 ? "" : "s", lo == hi ? "" : "at least ", lo));
  }
  void expect_int(const Expr& x, size_t i) {
    if (x.kids[i]->type.kind != DType::Int)
      fail(x, fmt::format("{}( ) argument #{} is incompatible with prototype:\n\tprototype: integer\n\t argument: {}", x.name, i + 1,
                          x.kids[i]->type.name()));
  }
  void expect_str(const Expr& x, size_t i) {
    if (x.kids[i]->type.kind != DType::String && x.kids[i]->type.kind != DType::Buffer)
      fail(x, fmt::format("{}( ) argument #{} is incompatible with prototype:\n\tprototype: string\n\t argument: {}", x.name, i + 1,
                          x.kids[i]->type.name()));
  }

  void check_agg_arg(Expr& a, const std::string& fn) {
    if (a.kind != ExprKind::Agg) fail(a, fn + "( ) argument must be an aggregation");
    if (!a.kids.empty()) fail(a, fn + "( ) aggregation argument may not be indexed");
    a.slot = agg_slot(a);
  }

  void check_call(ExprPtr& e, bool statement) {
    Expr& x = *e;
    const std::string& n = x.name;
    AggFunc af;
    if (is_agg_func(n, &af)) fail(x, n + "( ) may only be used as the right-hand side of an aggregation assignment");
    if (action_names().count(n) && !statement) fail(x, n + "( ) may not be used in an expression; it is an action");
    if (n == "printa") {
      if (x.kids.empty()) fail(x, "printa( ) prototype mismatch: 0 args passed, at least 1 expected");
      size_t first = 0;
      if (x.kids[0]->kind == ExprKind::StrConst) {
        x.kids[0]->type = DType::string();
        std::string err;
        if (!parse_format(x.kids[0]->sval, &err)) fail(x, "printa( ) " + err);
        first = 1;
      }
      if (first == x.kids.size()) fail(x, "printa( ) prototype mismatch: aggregation argument required");
      for (size_t i = first; i < x.kids.size(); ++i) check_agg_arg(*x.kids[i], n);
      x.type = DType::void_type();
      return;
    }
    if (n == "clear" || n == "trunc") {
      expect_args(x, 1, n == "trunc" ? 2 : 1);
      check_agg_arg(*x.kids[0], n);
      if (x.kids.size() == 2) {
        check(x.kids[1]);
        expect_int(x, 1);
      }
      x.type = DType::void_type();
      return;
    }
    for (auto& k : x.kids) {
      check(k);
      require_scalar(*k, "function argument");
    }
    if (n == "trace") {
      expect_args(x, 1, 1);
    } else if (n == "printf") {
      if (x.kids.empty() || x.kids[0]->kind != ExprKind::StrConst) fail(x, "printf( ) argument #1 is incompatible with prototype:\n\tprototype: string\n\t argument: (non-constant)");
      check_printf(x);
    } else if (n == "exit") {
      expect_args(x, 1, 1);
      expect_int(x, 0);
    } else if (n == "copyin") {
      expect_args(x, 2, 2);
      expect_int(x, 0), expect_int(x, 1);
      x.type = DType::buffer();
      return;
    } else if (n == "copyinstr") {
      expect_args(x, 1, 2);
      for (size_t i = 0; i < x.kids.size(); ++i) expect_int(x, i);
      x.type = DType::string();
      return;
    } else if (n == "stringof") {
      expect_args(x, 1, 1);
      x.type = DType::string();
      return;
    } else if (n == "strlen") {
      expect_args(x, 1, 1);
      expect_str(x, 0);
      x.type = DType::uint64();
      return;
    } else if (n == "strjoin" || n == "strstr") {
      expect_args(x, 2, 2);
      expect_str(x, 0), expect_str(x, 1);
      x.type = DType::string();
      return;
    } else if (n == "basename" || n == "dirname" || n == "toupper" || n == "tolower") {
      expect_args(x, 1, 1);
      expect_str(x, 0);
      x.type = DType::string();
      return;
    } else if (n == "substr") {
      expect_args(x, 2, 3);
      expect_str(x, 0);
      for (size_t i = 1; i < x.kids.size(); ++i) expect_int(x, i);
      x.type = DType::string();
      return;
    } else if (n == "index" || n == "rindex") {
      expect_args(x, 2, 3);
      expect_str(x, 0), expect_str(x, 1);
      x.type = DType::int32();
      return;
    } else if (n == "lltostr") {
      expect_args(x, 1, 2);
      expect_int(x, 0);
      x.type = DType::string();
      return;
    } else if (n == "progenyof") {
      expect_args(x, 1, 1);
      expect_int(x, 0);
      x.type = DType::int32();
      return;
    } else if (n == "rand") {
      expect_args(x, 0, 0);
      x.type = DType::int32();
      return;
    } else {
      fail(x, "failed to resolve " + n + ": Unknown function name");
    }
    x.type = DType::void_type();
  }

  void check_printf(Expr& x) {
    std::string err;
    auto f = parse_format(x.kids[0]->sval, &err);
    if (!f) fail(x, "printf( ) " + err);
    size_t arg = 1;
    int index = 0;
    for (const Conversion& c : f->convs) {
      if (c.conv == 0) continue;
      ++index;
      if (c.agg_value) fail(x, fmt::format("printf( ) format conversion #{} uses %@, which is only valid in printa( )", index));
      for (int star = 0; star < int(c.width_star) + int(c.precision_star); ++star) {
        if (arg >= x.kids.size())
          fail(x, fmt::format("printf( ) prototype mismatch: conversion #{} (%{}) is missing a corresponding \"*\" argument", index, c.text));
        expect_int(x, arg++);
      }
      if (arg >= x.kids.size())
        fail(x, fmt::format("printf( ) prototype mismatch: conversion #{} (%{}) is missing a corresponding value argument", index, c.text));
      std::string proto;
      if (!conversion_accepts(c.conv, x.kids[arg]->type, &proto))
        fail(x, fmt::format("printf( ) argument #{} is incompatible with conversion #{} prototype:\n\tconversion: %{}\n\t prototype: {}\n\t  argument: {}",
                            arg + 1, index, c.text, proto, x.kids[arg]->type.name()));
      ++arg;
    }
    if (arg != x.kids.size())
      fail(x, fmt::format("printf( ) prototype mismatch: only {} arguments required by this format string", arg));
  }

  CompiledProgram& out_;
  const CompileOptions& opt_;
  std::map<std::string, const InlineDef*> inlines_;
  std::set<std::string> assigned_globals_;
};

void match_probes(CompiledProgram& prog, const CompileOptions& opt, ProbeCatalog& catalog, uint32_t* next_epid) {
  for (const Clause& c : prog.ast.clauses) {
    CompiledClause cc;
    cc.ast = &c;
    cc.empty_body = !c.has_body || std::all_of(c.body.begin(), c.body.end(), [](const Stmt& s) { return s.kind == Stmt::Empty; });
    std::set<uint32_t> seen;
    for (const ProbeDescText& d : c.descs) {
      ProbeDesc desc = split_probe_desc(d.text);
      std::vector<const Probe*> found = catalog.match(desc);
      if (found.empty() && !opt.zdefs)
        throw CompileError(opt.allow_bare_descriptions ? 0 : d.line, d.col, "probe description " + desc.to_string() + " does not match any probes");
      for (const Probe* p : found)
        if (seen.insert(p->id).second) cc.probes.push_back(p);
    }
    std::sort(cc.probes.begin(), cc.probes.end(), [](const Probe* a, const Probe* b) { return a->id < b->id; });
    for (size_t i = 0; i < cc.probes.size(); ++i) cc.epids.push_back((*next_epid)++);
    prog.matched_probes += cc.probes.size();
    prog.clauses.push_back(std::move(cc));
  }
}

}  // namespace

CompiledProgram compile_program(const std::string& source, const MacroEnv& macros, const CompileOptions& options,
                                ProbeCatalog& catalog, uint32_t* next_epid) {
  ControlLines control;
  Lexer lexer(source, macros, &control);
  ParseOptions popt;
  popt.allow_bare_descriptions = options.allow_bare_descriptions;
  CompiledProgram prog;
  prog.ast = parse_program(lexer, popt);
  prog.pragma_options = control.options;
  Checker(prog, options).run();
  match_probes(prog, options, catalog, next_epid);
  return prog;
}

}  // namespace sct::dtrace
