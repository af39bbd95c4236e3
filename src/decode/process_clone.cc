// clone, clone3, fork, vfork. strace prints clone's arguments by name
// ("child_stack=NULL, flags=...|SIGCHLD") in its own order, the input ones
// at entry and the ones the kernel writes (parent_tid, and for symmetry tls
// and child_tidptr) at exit, glued to the entry half without a separator.
// clone3 prints the struct at entry and, when the kernel wrote into it, the
// changes at exit after " => ".
#include <linux/sched.h>
#include <signal.h>

#include <climits>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/process_flags.h"

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x1000
#endif
#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif

namespace sct {

namespace {

// The kernel's struct clone_args (v2, 88 bytes).
struct CloneArgs {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size,
      cgroup;
};
constexpr uint64_t kCloneArgsMinSize = 64;  // up to and including tls

constexpr uint64_t kWrittenAtExit =
    CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | CLONE_SETTLS;

Value clone_flags_value(uint64_t raw) {
  uint64_t flags = raw & ~static_cast<uint64_t>(CSIGNAL);
  int sig = static_cast<int>(raw & CSIGNAL);
  if (!flags) return proc::signal(sig);
  if (!sig) return proc::flags_value(xlat::clone_flags, flags, "CLONE_???");
  // Two constants: -X raw prints 0x1200000|17.
  return proc::glued_parts("", {proc::flags_value(xlat::clone_flags, flags, "CLONE_???"), Value::raw("|"), proc::signal(sig)});
}

// The child's tid the kernel stored at parent_tid: a pid for -Y.
Value pid_at(DecodeContext& ctx, uint64_t addr) {
  Value v = proc::int_at(ctx, addr);
  if (v.kind == Value::Kind::Array && v.fields.size() == 1) v.fields[0].second.pid_kind = Value::PidKind::Task;
  return v;
}

}  // namespace

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;

SCT_DECODER(clone) {
  uint64_t flags = call.args[0] & ~static_cast<uint64_t>(CSIGNAL);
  if (ctx.entering()) {
    call.arg(proc::named("child_stack", ctx.addr(call.args[1])));
    call.arg(proc::named("flags", sct::clone_flags_value(call.args[0])));
    call.total_args = 2;
    return;
  }
  if (!(flags & sct::kWrittenAtExit)) return;
  std::vector<Value> tail;
  auto add = [&tail](const char* name, Value v) {
    tail.push_back(Value::raw(", "));
    tail.push_back(proc::named(name, std::move(v)));
  };
  if (flags & (CLONE_PARENT_SETTID | CLONE_PIDFD))
    add("parent_tid", flags & CLONE_PIDFD ? proc::int_at(ctx, call.args[2]) : sct::pid_at(ctx, call.args[2]));
  if (flags & CLONE_SETTLS) add("tls", ctx.addr(call.args[4]));
  if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) add("child_tidptr", ctx.addr(call.args[3]));
  call.arg(proc::glued_parts("", std::move(tail)));
}

SCT_DECODER(clone3) {
  uint64_t addr = call.args[0];
  uint64_t size = call.args[1];
  uint64_t fetch = size < sizeof(sct::CloneArgs) ? size : sizeof(sct::CloneArgs);
  sct::CloneArgs ca{};
  auto fetch_args = [&]() {
    return ctx.mem().read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(&ca), fetch));
  };
  if (ctx.entering()) {
    bool decoded_at_entry = true;
    if (fetch < sct::kCloneArgsMinSize) {
      call.arg(ctx.addr(addr));
    } else if (!addr || !fetch_args()) {
      call.arg(Value::unavailable(addr));
    } else {
      Value v = Value::structure();
      v.add("flags", proc::flags_value(sct::xlat::clone3_flags, ca.flags, "CLONE_???"));
      if (ca.flags & CLONE_PIDFD) v.add("pidfd", Value::addr(ca.pidfd));
      if (ca.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) v.add("child_tid", Value::addr(ca.child_tid));
      if (ca.flags & CLONE_PARENT_SETTID) v.add("parent_tid", Value::addr(ca.parent_tid));
      if (ca.exit_signal < INT_MAX)
        v.add("exit_signal", proc::signal(static_cast<int>(ca.exit_signal)));
      else
        v.add("exit_signal", Value::uinteger(ca.exit_signal));
      v.add("stack", Value::addr(ca.stack));
      v.add("stack_size", Value::hex(ca.stack_size));
      if (ca.flags & CLONE_SETTLS) v.add("tls", Value::addr(ca.tls));
      if (ca.set_tid || ca.set_tid_size) {
        v.add("set_tid", Value::addr(ca.set_tid));
        v.add("set_tid_size", Value::uinteger(ca.set_tid_size));
      }
      if (fetch > offsetof(sct::CloneArgs, cgroup) && (ca.cgroup || (ca.flags & CLONE_INTO_CGROUP)))
        v.add("cgroup", Value::uinteger(ca.cgroup));
      call.arg(std::move(v));
      decoded_at_entry = !(ca.flags & (CLONE_PIDFD | CLONE_PARENT_SETTID));
    }
    if (decoded_at_entry) {
      call.arg(Value::uinteger(size));
    } else {
      call.total_args = 1;
      call.saved[0] = 1;  // the exit half prints the changes and the size
    }
    return;
  }
  if (!call.saved[0]) return;
  if (call.failed()) {
    call.arg(proc::glued(", " + std::to_string(size)));
    return;
  }
  if (!fetch_args()) {
    call.arg(proc::glued_parts(" => ", {ctx.addr(addr)}));
  } else {
    Value changed = Value::structure();
    if (ca.flags & CLONE_PIDFD) changed.add("pidfd", proc::int_at(ctx, ca.pidfd));
    if (ca.flags & CLONE_PARENT_SETTID) changed.add("parent_tid", sct::pid_at(ctx, ca.parent_tid));
    call.arg(proc::glued_parts(" => ", {std::move(changed)}));
  }
  call.arg(Value::uinteger(size));
}

SCT_DECODER(fork) {}
SCT_DECODER(vfork) {}
