#include "dtrace/selection.h"

#include <algorithm>

namespace sct::dtrace {

namespace {

// Collects the `&&`-conjuncts of a predicate of the forms execname == "x"
// and pid == N (either operand order). Returns false when none is found.
void conjuncts(const Expr& e, std::vector<std::string>* names, std::vector<int32_t>* pids) {
  if (e.kind == ExprKind::Binary && e.name == "&&") {
    conjuncts(*e.kids[0], names, pids);
    conjuncts(*e.kids[1], names, pids);
    return;
  }
  if (e.kind != ExprKind::Binary || e.name != "==") return;
  for (int side = 0; side < 2; ++side) {
    const Expr& var = *e.kids[size_t(side)];
    const Expr& val = *e.kids[size_t(1 - side)];
    if (var.kind != ExprKind::Ident || var.scope != VarScope::Builtin) continue;
    if (Builtin(var.slot) == Builtin::Execname && val.kind == ExprKind::StrConst) names->push_back(val.sval);
    if (Builtin(var.slot) == Builtin::Pid && val.kind == ExprKind::IntConst) pids->push_back(int32_t(val.ival));
  }
}

}  // namespace

KernelSelection compute_selection(const std::vector<CompiledProgram>& programs) {
  KernelSelection sel;
  bool names_usable = true, pids_usable = true;
  std::vector<std::string> all_names;
  std::vector<int32_t> all_pids;
  for (const CompiledProgram& prog : programs) {
    for (const CompiledClause& c : prog.clauses) {
      bool has_syscall = false;
      for (const Probe* p : c.probes) {
        if (p->kind == ProbeKind::SyscallEntry) sel.entry.set(size_t(p->syscall_nr)), has_syscall = true;
        if (p->kind == ProbeKind::SyscallReturn) sel.ret.set(size_t(p->syscall_nr)), has_syscall = true;
        if (p->kind == ProbeKind::Profile) sel.needs_profile = true;
      }
      if (!has_syscall) continue;
      sel.any_syscall = true;
      std::vector<std::string> names;
      std::vector<int32_t> pids;
      if (c.ast->predicate) conjuncts(*c.ast->predicate, &names, &pids);
      if (names.empty()) names_usable = false;
      if (pids.empty()) pids_usable = false;
      all_names.insert(all_names.end(), names.begin(), names.end());
      all_pids.insert(all_pids.end(), pids.begin(), pids.end());
    }
  }
  if (sel.any_syscall && names_usable) {
    std::sort(all_names.begin(), all_names.end());
    all_names.erase(std::unique(all_names.begin(), all_names.end()), all_names.end());
    sel.execnames = all_names;
  }
  if (sel.any_syscall && pids_usable) {
    std::sort(all_pids.begin(), all_pids.end());
    all_pids.erase(std::unique(all_pids.begin(), all_pids.end()), all_pids.end());
    sel.pids = all_pids;
  }
  return sel;
}

}  // namespace sct::dtrace
