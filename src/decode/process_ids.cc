// Process identity and credentials: the get*id family (no arguments),
// getpgid/getsid/setpgid, set*uid/set*gid, getres*id, get/setgroups.
// uid_t/gid_t print unsigned, except -1 ("unchanged") which prints as -1.
#include "decode/decoder.h"
#include "decode/misc_helpers.h"

namespace sct {

namespace {

Value id_value(uint32_t id) {
  if (id == 0xffffffffu) return Value::integer(-1);
  return Value::uinteger(id);
}

Value id_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.call().failed()) return Value::addr(addr);
  auto id = ctx.object<uint32_t>(addr);
  if (!id) return Value::unavailable(addr);
  return proc::in_brackets(id_value(*id));
}

Value id_array_at(DecodeContext& ctx, uint64_t addr, uint64_t count) {
  if (addr == 0) return Value::addr(0);
  size_t limit = proc::abbreviate(ctx) ? ctx.options().string_limit : SIZE_MAX;
  Value a = Value::array();
  for (uint64_t i = 0; i < count; ++i) {
    if (i >= limit) {
      a.elided();
      break;
    }
    uint32_t id;
    if (!ctx.mem().read_object(addr + i * 4, &id)) {
      if (i == 0) return Value::unavailable(addr);
      a.elided();
      break;
    }
    a.push(id_value(id));
  }
  return a;
}

}  // namespace

}  // namespace sct

using sct::Value;

static void decode_no_args(sct::SyscallCall&, sct::DecodeContext&) {}
SCT_DECODER_ALIAS(getpid, &decode_no_args)
SCT_DECODER_ALIAS(getppid, &decode_no_args)
SCT_DECODER_ALIAS(gettid, &decode_no_args)
SCT_DECODER_ALIAS(getuid, &decode_no_args)
SCT_DECODER_ALIAS(geteuid, &decode_no_args)
SCT_DECODER_ALIAS(getgid, &decode_no_args)
SCT_DECODER_ALIAS(getegid, &decode_no_args)
SCT_DECODER_ALIAS(getpgrp, &decode_no_args)
SCT_DECODER_ALIAS(setsid, &decode_no_args)
SCT_DECODER_ALIAS(sched_yield, &decode_no_args)

static void decode_one_pid(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (ctx.entering()) call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
}
SCT_DECODER_ALIAS(getpgid, &decode_one_pid)
SCT_DECODER_ALIAS(getsid, &decode_one_pid)

SCT_DECODER(setpgid) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  call.arg(Value::pgid(static_cast<int32_t>(call.args[1])));
}

static void decode_ids(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (!ctx.entering()) return;
  call.arg(sct::id_value(static_cast<uint32_t>(call.args[0])));
}
SCT_DECODER_ALIAS(setuid, &decode_ids)
SCT_DECODER_ALIAS(setgid, &decode_ids)
SCT_DECODER_ALIAS(setfsuid, &decode_ids)
SCT_DECODER_ALIAS(setfsgid, &decode_ids)

static void decode_two_ids(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (!ctx.entering()) return;
  for (int i = 0; i < 2; ++i) call.arg(sct::id_value(static_cast<uint32_t>(call.args[i])));
}
SCT_DECODER_ALIAS(setreuid, &decode_two_ids)
SCT_DECODER_ALIAS(setregid, &decode_two_ids)

static void decode_three_ids(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (!ctx.entering()) return;
  for (int i = 0; i < 3; ++i) call.arg(sct::id_value(static_cast<uint32_t>(call.args[i])));
}
SCT_DECODER_ALIAS(setresuid, &decode_three_ids)
SCT_DECODER_ALIAS(setresgid, &decode_three_ids)

static void decode_getres(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (ctx.entering()) return;
  for (int i = 0; i < 3; ++i) call.arg(sct::id_at(ctx, call.args[i]));
}
SCT_DECODER_ALIAS(getresuid, &decode_getres)
SCT_DECODER_ALIAS(getresgid, &decode_getres)

SCT_DECODER(getgroups) {
  if (ctx.entering()) {
    call.arg(Value::integer(static_cast<int32_t>(call.args[0])));
    return;
  }
  uint64_t addr = call.args[1];
  if (call.ret == 0 && !call.failed())
    call.arg(addr ? Value::array() : ctx.addr(addr));  // no groups: [] (or NULL)
  else if (call.failed() || call.args[0] == 0)
    call.arg(ctx.addr(addr));
  else
    call.arg(sct::id_array_at(ctx, addr, static_cast<uint64_t>(call.ret)));
}

SCT_DECODER(setgroups) {
  if (!ctx.entering()) return;
  call.arg(Value::integer(static_cast<int32_t>(call.args[0])));
  call.arg(sct::id_array_at(ctx, call.args[1], static_cast<uint32_t>(call.args[0])));
}
