// Scheduling and priority calls: sched_{get,set}affinity, sched_{get,set}param,
// sched_{get,set}scheduler, sched_get_priority_{min,max},
// sched_rr_get_interval, getpriority, setpriority.
#include <sched.h>

#include <sys/resource.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/process_flags.h"

namespace sct {

namespace {

// A CPU set prints as the list of set bits: [0 1].
Value cpu_set_at(DecodeContext& ctx, uint64_t addr, uint64_t bytes) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  if (bytes > 1 << 20) return Value::addr(addr);
  std::string buf(bytes, '\0');
  if (!ctx.mem().read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(buf.data()), bytes)))
    return Value::unavailable(addr);
  std::vector<std::string> cpus;
  for (size_t i = 0; i < bytes * 8; ++i)
    if (static_cast<unsigned char>(buf[i / 8]) & (1u << (i % 8))) cpus.push_back(std::to_string(i));
  return Value::sigset(std::move(cpus), false);
}

Value sched_param_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto p = ctx.object<int32_t>(addr);
  if (!p) return Value::unavailable(addr);
  return proc::in_brackets(Value::integer(*p));
}

// getpriority/setpriority's who: a process (-Y decorates it), a process
// group or a user, by which.
Value priority_who(uint64_t which, uint64_t who) {
  int32_t id = static_cast<int32_t>(who);
  if (which == PRIO_PROCESS) return Value::pid(id);
  if (which == PRIO_PGRP) return Value::pgid(id);
  return Value::integer(id);
}

Value policy(uint64_t v) { return xlat_enum_value(xlat::sched_policies, static_cast<uint32_t>(v)); }

}  // namespace

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;

SCT_DECODER(sched_setaffinity) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[1])));
  call.arg(sct::cpu_set_at(ctx, call.args[2], static_cast<uint32_t>(call.args[1])));
}

// The kernel returns how many bytes of the mask it wrote.
SCT_DECODER(sched_getaffinity) {
  if (ctx.entering()) {
    call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
    call.arg(Value::uinteger(static_cast<uint32_t>(call.args[1])));
    return;
  }
  uint64_t n = call.failed() ? 0 : static_cast<uint64_t>(call.ret);
  call.arg(sct::cpu_set_at(ctx, call.args[2], n));
}

SCT_DECODER(sched_getparam) {
  if (ctx.entering())
    call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  else
    call.arg(sct::sched_param_at(ctx, call.args[1]));
}

SCT_DECODER(sched_setparam) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  call.arg(sct::sched_param_at(ctx, call.args[1]));
}

SCT_DECODER(sched_getscheduler) {
  if (ctx.entering()) {
    call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
    return;
  }
  if (!call.failed()) {
    uint64_t r = static_cast<uint64_t>(call.ret);
    std::string text = proc::text_of(sct::policy(r & ~static_cast<uint64_t>(SCHED_RESET_ON_FORK)));
    if (r & SCHED_RESET_ON_FORK) text += "|SCHED_RESET_ON_FORK";
    if (xlat_name(sct::xlat::sched_policies, r & ~static_cast<uint64_t>(SCHED_RESET_ON_FORK)))
      call.ret_comment = "(" + text + ")";
  }
}

SCT_DECODER(sched_setscheduler) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  uint64_t p = static_cast<uint32_t>(call.args[1]);
  std::string text = proc::text_of(sct::policy(p & ~static_cast<uint64_t>(SCHED_RESET_ON_FORK)));
  if (p & SCHED_RESET_ON_FORK) text += "|SCHED_RESET_ON_FORK";
  call.arg(Value::constant(text, p));
  call.arg(sct::sched_param_at(ctx, call.args[2]));
}

static void decode_policy(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (ctx.entering()) call.arg(sct::policy(call.args[0]));
}
SCT_DECODER_ALIAS(sched_get_priority_max, &decode_policy)
SCT_DECODER_ALIAS(sched_get_priority_min, &decode_policy)

SCT_DECODER(sched_rr_get_interval) {
  if (ctx.entering())
    call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  else
    call.arg(proc::timespec_out(ctx, call.args[1]));
}

SCT_DECODER(getpriority) {
  if (!ctx.entering()) return;
  call.arg(xlat_enum_value(sct::xlat::priority_which, static_cast<uint32_t>(call.args[0])));
  call.arg(sct::priority_who(call.args[0], call.args[1]));
}

SCT_DECODER(setpriority) {
  if (!ctx.entering()) return;
  call.arg(xlat_enum_value(sct::xlat::priority_which, static_cast<uint32_t>(call.args[0])));
  call.arg(sct::priority_who(call.args[0], call.args[1]));
  call.arg(Value::integer(static_cast<int32_t>(call.args[2])));
}
