// A checked D program: the AST with types and resolved names, its variables
// and aggregations, and for each clause the probes it enables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dtrace/ast.h"
#include "dtrace/lexer.h"
#include "dtrace/probes.h"

namespace sct::dtrace {

enum class Builtin : int {
  Arg0 = 0,  // .. Arg9 = 9
  Errno = 10, Execname, Pid, Tid, Ppid, Uid, Gid, Cpu, Timestamp, Vtimestamp, Walltimestamp,
  Probeprov, Probemod, Probefunc, Probename, Epid, Id,
};

enum class AggFunc { Count, Sum, Avg, Min, Max, Stddev, Quantize, Lquantize, Llquantize };

struct AggInfo {
  std::string name;  // "@_" for the anonymous one
  AggFunc func = AggFunc::Count;
  bool defined = false;
  std::vector<DType> keys;
  // lquantize: low, high, step; llquantize: factor, low_mag, high_mag, steps.
  int64_t params[4] = {};
  size_t nbuckets = 0;  // histogram functions
};

struct VarInfo {
  std::string name;
  DType type;
  bool typed = false;
  std::vector<DType> keys;  // associative arrays
};

struct CompiledClause {
  const Clause* ast = nullptr;
  std::vector<const Probe*> probes;
  std::vector<uint32_t> epids;  // parallel to probes
  bool empty_body = false;      // "{}" or no body: records an empty record
};

struct CompiledProgram {
  Program ast;
  std::vector<VarInfo> globals, thread_vars, clause_vars, assocs;
  std::vector<AggInfo> aggs;
  std::vector<CompiledClause> clauses;
  size_t matched_probes = 0;  // the "matched N probes" count (summed over clauses)
  // Options from "#pragma D option" lines, in order.
  std::vector<std::pair<std::string, std::string>> pragma_options;
};

struct CompileOptions {
  bool zdefs = false;         // -Z: descriptions may match no probes
  bool destructive = false;   // -w
  bool allow_bare_descriptions = false;  // -n
};

// Parses and checks. Throws CompileError (line 0 for errors DTrace reports
// without a position, such as an unmatched probe description in -n).
// `first_epid` numbers enabled probes across several programs.
CompiledProgram compile_program(const std::string& source, const MacroEnv& macros, const CompileOptions& options,
                                ProbeCatalog& catalog, uint32_t* next_epid);

// The built-in variable named `name`, or false.
bool lookup_builtin(const std::string& name, Builtin* b, DType* type);

}  // namespace sct::dtrace
