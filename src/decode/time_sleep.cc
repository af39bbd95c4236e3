// Sleeping and clock calls: nanosleep, clock_nanosleep, clock_gettime,
// clock_getres, clock_settime, gettimeofday, settimeofday, time, alarm.
// A sleep's remaining time is only meaningful when the sleep was
// interrupted (a restart errno): otherwise strace prints its address.
#include <sys/time.h>
#include <time.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/time_clocks.h"

namespace sct {

namespace {

bool interrupted(const SyscallCall& call) { return call.error >= 512 && call.error <= 516; }

Value remaining(DecodeContext& ctx, uint64_t addr) {
  if (interrupted(ctx.call())) return proc::timespec_at(ctx, addr);
  return ctx.addr(addr);
}

Value clock_id(uint64_t v) { return xlat_enum_value(xlat::clocks, static_cast<uint32_t>(v)); }

Value timezone_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto tz = ctx.object<struct timezone>(addr);
  if (!tz) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("tz_minuteswest", Value::integer(tz->tz_minuteswest));
  v.add("tz_dsttime", Value::integer(tz->tz_dsttime));
  return v;
}

}  // namespace

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;

SCT_DECODER(nanosleep) {
  if (ctx.entering())
    call.arg(proc::timespec_at(ctx, call.args[0]));
  else
    call.arg(sct::remaining(ctx, call.args[1]));
}

SCT_DECODER(clock_nanosleep) {
  if (ctx.entering()) {
    call.arg(sct::clock_id(call.args[0]));
    call.arg(proc::flags_value(sct::xlat::timer_flags, static_cast<uint32_t>(call.args[1]), "TIMER_???"));
    call.arg(proc::timespec_at(ctx, call.args[2]));
  } else {
    call.arg(sct::remaining(ctx, call.args[3]));
  }
}

static void decode_clock_out(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (ctx.entering())
    call.arg(sct::clock_id(call.args[0]));
  else
    call.arg(proc::timespec_out(ctx, call.args[1]));
}
SCT_DECODER_ALIAS(clock_gettime, &decode_clock_out)
SCT_DECODER_ALIAS(clock_getres, &decode_clock_out)

SCT_DECODER(clock_settime) {
  if (!ctx.entering()) return;
  call.arg(sct::clock_id(call.args[0]));
  call.arg(proc::timespec_at(ctx, call.args[1]));
}

SCT_DECODER(gettimeofday) {
  if (ctx.entering()) return;
  call.arg(proc::timeval_out(ctx, call.args[0]));
  call.arg(sct::timezone_at(ctx, call.args[1]));
}

SCT_DECODER(settimeofday) {
  if (!ctx.entering()) return;
  call.arg(proc::timeval_at(ctx, call.args[0]));
  call.arg(sct::timezone_at(ctx, call.args[1]));
}

SCT_DECODER(time) {
  if (ctx.entering()) return;
  uint64_t addr = call.args[0];
  if (addr == 0 || call.failed()) {
    call.arg(ctx.addr(addr));
  } else if (auto t = ctx.object<int64_t>(addr)) {
    call.arg(proc::in_brackets(Value::integer(*t)));
  } else {
    call.arg(Value::unavailable(addr));
  }
}

SCT_DECODER(alarm) {
  if (ctx.entering()) call.arg(Value::uinteger(static_cast<uint32_t>(call.args[0])));
}
