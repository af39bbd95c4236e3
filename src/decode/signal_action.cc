// Signal disposition and mask calls: rt_sigaction, rt_sigprocmask,
// rt_sigpending, rt_sigsuspend, rt_sigtimedwait, sigaltstack, rt_sigreturn.
// Masks follow strace's print_sigset_addr_len: a length outside the kernel's
// sigset size prints the address.
#include <signal.h>
#include <sys/types.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "decode/siginfo.h"
#include "decode/signal_sigreturn.h"
#include "xlat/signals.h"
#include "xlat/signal_codes.h"

namespace sct {

namespace {

// The kernel's struct sigaction on x86_64 (not glibc's, whose mask is 128 bytes).
struct KernelSigaction {
  uint64_t handler;
  uint64_t flags;
  uint64_t restorer;
  uint64_t mask;
};

constexpr uint64_t kSaRestorer = 0x04000000;

Value sigaction_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto sa = ctx.object<KernelSigaction>(addr);
  if (!sa) return Value::unavailable(addr);
  Value v = Value::structure();
  if (const char* n = xlat_name(xlat::sa_handler_values, sa->handler))
    v.add("sa_handler", Value::sym(n, static_cast<int64_t>(sa->handler)));
  else
    v.add("sa_handler", Value::addr(sa->handler));
  v.add("sa_mask", proc::sigmask_value(sa->mask));
  v.add("sa_flags", proc::flags_value(xlat::sigact_flags, sa->flags, "SA_???"));
  if (sa->flags & kSaRestorer) v.add("sa_restorer", Value::addr(sa->restorer));
  return v;
}

Value stack_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto ss = ctx.object<stack_t>(addr);
  if (!ss) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("ss_sp", Value::addr(reinterpret_cast<uintptr_t>(ss->ss_sp)));
  v.add("ss_flags", proc::flags_value(xlat::sigaltstack_flags, static_cast<uint32_t>(ss->ss_flags), "SS_???"));
  v.add("ss_size", Value::uinteger(ss->ss_size));
  return v;
}

}  // namespace

// The stack pointer at rt_sigreturn's entry: the engine does not pass
// registers to decoders, so by default it is read from /proc/TID/syscall
// ("NR ARG1..ARG6 SP PC"), valid while the tracee is stopped at entry.
static std::optional<uint64_t> proc_stack_pointer(pid_t tid) {
  std::ifstream in("/proc/" + std::to_string(tid) + "/syscall");
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  std::istringstream words(line);
  std::string w;
  std::vector<std::string> all;
  while (words >> w) all.push_back(w);
  if (all.size() < 9) return std::nullopt;
  return std::strtoull(all[7].c_str(), nullptr, 0);
}

StackPointerFn& sigreturn_stack_pointer_source() {
  static StackPointerFn fn = &proc_stack_pointer;
  return fn;
}

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;
namespace xlat = sct::xlat;

SCT_DECODER(rt_sigaction) {
  if (ctx.entering()) {
    call.arg(proc::signal(static_cast<int32_t>(call.args[0])));
    call.arg(sct::sigaction_at(ctx, call.args[1]));
  } else {
    call.arg(sct::sigaction_at(ctx, call.args[2]));
    call.arg(Value::uinteger(call.args[3]));
  }
}

SCT_DECODER(rt_sigprocmask) {
  if (ctx.entering()) {
    call.arg(ctx.enumeration(xlat::sigprocmask_cmds, static_cast<uint32_t>(call.args[0])));
    call.arg(proc::sigset_at(ctx, call.args[1], call.args[3]));
  } else {
    call.arg(proc::sigset_at(ctx, call.args[2], call.args[3]));
    call.arg(Value::uinteger(call.args[3]));
  }
}

SCT_DECODER(rt_sigpending) {
  if (ctx.entering()) return;
  call.arg(proc::sigset_at(ctx, call.args[0], call.args[1], 1));
  call.arg(Value::uinteger(call.args[1]));
}

SCT_DECODER(rt_sigsuspend) {
  if (!ctx.entering()) return;
  call.arg(proc::sigset_at(ctx, call.args[0], call.args[1]));
  call.arg(Value::uinteger(call.args[1]));
}

// With an info pointer, strace decodes the info at exit and prints the
// timeout after it; without one, everything at entry. A successful wait
// returns the signal number, annotated with its name.
SCT_DECODER(rt_sigtimedwait) {
  bool info_at_exit = call.args[1] != 0;
  if (ctx.entering()) {
    call.arg(proc::sigset_at(ctx, call.args[0], call.args[3]));
    if (!info_at_exit) {
      call.arg(ctx.addr(call.args[1]));
      call.arg(proc::timespec_at(ctx, call.args[2]));
      call.arg(Value::uinteger(call.args[3]));
    }
    return;
  }
  if (info_at_exit) {
    call.arg(sct::decode_siginfo_at(ctx, call.args[1]));
    call.arg(proc::timespec_at(ctx, call.args[2]));
    call.arg(Value::uinteger(call.args[3]));
  }
  if (!call.failed() && call.ret != 0) {
    std::string n = sct::signal_name(static_cast<int>(call.ret));
    if (!n.empty()) call.ret_comment = "(" + n + ")";
  }
}

SCT_DECODER(rt_sigqueueinfo) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  call.arg(proc::signal(static_cast<int32_t>(call.args[1])));
  call.arg(sct::decode_siginfo_at(ctx, call.args[2]));
}

SCT_DECODER(rt_tgsigqueueinfo) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  call.arg(Value::pid(static_cast<int32_t>(call.args[1])));
  call.arg(proc::signal(static_cast<int32_t>(call.args[2])));
  call.arg(sct::decode_siginfo_at(ctx, call.args[3]));
}

SCT_DECODER(sigaltstack) {
  if (ctx.entering())
    call.arg(sct::stack_at(ctx, call.args[0]));
  else
    call.arg(sct::stack_at(ctx, call.args[1]));
}

SCT_DECODER(pause) {}

// rt_sigreturn restores the mask saved in the signal frame on the user
// stack: at entry the stack pointer points just past the frame's return
// address, at the ucontext, whose uc_sigmask follows uc_flags, uc_link,
// uc_stack and uc_mcontext.
SCT_DECODER(rt_sigreturn) {
  if (!ctx.entering()) return;
  Value v = Value::structure();
  constexpr uint64_t kSigmaskOffset = 8 + 8 + sizeof(stack_t) + 256;
  // The engine's register when it has one (the eBPF engine's task may have
  // moved on since), else the source's.
  auto sp = call.stack_pointer ? std::optional<uint64_t>(call.stack_pointer)
                               : sct::sigreturn_stack_pointer_source()(call.tid);
  std::optional<uint64_t> mask;
  if (sp) mask = ctx.object<uint64_t>(*sp + kSigmaskOffset);
  if (mask)
    v.add("mask", proc::sigmask_value(*mask));
  else if (sp)
    v.add("mask", Value::addr(*sp + kSigmaskOffset));
  else
    return;
  call.arg(std::move(v));
}
