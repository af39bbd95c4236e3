// dtrace(1)'s command line and run sequence (the reference's section 1.8):
// compile every -n/-s program, print "matched N probes" notices, fire
// BEGIN, run the engine over the -c/-p targets (profile ticks from a
// helper thread), then END, the final newline and the aggregations.
#include "dtrace/dtrace_main.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "backend/bpf/bpf_engine.h"
#include "backend/interrupt.h"
#include "backend/ptrace/ptrace_engine.h"
#include "dtrace/compile_error.h"
#include "dtrace/dtrace_options.h"
#include "dtrace/event_adapter.h"
#include "dtrace/interpreter.h"
#include "dtrace/probes.h"
#include "dtrace/selection.h"
#include "dtrace/task_info.h"
#include "xlat/signals.h"

namespace sct {

namespace {

using namespace sct::dtrace;

constexpr int kExitSuccess = 0, kExitError = 1, kExitUsage = 2;

struct ProgramSource {
  bool is_script = false;  // -s file, else -n text
  std::string arg;         // the -n text or the file name
};

struct CommandLine {
  std::vector<ProgramSource> programs;
  std::string command;             // -c
  std::vector<pid_t> pids;         // -p
  std::string output_file;         // -o
  std::vector<std::pair<std::string, std::string>> xopts;  // -x, -b, -q... in order
  bool list = false;               // -l
  bool compile_only = false;       // -e
  bool version = false;            // -V
  std::vector<std::string> macro_args;  // operands: $1..
};

const char* kUsage =
    "Usage: dtrace [-aACeFHlqSvVwZ] [-b bufsz] [-c cmd] [-o output] [-p pid]\n"
    "\t[-s script] [-x opt[=val]] [-n probe [[predicate] action]]\n"
    "\t[args ...]\n"
    "\n"
    "\t-b  set trace buffer size\n"
    "\t-c  run specified command and exit upon its completion\n"
    "\t-e  exit after compiling request but prior to enabling probes\n"
    "\t-h  print this help\n"
    "\t-l  list probes matching specified criteria\n"
    "\t-n  enable or list probes matching the specified probe name\n"
    "\t-o  set output file\n"
    "\t-p  grab specified process-ID and cache its symbol tables\n"
    "\t-q  set quiet mode (only output explicitly traced data)\n"
    "\t-s  enable or list probes for the specified D program\n"
    "\t-V  report DTrace API version\n"
    "\t-w  permit destructive actions\n"
    "\t-x  enable or modify compiler and tracing options\n"
    "\t-Z  permit probe descriptions that match zero probes\n"
    "\n"
    "\tWith -c or -p, tracing runs on the ptrace engine and needs no privileges;\n"
    "\twithout them it is system-wide, on the eBPF engine (root).\n"
    "\tEnvironment: _DTRACE_TESTING drops the CPU and ID columns (for tests).\n";

int usage() {
  std::fputs(kUsage, stderr);
  return kExitUsage;
}

void message(const std::string& text) {
  std::fflush(stdout);
  std::fprintf(stderr, "dtrace: %s\n", text.c_str());
}

// Options that take an argument, as in DTrace's option strings.
bool takes_argument(char c) { return std::strchr("bcDIiLmnoPpsUxXfW", c) != nullptr; }

bool parse_command_line(int argc, char** argv, CommandLine* cl, int* status) {
  bool operands_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (operands_only || a.size() < 2 || a[0] != '-') {
      cl->macro_args.push_back(a);
      continue;
    }
    if (a == "--") {
      operands_only = true;
      continue;
    }
    for (size_t j = 1; j < a.size(); ++j) {
      char c = a[j];
      std::string arg;
      if (takes_argument(c)) {
        if (j + 1 < a.size()) {
          arg = a.substr(j + 1);
        } else if (i + 1 < argc) {
          arg = argv[++i];
        } else {
          std::fprintf(stderr, "dtrace: option requires an argument -- %c\n", c);
          *status = usage();
          return false;
        }
        j = a.size();
      }
      switch (c) {
        case 'n': cl->programs.push_back({false, arg}); break;
        case 's': cl->programs.push_back({true, arg}); break;
        case 'c': cl->command = arg; break;
        case 'p': {
          char* end = nullptr;
          long pid = std::strtol(arg.c_str(), &end, 10);
          if (arg.empty() || *end != '\0' || pid <= 0) {
            message("invalid pid: " + arg);
            *status = kExitError;
            return false;
          }
          cl->pids.push_back(pid_t(pid));
          break;
        }
        case 'o': cl->output_file = arg; break;
        case 'x': {
          size_t eq = arg.find('=');
          cl->xopts.emplace_back(arg.substr(0, eq), eq == std::string::npos ? "" : arg.substr(eq + 1));
          break;
        }
        case 'b': cl->xopts.emplace_back("bufsize", arg); break;
        case 'q': cl->xopts.emplace_back("quiet", ""); break;
        case 'w': cl->xopts.emplace_back("destructive", ""); break;
        case 'Z': cl->xopts.emplace_back("zdefs", ""); break;
        case 'F': cl->xopts.emplace_back("flowindent", ""); break;
        case 'l': cl->list = true; break;
        case 'e': cl->compile_only = true; break;
        case 'V': cl->version = true; break;
        case 'h': *status = usage(); return false;
        case 'a': case 'A': case 'C': case 'H': case 'S': case 'v': case 'D': case 'I': case 'L': case 'U': case 'X':
        case 'i': case 'm': case 'P': case 'f': case 'W':
          if (c == 'P' || c == 'm' || c == 'f' || c == 'i') {
            // -P provider, -m module, -f function, -i id: probe descriptions.
            std::string text = c == 'P' ? arg + ":::" : c == 'm' ? "::" + arg.substr(0) + "::" : c == 'f' ? ":" + arg : arg;
            if (c == 'm') text = ":" + arg + "::";
            if (c == 'f') text = "::" + arg + ":";
            cl->programs.push_back({false, text});
          }
          break;  // accepted, no effect here
        default:
          std::fprintf(stderr, "dtrace: illegal option -- %c\n", c);
          *status = usage();
          return false;
      }
    }
  }
  return true;
}

std::string read_file(const std::string& path, bool* ok) {
  std::ifstream f(path);
  *ok = bool(f);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The "-n" text as the notice shows it: cut at the first '{', '/' or ';'.
std::string notice_name(const ProgramSource& p) {
  if (p.is_script) return p.arg;
  size_t cut = p.arg.find_first_of("{/;");
  return cut == std::string::npos ? p.arg : p.arg.substr(0, cut);
}

std::vector<std::string> split_command(const std::string& cmd) {
  std::vector<std::string> argv;
  std::string cur;
  for (char c : cmd) {
    if (std::strchr(" \t\n\r\f\v", c)) {
      if (!cur.empty()) argv.push_back(cur), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) argv.push_back(cur);
  return argv;
}

std::string dtrace_signal_name(int sig) {
  const char* n = sigabbrev_np(sig);
  return n ? std::string("SIG") + n : std::to_string(sig);
}

int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Firing context_firing(const Probe* probe) {
  Firing f;
  f.probe = probe;
  f.task.execname = "dtrace";
  f.task.pid = int32_t(getpid());
  f.task.ppid = int32_t(getppid());
  f.task.uid = getuid();
  f.task.gid = getgid();
  f.tid = int32_t(gettid());
  f.timestamp = uint64_t(clock_ns(CLOCK_MONOTONIC));
  f.walltimestamp = clock_ns(CLOCK_REALTIME);
  return f;
}

// Fires profile probes from a helper thread until stopped.
class TickThread {
 public:
  TickThread(Interpreter& interp, std::vector<const Probe*> probes, std::mutex& lock, std::function<void()> on_exit)
      : interp_(interp), probes_(std::move(probes)), lock_(lock), on_exit_(std::move(on_exit)) {}
  void start() {
    if (!probes_.empty()) thread_ = std::thread([this] { loop(); });
  }
  void stop() {
    {
      std::lock_guard<std::mutex> g(stop_lock_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  void loop() {
    using Clock = std::chrono::steady_clock;
    std::vector<Clock::time_point> next;
    for (const Probe* p : probes_) next.push_back(Clock::now() + std::chrono::nanoseconds(p->interval_ns));
    for (;;) {
      size_t soonest = 0;
      for (size_t i = 1; i < next.size(); ++i)
        if (next[i] < next[soonest]) soonest = i;
      {
        std::unique_lock<std::mutex> g(stop_lock_);
        if (cv_.wait_until(g, next[soonest], [this] { return stopping_; })) return;
      }
      next[soonest] += std::chrono::nanoseconds(probes_[soonest]->interval_ns);
      std::lock_guard<std::mutex> g(lock_);
      if (interp_.exited()) continue;
      interp_.fire(context_firing(probes_[soonest]));
      if (interp_.exited() && on_exit_) on_exit_();
    }
  }

  Interpreter& interp_;
  std::vector<const Probe*> probes_;
  std::mutex& lock_;
  std::function<void()> on_exit_;
  std::thread thread_;
  std::mutex stop_lock_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

int list_probes(ProbeCatalog& catalog, const CommandLine& cl) {
  std::printf("%5s %10s %17s %33s %s\n", "ID", "PROVIDER", "MODULE", "FUNCTION", "NAME");
  auto row = [](const Probe* p) {
    std::printf("%5u %10s %17s %33s %s\n", p->id, p->provider.c_str(), p->module.c_str(), p->function.c_str(), p->name.c_str());
  };
  if (cl.programs.empty()) {
    for (const Probe* p : catalog.all()) row(p);
    return kExitSuccess;
  }
  int status = kExitSuccess;
  for (const ProgramSource& src : cl.programs) {
    if (src.is_script) continue;
    std::string desc_text = notice_name(src);
    while (!desc_text.empty() && std::isspace(static_cast<unsigned char>(desc_text.back()))) desc_text.pop_back();
    size_t start = desc_text.find_first_not_of(" \t\n");
    desc_text = start == std::string::npos ? "" : desc_text.substr(start);
    // Several descriptions separated by commas.
    std::stringstream ss(desc_text);
    std::string one;
    while (std::getline(ss, one, ',')) {
      ProbeDesc d = split_probe_desc(one);
      std::vector<const Probe*> found = catalog.match(d);
      if (found.empty()) {
        message("failed to match " + d.to_string() + ": No probe matches description");
        status = kExitError;
      }
      for (const Probe* p : found) row(p);
    }
  }
  return status;
}

// Waits for exit() (from a tick) or a signal.
void wait_for_end(Interpreter& interp, std::mutex& lock) {
  while (!g_interrupt_signal) {
    {
      std::lock_guard<std::mutex> g(lock);
      if (interp.exited()) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

bool process_exists(pid_t pid) { return kill(pid, 0) == 0 || errno == EPERM; }

// Every process but this one: with forks followed in the kernel, their
// descendants are every process started from now on. The eBPF engine has
// no unselected (whole-system) mode, so this stands in for one.
std::vector<pid_t> all_processes() {
  std::vector<pid_t> pids;
  if (DIR* d = opendir("/proc")) {
    while (struct dirent* e = readdir(d)) {
      char* end = nullptr;
      long pid = std::strtol(e->d_name, &end, 10);
      if (pid <= 0 || *end != '\0' || pid == getpid()) continue;
      // Kernel threads make no syscalls (and have an empty cmdline).
      std::ifstream cmdline("/proc/" + std::string(e->d_name) + "/cmdline");
      if (!cmdline || cmdline.peek() == std::ifstream::traits_type::eof()) continue;
      pids.push_back(pid_t(pid));
    }
    closedir(d);
  }
  return pids;
}

// Runs the program over every process on the eBPF engine until Ctrl-C or
// exit(), selecting in the kernel what the predicates allow (selection.h):
// the pids of `pid == N` when they all exist, else the names of
// `execname == "x"`, else every process. Returns the engine's error.
std::string run_system_wide(const DtraceOptions& opts, const KernelSelection& sel, Interpreter& interp, const ProbeCatalog& catalog,
                            std::mutex& lock, std::function<void()> on_exit) {
  TraceSpec spec;
  spec.progname = "dtrace";
  // The engine captures memory (for copyin/copyinstr) only for its decoders.
  spec.decode = true;
  spec.decode_options.string_limit = size_t(opts.strsize);
  spec.bpf_buffer = size_t(opts.bufsize);  // -b / -x bufsize: the ring buffer (a power of two)
  spec.trace_all = false;
  spec.traced = sel.syscalls();
  // exec renames a task: the adapter forgets its cached execname then.
  for (const char* name : {"execve", "execveat"}) {
    long nr = syscall_number(name);
    if (nr >= 0 && nr < kMaxSyscalls) spec.traced.set(size_t(nr));
  }
  bool pids_exist = !sel.pids.empty();
  for (int32_t p : sel.pids) pids_exist = pids_exist && process_exists(p);
  if (pids_exist) {
    spec.attach_pids.assign(sel.pids.begin(), sel.pids.end());
    spec.follow_forks = true;  // the threads they start later
  } else if (!sel.execnames.empty()) {
    spec.comms = sel.execnames;
  } else if (!sel.pids.empty()) {
    // pid == N for pids that do not exist: nothing can fire.
    return "";
  } else {
    spec.attach_pids = all_processes();
    spec.follow_forks = true;
  }

  DtraceEventSink::Hooks hooks;
  hooks.on_exit = std::move(on_exit);
  // Records reach us in batches, up to ~100 ms late: a short-lived task may
  // be gone from /proc by then. When the kernel selected by one name, that
  // name is its execname (the engine's events carry neither comm nor tgid).
  std::vector<std::string> comms = spec.comms;
  hooks.read_task = [comms](pid_t tid, TaskInfo* info) {
    if (read_task_info(tid, info)) return true;
    if (comms.size() != 1) return false;
    info->execname = comms[0].substr(0, 15);
    info->pid = tid;
    info->ppid = 0;
    return true;
  };
  DtraceEventSink sink(interp, catalog, lock, hooks);
  EngineResult result = run_bpf_engine(spec, sink);
  return result.error;
}

}  // namespace

int dtrace_main(int argc, char** argv) {
  if (argc <= 1) return usage();
  CommandLine cl;
  int status = kExitSuccess;
  if (!parse_command_line(argc, argv, &cl, &status)) return status;
  if (cl.version) {
    std::printf("dtrace: Sun D 1.13 (sctrace)\n");
    if (cl.programs.empty()) return kExitSuccess;
  }

  DtraceOptions opts;
  for (const auto& [name, value] : cl.xopts) {
    std::string err = set_option(&opts, name, value);
    if (!err.empty()) {
      message("failed to set -x " + name + (value.empty() ? "" : "=" + value) + ": " + err);
      return kExitError;
    }
  }
  if (!cl.command.empty() && !cl.pids.empty()) {
    message("-c and -p may not be used together");  // one kind of target per run here
    return kExitUsage;
  }

  ProbeCatalog catalog = ProbeCatalog::from_syscall_table();
  if (cl.list) return list_probes(catalog, cl);
  if (cl.programs.empty()) {
    message("no probes specified");
    return kExitUsage;
  }
  if (opts.destructive && !opts.quiet) message("allowing destructive actions");

  // Compile every program. $0 is the script name (or "dtrace"); the operands are $1...
  std::vector<CompiledProgram> programs;
  uint32_t next_epid = 1;
  for (const ProgramSource& src : cl.programs) {
    MacroEnv env;
    env.args.push_back(src.is_script ? src.arg : "dtrace");
    for (const std::string& a : cl.macro_args) env.args.push_back(a);
    env.target = cl.pids.empty() ? 0 : cl.pids[0];
    env.defaultargs = opts.defaultargs;
    std::string text = src.arg;
    if (src.is_script) {
      bool ok = false;
      text = read_file(src.arg, &ok);
      if (!ok) {
        message("failed to open " + src.arg + ": " + std::strerror(errno));
        return kExitError;
      }
    }
    CompileOptions copt;
    copt.zdefs = opts.zdefs;
    copt.destructive = opts.destructive;
    copt.allow_bare_descriptions = !src.is_script;
    try {
      programs.push_back(compile_program(text, env, copt, catalog, &next_epid));
    } catch (const CompileError& e) {
      if (src.is_script) {
        message("failed to compile script " + src.arg + ": " + (e.has_position() ? fmt::format("line {}: ", e.line) : "") + e.what());
      } else {
        message("invalid probe specifier " + src.arg + ": " + e.what());
      }
      return kExitError;
    }
    for (const auto& [name, value] : programs.back().pragma_options) {
      std::string err = set_option(&opts, name, value);
      if (!err.empty()) {
        message("failed to compile script " + src.arg + ": " + "failed to set option '" + name + "': " + err);
        return kExitError;
      }
    }
  }
  KernelSelection selection = compute_selection(programs);
  bool have_target = !cl.command.empty() || !cl.pids.empty();
  bool system_wide = selection.any_syscall && !have_target;
  if (system_wide) {
    // dtrace(1) fails in dtrace_open(), before any notice, when it lacks privileges.
    std::string why;
    if (geteuid() != 0) {
      message("failed to initialize dtrace: DTrace requires additional privileges "
              "(system-wide tracing, without -c or -p, runs on the eBPF engine, which needs root)");
      return kExitError;
    }
    if (!bpf_engine_available(&why)) {
      message("failed to initialize dtrace: system-wide tracing (without -c or -p) needs the eBPF engine: " + why);
      return kExitError;
    }
  }
  for (size_t i = 0; i < programs.size(); ++i) {
    if (opts.quiet) break;
    size_t n = programs[i].matched_probes;
    message(fmt::format("{} '{}' matched {} probe{}", cl.programs[i].is_script ? "script" : "description", notice_name(cl.programs[i]), n,
                        n == 1 ? "" : "s"));
  }
  if (cl.compile_only) return kExitSuccess;


  std::FILE* out = stdout;
  if (!cl.output_file.empty()) {
    out = std::fopen(cl.output_file.c_str(), "a");
    if (!out) {
      message("failed to open output file '" + cl.output_file + "': " + std::strerror(errno));
      return kExitError;
    }
  }
  FileOutput output(out, stderr);
  RuntimeOptions ropt;
  ropt.quiet = opts.quiet;
  ropt.strsize = size_t(opts.strsize);
  ropt.testing = std::getenv("_DTRACE_TESTING") != nullptr;
  ropt.sort.by_key = opts.aggsortkey;
  ropt.sort.reverse = opts.aggsortrev;
  Interpreter interp(programs, ropt, output);

  install_interrupt_handlers();
  std::mutex lock;
  std::atomic<bool> exit_requested{false};
  std::atomic<bool> targets_done{false};
  pthread_t main_thread = pthread_self();
  bool spawned = !cl.command.empty();
  DtraceEventSink* sink_ptr = nullptr;

  // exit() ran: stop the engine as dtrace(1) releases its targets: a
  // command it started is killed, a grabbed process is let go.
  auto request_stop = [&](bool from_engine_thread) {
    exit_requested = true;
    if (!have_target) {
      // The eBPF engine and the wait loop below both stop on it.
      g_interrupt_signal = SIGPIPE;
      return;
    }
    if (spawned) {
      g_interrupt_signal = SIGKILL;
      if (!from_engine_thread && sink_ptr && sink_ptr->first_task() > 0) kill(sink_ptr->first_task(), SIGKILL);
    } else {
      g_interrupt_signal = SIGPIPE;  // detaches; the engine sends it only to a command it started
      if (!from_engine_thread) pthread_kill(main_thread, SIGPIPE);
    }
  };

  {
    std::lock_guard<std::mutex> g(lock);
    interp.fire(context_firing(catalog.by_id(ProbeCatalog::kBeginId)));
  }

  std::vector<const Probe*> ticks;
  for (uint32_t id : interp.enabled_probes()) {
    const Probe* p = catalog.by_id(id);
    if (p && p->kind == ProbeKind::Profile) ticks.push_back(p);
  }
  TickThread tick(interp, ticks, lock, [&] { request_stop(false); });

  EngineResult result;
  if (!interp.exited()) {
    tick.start();
    if (have_target) {
      DtraceEventSink::Hooks hooks;
      hooks.on_exit = [&] { request_stop(true); };
      hooks.on_target_exit = [&](pid_t pid, int wstatus) {
        if (!exit_requested && !opts.quiet) {
          if (WIFSIGNALED(wstatus)) message(fmt::format("pid {} terminated by {}", pid, dtrace_signal_name(WTERMSIG(wstatus))));
          else if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) != 0) message(fmt::format("pid {} exited with status {}", pid, WEXITSTATUS(wstatus)));
          else message(fmt::format("pid {} has exited", pid));
        }
        // dtrace(1) ends when its targets have gone, even if their children live on.
        targets_done = true;
        if (!exit_requested) g_interrupt_signal = SIGPIPE;
      };
      DtraceEventSink sink(interp, catalog, lock, hooks);
      sink_ptr = &sink;
      for (pid_t p : cl.pids) sink.add_target(p);
      TraceSpec spec;
      spec.progname = "dtrace";
      spec.decode = false;
      spec.follow_forks = true;
      spec.attach_pids = cl.pids;
      spec.command = split_command(cl.command);
      // Only the probed syscalls stop the tracee (plus exec, which renames it).
      spec.trace_all = false;
      spec.traced = selection.syscalls();
      for (const char* name : {"execve", "execveat"}) {
        long nr = syscall_number(name);
        if (nr >= 0 && nr < kMaxSyscalls) spec.traced.set(size_t(nr));
      }
      result = run_ptrace_engine(spec, sink);
      {
        std::lock_guard<std::mutex> g(lock);
        sink_ptr = nullptr;
      }
      if (!result.error.empty() && !exit_requested && !targets_done) {
        tick.stop();
        if (spawned) message("failed to execute " + cl.command + ": " + result.error);
        else message(fmt::format("failed to grab pid {}: {}", cl.pids[0], result.error));
        return kExitError;
      }
    } else if (system_wide) {
      std::string error = run_system_wide(opts, selection, interp, catalog, lock, [&] { request_stop(true); });
      if (!error.empty()) {
        tick.stop();
        message("failed to enable probes: " + error);
        return kExitError;
      }
      // Only the pids of `pid == N` were traced and they are gone: nothing
      // more can fire but the ticks; dtrace(1) waits for exit() or Ctrl-C.
      wait_for_end(interp, lock);
    } else {
      // Only BEGIN/END/profile probes: wait for exit() or a signal.
      wait_for_end(interp, lock);
    }
    tick.stop();
  }

  std::lock_guard<std::mutex> g(lock);
  bool interrupted = g_interrupt_signal && !exit_requested && !targets_done;
  if (interrupted) interp.interrupted();
  interp.finish(context_firing(catalog.by_id(ProbeCatalog::kEndId)));
  if (out != stdout) std::fclose(out);
  return interp.exited() ? interp.exit_status() : kExitSuccess;
}

}  // namespace sct
