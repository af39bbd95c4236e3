// Runs compiled D programs over probe firings. The clauses enabled on a
// probe run in program order; side effects of one are visible to the next
// clause's predicate in the same firing (dtruss depends on this). A clause
// firing that records data (trace, printf, printa, exit, clear, trunc, or an
// empty body) prints one record; a runtime fault discards that record and
// prints DTrace's "error on enabled probe ID" line instead.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "dtrace/aggregation.h"
#include "dtrace/firing.h"
#include "dtrace/output.h"
#include "dtrace/program.h"

namespace sct::dtrace {

struct RuntimeOptions {
  bool quiet = false;        // -q / -x quiet
  size_t strsize = 256;      // -x strsize
  bool testing = false;      // drop the CPU and ID columns (DTrace's _DTRACE_TESTING)
  AggSortOptions sort;       // -x aggsortkey / aggsortrev
};

class Interpreter {
 public:
  Interpreter(std::vector<CompiledProgram>& programs, const RuntimeOptions& options, Output& output);
  ~Interpreter();

  // Whether any clause is enabled on the probe.
  bool enabled(uint32_t probe_id) const { return by_probe_.count(probe_id) != 0; }
  // The probe IDs that have clauses (the engine's selection).
  std::vector<uint32_t> enabled_probes() const;

  // Runs the clauses of firing.probe. Ignored after exit() (except END).
  void fire(const Firing& firing);
  // A thread is gone: its self-> variables are freed.
  void thread_exited(int32_t tid);

  // Ending a run, in dtrace(1)'s order: END fires, then "\n", then every
  // aggregation printa() has not printed. `end` is the firing for END
  // (its probe is set by this function).
  void finish(Firing end);
  // ^C/SIGTERM: dtrace(1) prints a newline first (not in testing mode).
  void interrupted();

  bool exited() const { return exited_; }
  int exit_status() const { return exit_status_; }

 private:
  struct Fault {
    std::string what;
    bool has_addr = false;
    uint64_t addr = 0;
  };
  struct ProgramState;
  struct Target {
    size_t program;
    size_t clause;
    uint32_t epid;
  };
  class Run;  // one clause firing
  friend class Run;

  void run_clause(const Target& t, const Firing& f);
  void report_fault(const Target& t, const Firing& f, const Fault& fault, const std::string& where);

  std::vector<CompiledProgram>& programs_;
  std::vector<std::unique_ptr<ProgramState>> states_;
  RuntimeOptions opt_;
  Output& out_;
  std::map<uint32_t, std::vector<Target>> by_probe_;
  bool header_printed_ = false;
  bool exited_ = false;
  bool ended_ = false;
  bool in_error_probe_ = false;
  int exit_status_ = 0;
};

}  // namespace sct::dtrace
