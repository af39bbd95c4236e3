// Interval and POSIX timers: setitimer, getitimer, timer_create,
// timer_settime, timer_gettime, timer_getoverrun, timer_delete. New values
// are inputs (entry), old values outputs (exit).
#include <signal.h>
#include <sys/time.h>
#include <time.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/time_clocks.h"

namespace sct {

namespace {

Value itimerval_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto it = ctx.object<struct itimerval>(addr);
  if (!it) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("it_interval", proc::timeval_value(it->it_interval));
  v.add("it_value", proc::timeval_value(it->it_value));
  return v;
}

Value itimerspec_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto it = ctx.object<struct itimerspec>(addr);
  if (!it) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("it_interval", proc::timespec_value(it->it_interval));
  v.add("it_value", proc::timespec_value(it->it_value));
  return v;
}

// The kernel's struct sigevent: the union after sigev_notify holds either a
// thread id or the function and attributes of SIGEV_THREAD.
struct KernelSigevent {
  uint64_t value;
  int32_t signo;
  int32_t notify;
  union {
    int32_t tid;
    struct {
      uint64_t function;
      uint64_t attribute;
    } thread;
  } un;
};

Value sigevent_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  auto sev = ctx.object<KernelSigevent>(addr);
  if (!sev) return Value::unavailable(addr);
  Value v = Value::structure();
  Value sv = Value::structure();
  sv.add("sival_int", Value::integer(static_cast<int32_t>(sev->value)));
  sv.add("sival_ptr", Value::addr(sev->value));
  v.add("sigev_value", std::move(sv));
  if (sev->notify == SIGEV_SIGNAL || sev->notify == SIGEV_THREAD_ID)
    v.add("sigev_signo", proc::signal(sev->signo));
  else
    v.add("sigev_signo", Value::integer(sev->signo));
  v.add("sigev_notify", xlat_enum_value(xlat::sigev_notify, static_cast<uint32_t>(sev->notify)));
  if (sev->notify == SIGEV_THREAD_ID) {
    v.add("sigev_notify_thread_id", Value::integer(sev->un.tid));
  } else if (sev->notify == SIGEV_THREAD) {
    v.add("sigev_notify_function", Value::addr(sev->un.thread.function));
    v.add("sigev_notify_attributes", Value::addr(sev->un.thread.attribute));
  }
  return v;
}

Value which(uint64_t w) { return xlat_enum_value(xlat::itimer_which, static_cast<uint32_t>(w)); }

}  // namespace

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;

SCT_DECODER(setitimer) {
  if (ctx.entering()) {
    call.arg(sct::which(call.args[0]));
    call.arg(sct::itimerval_at(ctx, call.args[1]));
  } else {
    call.arg(sct::itimerval_at(ctx, call.args[2]));
  }
}

SCT_DECODER(getitimer) {
  if (ctx.entering())
    call.arg(sct::which(call.args[0]));
  else
    call.arg(sct::itimerval_at(ctx, call.args[1]));
}

SCT_DECODER(timer_create) {
  if (ctx.entering()) {
    call.arg(xlat_enum_value(sct::xlat::clocks, static_cast<uint32_t>(call.args[0])));
    call.arg(sct::sigevent_at(ctx, call.args[1]));
  } else {
    call.arg(proc::int_at(ctx, call.args[2]));
  }
}

SCT_DECODER(timer_settime) {
  if (ctx.entering()) {
    call.arg(Value::integer(static_cast<int32_t>(call.args[0])));
    call.arg(proc::flags_value(sct::xlat::timer_flags, static_cast<uint32_t>(call.args[1]), "TIMER_???"));
    call.arg(sct::itimerspec_at(ctx, call.args[2]));
  } else {
    call.arg(sct::itimerspec_at(ctx, call.args[3]));
  }
}

SCT_DECODER(timer_gettime) {
  if (ctx.entering())
    call.arg(Value::integer(static_cast<int32_t>(call.args[0])));
  else
    call.arg(sct::itimerspec_at(ctx, call.args[1]));
}

static void decode_timer_id(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (ctx.entering()) call.arg(Value::integer(static_cast<int32_t>(call.args[0])));
}
SCT_DECODER_ALIAS(timer_getoverrun, &decode_timer_id)
SCT_DECODER_ALIAS(timer_delete, &decode_timer_id)
