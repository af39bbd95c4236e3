// For unit tests only: runs D programs over synthetic firings (a fake event
// source), with a small fixed syscall list and fake tracee memory, and
// returns what dtrace(1) would have printed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/tracee_memory.h"
#include "dtrace/event_adapter.h"
#include "dtrace/interpreter.h"
#include "dtrace/lexer.h"
#include "dtrace/probes.h"
#include "dtrace/program.h"

namespace sct::dtrace::testing {

inline ProbeCatalog test_catalog() {
  return ProbeCatalog({{0, "read"}, {1, "write"}, {2, "open"}, {3, "close"}, {257, "openat"}, {437, "openat2"}, {231, "exit_group"}});
}

inline RuntimeOptions testing_options(bool quiet = false) {
  RuntimeOptions o;
  o.quiet = quiet;
  o.testing = true;
  return o;
}

struct DRun {
  ProbeCatalog catalog = test_catalog();
  std::vector<CompiledProgram> programs;
  StringOutput output;
  std::unique_ptr<Interpreter> interp;
  FakeMemory memory;
  std::mutex lock;
  std::unique_ptr<DtraceEventSink> sink;
  bool exit_hook_called = false;

  // Compiles `source` (as -n when bare, else as -s) and sets up the interpreter.
  explicit DRun(const std::string& source, RuntimeOptions opt = testing_options(), bool as_script = false,
                std::vector<std::string> macro_args = {}) {
    MacroEnv env;
    env.args.push_back("test.d");
    for (auto& a : macro_args) env.args.push_back(a);
    CompileOptions copt;
    copt.allow_bare_descriptions = !as_script;
    uint32_t epid = 1;
    programs.push_back(compile_program(source, env, copt, catalog, &epid));
    interp = std::make_unique<Interpreter>(programs, opt, output);
    DtraceEventSink::Hooks hooks;
    hooks.on_exit = [this] { exit_hook_called = true; };
    hooks.read_task = [](pid_t tid, TaskInfo* t) {
      t->execname = tid == 200 ? "other" : "valk";
      t->pid = tid;
      t->ppid = 1;
      return true;
    };
    sink = std::make_unique<DtraceEventSink>(*interp, catalog, lock, hooks);
  }


  Firing base(uint32_t probe_id, int32_t tid = 100) {
    Firing f;
    f.probe = catalog.by_id(probe_id);
    f.tid = tid;
    f.task.pid = tid;
    f.task.ppid = 1;
    f.task.execname = "valk";
    f.timestamp = 1000;
    f.mem = &memory;
    return f;
  }
  void begin() { interp->fire(base(ProbeCatalog::kBeginId)); }

  // Synthetic engine events through the real adapter.
  void entry(long nr, std::vector<uint64_t> args, int32_t tid = 100, int64_t mono_ns = 1000) {
    SyscallCall call;
    call.tid = tid;
    call.nr = nr;
    for (size_t i = 0; i < args.size() && i < 6; ++i) call.args[i] = args[i];
    EventContext ctx;
    ctx.time.mono_ns = mono_ns;
    ctx.mem = &memory;
    sink->syscall_entry(call, ctx);
  }
  void exit(long nr, int64_t ret, int error = 0, int32_t tid = 100, int64_t mono_ns = 2000) {
    SyscallCall call;
    call.tid = tid;
    call.nr = nr;
    call.exited = true;
    call.ret = ret;
    call.error = error;
    EventContext ctx;
    ctx.time.mono_ns = mono_ns;
    ctx.mem = &memory;
    sink->syscall_exit(call, ctx, EventTime{});
  }
  std::string finish() {
    interp->finish(base(ProbeCatalog::kEndId));
    return output.stdout_text;
  }
};

}  // namespace sct::dtrace::testing
