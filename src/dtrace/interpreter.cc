#include "dtrace/interpreter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <span>

#include "core/tracee_memory.h"
#include "dtrace/d_arith.h"
#include "dtrace/printf_format.h"
#include "dtrace/record_format.h"
#include "dtrace/task_info.h"

namespace sct::dtrace {

namespace {

bool is_zero(const DValue& v, const DType& t) { return t.kind == DType::Int ? v.i == 0 : v.s.empty(); }

// dirname(1)/basename(1) semantics, which D's subroutines follow.
std::string d_basename(std::string s) {
  if (s.empty()) return ".";
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  if (s == "/") return s;
  size_t slash = s.rfind('/');
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

std::string d_dirname(std::string s) {
  if (s.empty()) return ".";
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  size_t slash = s.rfind('/');
  if (slash == std::string::npos) return ".";
  while (slash > 0 && s[slash - 1] == '/') --slash;
  return slash == 0 ? "/" : s.substr(0, slash);
}

constexpr size_t kMaxCopyin = 1 << 20;  // DTrace's scratch space is bounded too

}  // namespace

struct Interpreter::ProgramState {
  std::vector<DValue> globals;
  std::unordered_map<int32_t, std::vector<DValue>> thread;
  std::vector<DValue> clause_locals;
  std::vector<std::map<std::string, DValue>> assocs;
  std::vector<std::unique_ptr<Aggregation>> aggs;
  std::map<const Expr*, ParsedFormat> formats;
};

// One clause firing: evaluates the predicate and body, collecting the record.
class Interpreter::Run {
 public:
  Run(Interpreter& in, ProgramState& st, const CompiledProgram& prog, const Firing& f, uint32_t epid)
      : in_(in), st_(st), prog_(prog), f_(f), epid_(epid) {}

  std::string record;
  bool recorded = false;
  int action = 0;  // 1-based index of the action being evaluated

  bool predicate(const Expr& e) { return truthy(e, eval(e)); }

  void body(const std::vector<Stmt>& stmts) {
    for (const Stmt& s : stmts) {
      switch (s.kind) {
        case Stmt::Empty: break;
        case Stmt::If:
          ++action;
          if (truthy(*s.expr, eval(*s.expr))) body(s.then_body);
          else body(s.else_body);
          break;
        case Stmt::ExprStmt: statement(*s.expr); break;
      }
    }
  }

 private:
  [[noreturn]] void fault(const char* what, bool has_addr = false, uint64_t addr = 0) { throw Fault{what, has_addr, addr}; }

  bool truthy(const Expr& e, const DValue& v) { return !is_zero(v, e.type); }

  void statement(const Expr& e) {
    if (e.kind == ExprKind::Comma) {
      statement(*e.kids[0]);
      statement(*e.kids[1]);
      return;
    }
    ++action;
    if (e.kind == ExprKind::Call && e.type.kind == DType::Void) return call_action(e);
    if (e.kind == ExprKind::Assign && e.kids[0]->kind == ExprKind::Agg) return aggregate(e);
    eval(e);
  }

  void aggregate(const Expr& e) {
    const Expr& lhs = *e.kids[0];
    const Expr& rhs = *e.kids[1];
    std::vector<TypedValue> key;
    for (const auto& k : lhs.kids) {
      TypedValue tv{k->type, eval(*k)};
      if (tv.type.kind != DType::Int) tv.v.s = bound_string(tv.v.s, in_.opt_.strsize);
      key.push_back(std::move(tv));
    }
    int64_t value = 0, incr = 1;
    if (!rhs.kids.empty()) value = int64_t(eval(*rhs.kids[0]).i);
    const AggInfo& info = prog_.aggs[size_t(lhs.slot)];
    if (info.func == AggFunc::Quantize && rhs.kids.size() == 2) incr = int64_t(eval(*rhs.kids[1]).i);
    if (info.func == AggFunc::Lquantize && rhs.kids.size() == 5) incr = int64_t(eval(*rhs.kids[4]).i);
    st_.aggs[size_t(lhs.slot)]->apply(key, value, incr);
  }

  const ParsedFormat& format_of(const Expr& fmt_expr) {
    auto it = st_.formats.find(&fmt_expr);
    if (it == st_.formats.end()) {
      std::string err;
      it = st_.formats.emplace(&fmt_expr, *parse_format(fmt_expr.sval, &err)).first;
    }
    return it->second;
  }

  void call_action(const Expr& e) {
    const std::string& n = e.name;
    recorded = true;
    if (n == "trace") {
      TypedValue v{e.kids[0]->type, eval(*e.kids[0])};
      record += trace_output(v, in_.opt_.quiet, in_.opt_.strsize);
    } else if (n == "printf") {
      // Each argument is one action, for fault messages ("in action #2").
      int base = action;
      std::vector<TypedValue> args;
      for (size_t i = 1; i < e.kids.size(); ++i) {
        action = base + int(i) - 1;
        args.push_back({e.kids[i]->type, eval(*e.kids[i])});
      }
      if (e.kids.size() > 2) action = base + int(e.kids.size()) - 2;
      const ParsedFormat& f = format_of(*e.kids[0]);
      size_t a = 0;
      for (const Conversion& c : f.convs) {
        record += c.prefix;
        if (c.conv == 0) continue;
        int w = 0, p = 0;
        if (c.width_star) w = int(int64_t(args[a++].v.i));
        if (c.precision_star) p = int(int64_t(args[a++].v.i));
        record += format_conversion(c, args[a++], w, p, in_.opt_.strsize);
      }
    } else if (n == "printa") {
      size_t first = 0;
      const ParsedFormat* f = nullptr;
      if (e.kids[0]->kind == ExprKind::StrConst) {
        f = &format_of(*e.kids[0]);
        first = 1;
      }
      for (size_t i = first; i < e.kids.size(); ++i) {
        Aggregation& agg = *st_.aggs[size_t(e.kids[i]->slot)];
        if (f) record += agg.print_formatted(*f, in_.opt_.sort);
        else record += "\n" + agg.print_default(in_.opt_.sort);
        agg.printed = true;
      }
    } else if (n == "exit") {
      in_.exit_status_ = int(int32_t(eval(*e.kids[0]).i));
      in_.exited_ = true;
    } else if (n == "clear") {
      st_.aggs[size_t(e.kids[0]->slot)]->clear();
    } else if (n == "trunc") {
      int64_t keep = e.kids.size() == 2 ? int64_t(eval(*e.kids[1]).i) : 0;
      st_.aggs[size_t(e.kids[0]->slot)]->truncate(keep);
    }
  }

  DValue builtin(Builtin b) {
    int bi = int(b);
    if (bi >= 0 && bi <= 9) return DValue::of_int(f_.args[bi]);
    switch (b) {
      case Builtin::Errno: return DValue::of_int(uint64_t(int64_t(f_.errno_value)));
      case Builtin::Execname: return DValue::of_str(f_.task.execname);
      case Builtin::Pid: return DValue::of_int(uint64_t(int64_t(f_.task.pid)));
      case Builtin::Tid: return DValue::of_int(uint64_t(int64_t(f_.tid)));
      case Builtin::Ppid: return DValue::of_int(uint64_t(int64_t(f_.task.ppid)));
      case Builtin::Uid: return DValue::of_int(f_.task.uid);
      case Builtin::Gid: return DValue::of_int(f_.task.gid);
      case Builtin::Cpu: return DValue::of_int(uint64_t(int64_t(f_.cpu)));
      case Builtin::Timestamp: return DValue::of_int(f_.timestamp);
      case Builtin::Vtimestamp: return DValue::of_int(f_.vtimestamp ? f_.vtimestamp() : 0);
      case Builtin::Walltimestamp: return DValue::of_int(uint64_t(f_.walltimestamp));
      case Builtin::Probeprov: return DValue::of_str(f_.probe->provider);
      case Builtin::Probemod: return DValue::of_str(f_.probe->module);
      case Builtin::Probefunc: return DValue::of_str(f_.probe->function);
      case Builtin::Probename: return DValue::of_str(f_.probe->name);
      case Builtin::Epid: return DValue::of_int(epid_);
      case Builtin::Id: return DValue::of_int(f_.probe->id);
      default: return DValue{};
    }
  }

  // The storage an lvalue names (created on demand).
  DValue& slot(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Ident: return st_.globals[size_t(e.slot)];
      case ExprKind::SelfVar: {
        auto& vars = st_.thread[f_.tid];
        if (vars.empty()) vars.resize(prog_.thread_vars.size());
        return vars[size_t(e.slot)];
      }
      case ExprKind::ThisVar: return st_.clause_locals[size_t(e.slot)];
      case ExprKind::Index: return st_.assocs[size_t(e.slot)][assoc_key(e)];
      default: fault("illegal operation");
    }
  }

  std::string assoc_key(const Expr& e) {
    std::vector<TypedValue> key;
    for (const auto& k : e.kids) key.push_back({k->type, eval(*k)});
    return serialize_key(key);
  }

  DValue load(const Expr& e) {
    switch (e.kind) {
      case ExprKind::SelfVar: {
        auto it = st_.thread.find(f_.tid);
        if (it == st_.thread.end() || it->second.empty()) return DValue{};
        return it->second[size_t(e.slot)];
      }
      case ExprKind::Index: {
        auto& m = st_.assocs[size_t(e.slot)];
        auto it = m.find(assoc_key(e));
        return it == m.end() ? DValue{} : it->second;
      }
      default: return slot(e);
    }
  }

  void store(const Expr& lhs, DValue v) {
    if (lhs.type.kind == DType::Int) v.i = normalize_int(v.i, lhs.type);
    else v.s = bound_string(v.s, in_.opt_.strsize);
    bool zero = is_zero(v, lhs.type);
    // Assigning zero frees a thread-local or associative-array slot.
    if (zero && lhs.kind == ExprKind::Index) {
      st_.assocs[size_t(lhs.slot)].erase(assoc_key(lhs));
      return;
    }
    slot(lhs) = std::move(v);
  }

  DValue eval(const Expr& e) {
    switch (e.kind) {
      case ExprKind::IntConst: return DValue::of_int(e.ival);
      case ExprKind::StrConst: return DValue::of_str(e.sval);
      case ExprKind::Ident:
        if (e.scope == VarScope::Builtin) return builtin(Builtin(e.slot));
        return st_.globals[size_t(e.slot)];
      case ExprKind::SelfVar:
      case ExprKind::ThisVar:
      case ExprKind::Index:
        return load(e);
      case ExprKind::Agg:
      case ExprKind::Sizeof:
        fault("illegal operation");
      case ExprKind::Call: return subroutine(e);
      case ExprKind::Unary: {
        DValue v = eval(*e.kids[0]);
        const DType& t = e.kids[0]->type;
        if (e.name == "!") return DValue::of_int(is_zero(v, t));
        uint64_t x = convert_int(v.i, t, e.type);
        if (e.name == "-") return DValue::of_int(normalize_int(uint64_t(0) - x, e.type));
        if (e.name == "~") return DValue::of_int(normalize_int(~x, e.type));
        return DValue::of_int(x);
      }
      case ExprKind::Binary: return binary(e);
      case ExprKind::Ternary: {
        const Expr& chosen = truthy(*e.kids[0], eval(*e.kids[0])) ? *e.kids[1] : *e.kids[2];
        DValue v = eval(chosen);
        if (e.type.kind == DType::Int) v.i = convert_int(v.i, chosen.type, e.type);
        return v;
      }
      case ExprKind::Assign: {
        const Expr& lhs = *e.kids[0];
        const Expr& rhs = *e.kids[1];
        DValue r = eval(rhs);
        if (e.name != "=") {
          DValue cur = load(lhs);
          std::string op = e.name.substr(0, e.name.size() - 1);
          DType t = (op == "<<" || op == ">>") ? promote(lhs.type) : arithmetic_result(lhs.type, rhs.type);
          uint64_t out;
          if (int_binary(op, cur.i, lhs.type, r.i, rhs.type, t, &out) != ArithStatus::Ok) fault("divide-by-zero");
          r = DValue::of_int(convert_int(out, t, lhs.type));
        } else if (lhs.type.kind == DType::Int) {
          r.i = convert_int(r.i, rhs.type, lhs.type);
        } else {
          r.s = bound_string(r.s, in_.opt_.strsize);
        }
        store(lhs, r);
        return r;
      }
      case ExprKind::Cast: {
        DValue v = eval(*e.kids[0]);
        if (e.type.kind == DType::Int) v.i = convert_int(v.i, e.kids[0]->type, e.type);
        return v;
      }
      case ExprKind::IncDec: {
        const Expr& lhs = *e.kids[0];
        DValue cur = load(lhs);
        uint64_t next = normalize_int(e.name == "++" ? cur.i + 1 : cur.i - 1, lhs.type);
        store(lhs, DValue::of_int(next));
        return e.postfix ? cur : DValue::of_int(next);
      }
      case ExprKind::Comma:
        eval(*e.kids[0]);
        return eval(*e.kids[1]);
    }
    return DValue{};
  }

  DValue binary(const Expr& e) {
    const std::string& op = e.name;
    const Expr& a = *e.kids[0];
    const Expr& b = *e.kids[1];
    if (op == "&&") return DValue::of_int(truthy(a, eval(a)) && truthy(b, eval(b)));
    if (op == "||") return DValue::of_int(truthy(a, eval(a)) || truthy(b, eval(b)));
    DValue x = eval(a), y = eval(b);
    if (op == "^^") return DValue::of_int(truthy(a, x) != truthy(b, y));
    if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") {
      if (a.type.kind != DType::Int) {
        int c = bound_string(x.s, in_.opt_.strsize).compare(bound_string(y.s, in_.opt_.strsize));
        bool r = op == "==" ? c == 0 : op == "!=" ? c != 0 : op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
        return DValue::of_int(r);
      }
      return DValue::of_int(int_compare(op, x.i, a.type, y.i, b.type));
    }
    uint64_t out;
    if (int_binary(op, x.i, a.type, y.i, b.type, e.type, &out) != ArithStatus::Ok) fault("divide-by-zero");
    return DValue::of_int(out);
  }

  std::string str_arg(const Expr& e, size_t i) { return bound_string(eval(*e.kids[i]).s, in_.opt_.strsize); }

  DValue subroutine(const Expr& e) {
    const std::string& n = e.name;
    size_t strsize = in_.opt_.strsize;
    if (n == "copyinstr") {
      uint64_t addr = eval(*e.kids[0]).i;
      size_t max = strsize - 1;
      if (e.kids.size() == 2) max = std::min<size_t>(max, size_t(eval(*e.kids[1]).i));
      if (!f_.mem) fault("invalid address", true, addr);
      bool terminated = false;
      std::optional<std::string> s = f_.mem->read_cstring(addr, max, &terminated);
      if (!s) fault("invalid address", true, addr);
      return DValue::of_str(*s);
    }
    if (n == "copyin") {
      uint64_t addr = eval(*e.kids[0]).i;
      uint64_t len = eval(*e.kids[1]).i;
      if (len > kMaxCopyin) fault("out of scratch space");
      std::string buf(size_t(len), '\0');
      if (!f_.mem || !f_.mem->read(addr, std::as_writable_bytes(std::span<char>(buf.data(), buf.size()))))
        fault("invalid address", true, addr);
      return DValue::of_str(buf);
    }
    if (n == "stringof") {
      const Expr& a = *e.kids[0];
      DValue v = eval(a);
      if (a.type.kind == DType::Int) return DValue::of_str(a.type.is_signed ? std::to_string(int64_t(v.i)) : std::to_string(v.i));
      return DValue::of_str(bound_string(v.s, strsize));
    }
    if (n == "strlen") return DValue::of_int(str_arg(e, 0).size());
    if (n == "strjoin") return DValue::of_str(bound_string(str_arg(e, 0) + str_arg(e, 1), strsize));
    if (n == "basename") return DValue::of_str(d_basename(str_arg(e, 0)));
    if (n == "dirname") return DValue::of_str(d_dirname(str_arg(e, 0)));
    if (n == "toupper" || n == "tolower") {
      std::string s = str_arg(e, 0);
      for (char& c : s) c = char(n == "toupper" ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
      return DValue::of_str(s);
    }
    if (n == "strstr") {
      std::string s = str_arg(e, 0), t = str_arg(e, 1);
      size_t at = s.find(t);
      return DValue::of_str(at == std::string::npos ? "" : s.substr(at));
    }
    if (n == "substr") {
      std::string s = str_arg(e, 0);
      int64_t len = int64_t(s.size());
      int64_t i = int64_t(eval(*e.kids[1]).i);
      int64_t cnt = e.kids.size() == 3 ? int64_t(eval(*e.kids[2]).i) : len;
      if (i < 0) i = std::max<int64_t>(0, len + i);
      if (i >= len || cnt <= 0) return DValue::of_str("");
      return DValue::of_str(s.substr(size_t(i), size_t(std::min(cnt, len - i))));
    }
    if (n == "index" || n == "rindex") {
      std::string s = str_arg(e, 0), t = str_arg(e, 1);
      size_t at;
      if (n == "index") at = s.find(t, e.kids.size() == 3 ? size_t(std::max<int64_t>(0, int64_t(eval(*e.kids[2]).i))) : 0);
      else at = s.rfind(t, e.kids.size() == 3 ? size_t(eval(*e.kids[2]).i) : std::string::npos);
      return DValue::of_int(at == std::string::npos ? uint64_t(int64_t(-1)) : at);
    }
    if (n == "lltostr") {
      const Expr& a = *e.kids[0];
      uint64_t v = eval(a).i;
      int base = e.kids.size() == 2 ? int(eval(*e.kids[1]).i) : 10;
      if (base == 16) return DValue::of_str(fmt::format("0x{:x}", v));
      if (base == 8) return DValue::of_str(fmt::format("0{:o}", v));
      return DValue::of_str(std::to_string(int64_t(v)));
    }
    if (n == "progenyof") {
      int32_t want = int32_t(eval(*e.kids[0]).i);
      int32_t p = f_.task.pid;
      for (int depth = 0; p > 0 && depth < 4096; ++depth) {
        if (p == want) return DValue::of_int(1);
        p = depth == 0 && f_.task.ppid > 0 ? f_.task.ppid : parent_pid(p);
      }
      return DValue::of_int(want == 0);
    }
    if (n == "rand") return DValue::of_int(uint64_t(int64_t(std::rand())));
    fault("illegal operation");
  }

  Interpreter& in_;
  ProgramState& st_;
  const CompiledProgram& prog_;
  const Firing& f_;
  uint32_t epid_;
};

Interpreter::Interpreter(std::vector<CompiledProgram>& programs, const RuntimeOptions& options, Output& output)
    : programs_(programs), opt_(options), out_(output) {
  for (size_t p = 0; p < programs_.size(); ++p) {
    const CompiledProgram& prog = programs_[p];
    auto st = std::make_unique<ProgramState>();
    st->globals.resize(prog.globals.size());
    st->clause_locals.resize(prog.clause_vars.size());
    st->assocs.resize(prog.assocs.size());
    for (const AggInfo& a : prog.aggs) st->aggs.push_back(std::make_unique<Aggregation>(a, opt_.strsize));
    states_.push_back(std::move(st));
    for (size_t c = 0; c < prog.clauses.size(); ++c) {
      const CompiledClause& cc = prog.clauses[c];
      for (size_t i = 0; i < cc.probes.size(); ++i) by_probe_[cc.probes[i]->id].push_back({p, c, cc.epids[i]});
    }
  }
  // Program order across programs: by program, then clause (already so per
  // probe because programs and clauses are visited in order).
}

Interpreter::~Interpreter() = default;

std::vector<uint32_t> Interpreter::enabled_probes() const {
  std::vector<uint32_t> ids;
  for (const auto& [id, targets] : by_probe_) ids.push_back(id);
  return ids;
}

void Interpreter::fire(const Firing& f) {
  if (!f.probe) return;
  if (exited_ && f.probe->kind != ProbeKind::End) return;
  auto it = by_probe_.find(f.probe->id);
  if (it == by_probe_.end()) return;
  // this-> variables live for one firing, across its clauses.
  for (auto& st : states_) std::fill(st->clause_locals.begin(), st->clause_locals.end(), DValue{});
  for (const Target& t : it->second) run_clause(t, f);
  out_.flush();
}

void Interpreter::run_clause(const Target& t, const Firing& f) {
  const CompiledProgram& prog = programs_[t.program];
  const CompiledClause& cc = prog.clauses[t.clause];
  Run run(*this, *states_[t.program], prog, f, t.epid);
  try {
    if (cc.ast->predicate && !run.predicate(*cc.ast->predicate)) return;
  } catch (const Fault& fault) {
    report_fault(t, f, fault, "predicate");
    return;
  }
  try {
    run.body(cc.ast->body);
  } catch (const Fault& fault) {
    report_fault(t, f, fault, fmt::format("action #{}", std::max(1, run.action)));
    return;
  }
  if (!run.recorded && !cc.empty_body) return;
  std::string text;
  if (!opt_.quiet) {
    if (!header_printed_) {
      text += opt_.testing ? fmt::format("{:>32}\n", "FUNCTION:NAME") : fmt::format("{:>3} {:>6} {:>32}\n", "CPU", "ID", "FUNCTION:NAME");
      header_printed_ = true;
    }
    std::string name = f.probe->function + ":" + f.probe->name;
    text += opt_.testing ? fmt::format("{:>32} ", name) : fmt::format("{:3} {:6} {:>32} ", f.cpu, f.probe->id, name);
  }
  text += run.record;
  if (!opt_.quiet) text += "\n";
  out_.out(text);
}

void Interpreter::report_fault(const Target& t, const Firing& f, const Fault& fault, const std::string& where) {
  const Probe& p = *f.probe;
  std::string detail = fault.has_addr ? fmt::format(" (0x{:x})", fault.addr) : "";
  out_.err(fmt::format("dtrace: error on enabled probe ID {} (ID {}: {}:{}:{}:{}): {}{} in {}\n", t.epid, p.id, p.provider, p.module,
                       p.function, p.name, fault.what, detail, where));
  // dtrace:::ERROR fires for the fault (but never for a fault inside ERROR).
  if (in_error_probe_) return;
  for (const auto& [id, targets] : by_probe_) {
    if (id != 3) continue;
    Firing ef = f;
    static const Probe kError{3, ProbeKind::Error, "dtrace", "", "", "ERROR"};
    ef.probe = &kError;
    std::fill(std::begin(ef.args), std::end(ef.args), 0);
    ef.args[1] = t.epid;
    ef.args[2] = t.clause;
    ef.args[3] = where == "predicate" ? uint64_t(int64_t(-1)) : uint64_t(std::atoi(where.c_str() + 8));
    ef.args[4] = fault.what == "invalid address" ? 1 : fault.what == "divide-by-zero" ? 3 : 5;
    ef.args[5] = fault.addr;
    in_error_probe_ = true;
    for (const Target& et : targets) run_clause(et, ef);
    in_error_probe_ = false;
  }
}

void Interpreter::thread_exited(int32_t tid) {
  for (auto& st : states_) st->thread.erase(tid);
}

void Interpreter::interrupted() {
  if (!opt_.testing) out_.out("\n");
}

void Interpreter::finish(Firing end) {
  if (!ended_) {
    ended_ = true;
    static const Probe kEnd{2, ProbeKind::End, "dtrace", "", "", "END"};
    end.probe = &kEnd;
    fire(end);
  }
  out_.out("\n");
  for (auto& st : states_)
    for (auto& agg : st->aggs)
      if (!agg->printed && !agg->empty()) out_.out(agg->print_default(opt_.sort));
  out_.flush();
}

}  // namespace sct::dtrace
