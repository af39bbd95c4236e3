// Resource limits and usage: prlimit64, getrlimit, setrlimit, getrusage,
// times. Limits print as strace does: RLIM64_INFINITY, or N*1024 when the
// value is a larger multiple of 1024.
#include <sys/resource.h>
#include <sys/times.h>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "decode/process_rusage.h"
#include "xlat/process_flags.h"

namespace sct {

namespace {

Value rlim_value(uint64_t v, const char* infinity) {
  if (v == ~0ull) return Value::constant(infinity, v, 10);
  if (v > 1024 && v % 1024 == 0) return Value::constant(fmt::format("{}*1024", v / 1024), v, 10);
  return Value::uinteger(v);
}

Value rlimit_at(DecodeContext& ctx, uint64_t addr, const char* infinity) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto rl = ctx.object<struct rlimit>(addr);
  if (!rl) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("rlim_cur", rlim_value(rl->rlim_cur, infinity));
  v.add("rlim_max", rlim_value(rl->rlim_max, infinity));
  return v;
}

Value resource(uint64_t r) { return xlat_enum_value(xlat::rlimit_resources, static_cast<uint32_t>(r)); }

}  // namespace

Value rusage_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto ru = ctx.object<struct rusage>(addr);
  if (!ru) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("ru_utime", proc::timeval_value(ru->ru_utime));
  v.add("ru_stime", proc::timeval_value(ru->ru_stime));
  if (proc::abbreviate(ctx)) {
    v.elided();
    return v;
  }
  v.add("ru_maxrss", Value::integer(ru->ru_maxrss));
  v.add("ru_ixrss", Value::integer(ru->ru_ixrss));
  v.add("ru_idrss", Value::integer(ru->ru_idrss));
  v.add("ru_isrss", Value::integer(ru->ru_isrss));
  v.add("ru_minflt", Value::integer(ru->ru_minflt));
  v.add("ru_majflt", Value::integer(ru->ru_majflt));
  v.add("ru_nswap", Value::integer(ru->ru_nswap));
  v.add("ru_inblock", Value::integer(ru->ru_inblock));
  v.add("ru_oublock", Value::integer(ru->ru_oublock));
  v.add("ru_msgsnd", Value::integer(ru->ru_msgsnd));
  v.add("ru_msgrcv", Value::integer(ru->ru_msgrcv));
  v.add("ru_nsignals", Value::integer(ru->ru_nsignals));
  v.add("ru_nvcsw", Value::integer(ru->ru_nvcsw));
  v.add("ru_nivcsw", Value::integer(ru->ru_nivcsw));
  return v;
}

}  // namespace sct

using sct::Value;

SCT_DECODER(prlimit64) {
  if (ctx.entering()) {
    call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
    call.arg(sct::resource(call.args[1]));
    call.arg(sct::rlimit_at(ctx, call.args[2], "RLIM64_INFINITY"));
  } else {
    call.arg(sct::rlimit_at(ctx, call.args[3], "RLIM64_INFINITY"));
  }
}

SCT_DECODER(getrlimit) {
  if (ctx.entering())
    call.arg(sct::resource(call.args[0]));
  else
    call.arg(sct::rlimit_at(ctx, call.args[1], "RLIM_INFINITY"));
}

SCT_DECODER(setrlimit) {
  if (!ctx.entering()) return;
  call.arg(sct::resource(call.args[0]));
  call.arg(sct::rlimit_at(ctx, call.args[1], "RLIM_INFINITY"));
}

SCT_DECODER(getrusage) {
  if (ctx.entering())
    call.arg(xlat_enum_value(sct::xlat::rusage_who, static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(call.args[0])))));
  else
    call.arg(sct::rusage_at(ctx, call.args[1]));
}

// times returns clock ticks; its struct is all clock_t.
SCT_DECODER(times) {
  if (ctx.entering()) return;
  uint64_t addr = call.args[0];
  if (addr == 0 || call.failed()) {
    call.arg(ctx.addr(addr));
  } else if (auto t = ctx.object<struct tms>(addr)) {
    Value v = Value::structure();
    v.add("tms_utime", sct::proc::clock_ticks(static_cast<uint64_t>(t->tms_utime)));
    v.add("tms_stime", sct::proc::clock_ticks(static_cast<uint64_t>(t->tms_stime)));
    v.add("tms_cutime", sct::proc::clock_ticks(static_cast<uint64_t>(t->tms_cutime)));
    v.add("tms_cstime", sct::proc::clock_ticks(static_cast<uint64_t>(t->tms_cstime)));
    call.arg(std::move(v));
  } else {
    call.arg(Value::unavailable(addr));
  }
  if (!call.failed()) call.retval = Value::uinteger(static_cast<uint64_t>(call.ret));
}
