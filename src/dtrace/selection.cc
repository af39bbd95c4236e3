#include "dtrace/selection.h"

#include <algorithm>
#include <map>
#include <set>

namespace sct::dtrace {

namespace {

// What one clause's predicate proves about the process that fires it.
struct Guard {
  std::set<std::string> names;  // execname is one of these (empty: unknown)
  std::set<int32_t> pids;       // pid is one of these (empty: unknown)
};

bool is_builtin(const Expr& e, Builtin b) {
  return e.kind == ExprKind::Ident && e.scope == VarScope::Builtin && Builtin(e.slot) == b;
}

bool is_int(const Expr& e, uint64_t v) { return e.kind == ExprKind::IntConst && e.ival == v; }

// The thread variable a conjunct requires to be non-zero: self->x,
// self->x != 0, 0 != self->x, self->x > K (K >= 0). -1 when it is none of these.
int self_guard(const Expr& e) {
  if (e.kind == ExprKind::SelfVar) return e.slot;
  if (e.kind != ExprKind::Binary) return -1;
  const Expr& l = *e.kids[0];
  const Expr& r = *e.kids[1];
  if (e.name == "!=") {
    if (l.kind == ExprKind::SelfVar && is_int(r, 0)) return l.slot;
    if (r.kind == ExprKind::SelfVar && is_int(l, 0)) return r.slot;
  }
  if (e.name == ">" && l.kind == ExprKind::SelfVar && r.kind == ExprKind::IntConst && int64_t(r.ival) >= 0) return l.slot;
  if (e.name == "<" && r.kind == ExprKind::SelfVar && l.kind == ExprKind::IntConst && int64_t(l.ival) >= 0) return r.slot;
  return -1;
}

// Collects the `&&`-conjuncts of a predicate of the forms execname == "x"
// and pid == N (either operand order), and the thread variables that must
// be non-zero.
void conjuncts(const Expr& e, Guard* g, std::set<int>* self_vars) {
  if (e.kind == ExprKind::Binary && e.name == "&&") {
    conjuncts(*e.kids[0], g, self_vars);
    conjuncts(*e.kids[1], g, self_vars);
    return;
  }
  if (int slot = self_guard(e); slot >= 0) self_vars->insert(slot);
  if (e.kind != ExprKind::Binary || e.name != "==") return;
  for (int side = 0; side < 2; ++side) {
    const Expr& var = *e.kids[size_t(side)];
    const Expr& val = *e.kids[size_t(1 - side)];
    if (is_builtin(var, Builtin::Execname) && val.kind == ExprKind::StrConst) g->names.insert(val.sval);
    if (is_builtin(var, Builtin::Pid) && val.kind == ExprKind::IntConst) g->pids.insert(int32_t(val.ival));
  }
}

// Records which clauses may make each thread variable non-zero (any
// assignment but "= 0", any ++/--).
void setters(const Expr& e, size_t clause, std::map<int, std::set<size_t>>* out) {
  if ((e.kind == ExprKind::Assign || e.kind == ExprKind::IncDec) && !e.kids.empty() && e.kids[0]->kind == ExprKind::SelfVar) {
    bool clears = e.kind == ExprKind::Assign && e.name == "=" && e.kids.size() > 1 && is_int(*e.kids[1], 0);
    if (!clears) (*out)[e.kids[0]->slot].insert(clause);
  }
  for (const auto& k : e.kids)
    if (k) setters(*k, clause, out);
}

void setters(const std::vector<Stmt>& body, size_t clause, std::map<int, std::set<size_t>>* out) {
  for (const Stmt& s : body) {
    if (s.expr) setters(*s.expr, clause, out);
    setters(s.then_body, clause, out);
    setters(s.else_body, clause, out);
  }
}

}  // namespace

// A clause is usable for kernel selection when its predicate names the
// process (execname == "x", pid == N) or requires a thread variable that
// only such clauses set: `syscall:::entry /execname == "valk"/ { self->ts =
// timestamp; } syscall:::return /self->ts/ {...}` fires its second clause
// only in threads the first one fired in (thread variables start at zero).
KernelSelection compute_selection(const std::vector<CompiledProgram>& programs) {
  KernelSelection sel;
  bool names_usable = true, pids_usable = true;
  std::set<std::string> all_names;
  std::set<int32_t> all_pids;
  for (const CompiledProgram& prog : programs) {
    size_t n = prog.clauses.size();
    std::vector<Guard> guards(n);
    std::vector<std::set<int>> needs(n);
    std::map<int, std::set<size_t>> set_by;
    for (size_t i = 0; i < n; ++i) {
      const Clause& c = *prog.clauses[i].ast;
      if (c.predicate) {
        conjuncts(*c.predicate, &guards[i], &needs[i]);
        setters(*c.predicate, i, &set_by);
      }
      setters(c.body, i, &set_by);
    }
    // Propagate: a clause needing self->x is as selective as every clause
    // that sets x, when all of them are selective. Guards only grow, so a
    // few rounds reach the fixpoint.
    for (size_t round = 0; round < n + 1; ++round) {
      bool changed = false;
      for (size_t i = 0; i < n; ++i) {
        for (int var : needs[i]) {
          auto it = set_by.find(var);
          // Never set non-zero: the clause never fires; any selection will do.
          bool names_ok = true, pids_ok = true;
          std::set<std::string> names;
          std::set<int32_t> pids;
          if (it != set_by.end()) {
            for (size_t s : it->second) {
              if (guards[s].names.empty()) names_ok = false;
              if (guards[s].pids.empty()) pids_ok = false;
              names.insert(guards[s].names.begin(), guards[s].names.end());
              pids.insert(guards[s].pids.begin(), guards[s].pids.end());
            }
          }
          if (names_ok && guards[i].names.empty() && !names.empty()) guards[i].names = names, changed = true;
          if (pids_ok && guards[i].pids.empty() && !pids.empty()) guards[i].pids = pids, changed = true;
        }
      }
      if (!changed) break;
    }
    for (size_t i = 0; i < n; ++i) {
      const CompiledClause& c = prog.clauses[i];
      bool has_syscall = false;
      for (const Probe* p : c.probes) {
        if (p->kind == ProbeKind::SyscallEntry) sel.entry.set(size_t(p->syscall_nr)), has_syscall = true;
        if (p->kind == ProbeKind::SyscallReturn) sel.ret.set(size_t(p->syscall_nr)), has_syscall = true;
        if (p->kind == ProbeKind::Profile) sel.needs_profile = true;
      }
      if (!has_syscall) continue;
      sel.any_syscall = true;
      if (guards[i].names.empty()) names_usable = false;
      if (guards[i].pids.empty()) pids_usable = false;
      all_names.insert(guards[i].names.begin(), guards[i].names.end());
      all_pids.insert(guards[i].pids.begin(), guards[i].pids.end());
    }
  }
  if (sel.any_syscall && names_usable) sel.execnames.assign(all_names.begin(), all_names.end());
  if (sel.any_syscall && pids_usable) sel.pids.assign(all_pids.begin(), all_pids.end());
  return sel;
}

}  // namespace sct::dtrace
