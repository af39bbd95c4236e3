// Which fields follow si_code depends on who sent the signal: a process
// (si_code <= 0: pid and uid, plus the value for sigqueue), or the kernel
// (si_code > 0: the fields of that signal's union member). This follows
// strace 6.1's printsiginfo.c field for field.
#include "decode/siginfo.h"

#include "decode/misc_helpers.h"
#include "xlat/errnos.h"
#include "xlat/signal_codes.h"

namespace sct {

namespace {

const Xlat* codes_for_signal(int sig) {
  switch (sig) {
    case SIGTRAP: return &xlat::sigtrap_codes;
    case SIGCHLD: return &xlat::sigchld_codes;
    case SIGIO: return &xlat::sigpoll_codes;
    case SIGPROF: return &xlat::sigprof_codes;
    case SIGILL: return &xlat::sigill_codes;
    case SIGFPE: return &xlat::sigfpe_codes;
    case SIGSEGV: return &xlat::sigsegv_codes;
    case SIGBUS: return &xlat::sigbus_codes;
    case SIGSYS: return &xlat::sigsys_codes;
    default: return nullptr;
  }
}

Value si_code_value(int code, int sig) {
  uint64_t key = static_cast<uint32_t>(code);
  const char* name = xlat_name(xlat::siginfo_codes, key);
  if (!name)
    if (const Xlat* x = codes_for_signal(sig)) name = xlat_name(*x, key);
  // si_code is an int: -X raw shows SI_TKILL as 0xfffffffa, as strace does.
  if (name) return Value::sym(name, static_cast<uint32_t>(code));
  return Value::hex(static_cast<uint32_t>(code));
}

void add_source(Value& v, const siginfo_t& si) {
  v.add("si_pid", Value::pid(si.si_pid));
  v.add("si_uid", Value::uinteger(si.si_uid));
}

void add_sigval(Value& v, const siginfo_t& si) {
  v.add("si_int", Value::integer(si.si_int));
  v.add("si_ptr", Value::addr(reinterpret_cast<uintptr_t>(si.si_ptr)));
}

void add_kernel_fields(Value& v, const siginfo_t& si) {
  switch (si.si_signo) {
    case SIGCHLD:
      add_source(v, si);
      if (si.si_code == CLD_EXITED)
        v.add("si_status", Value::integer(si.si_status));
      else
        v.add("si_status", proc::signal(si.si_status));
      v.add("si_utime", proc::clock_ticks(static_cast<uint64_t>(si.si_utime)));
      v.add("si_stime", proc::clock_ticks(static_cast<uint64_t>(si.si_stime)));
      break;
    case SIGILL:
    case SIGFPE:
    case SIGTRAP:
      v.add("si_addr", Value::addr(reinterpret_cast<uintptr_t>(si.si_addr)));
      break;
    case SIGBUS:
      v.add("si_addr", Value::addr(reinterpret_cast<uintptr_t>(si.si_addr)));
      if (si.si_code == BUS_MCEERR_AR || si.si_code == BUS_MCEERR_AO)
        v.add("si_addr_lsb", Value::hex(static_cast<uint16_t>(si.si_addr_lsb)));
      break;
    case SIGSEGV:
      v.add("si_addr", Value::addr(reinterpret_cast<uintptr_t>(si.si_addr)));
      if (si.si_code == 3 /* SEGV_BNDERR */) {
        v.add("si_lower", Value::addr(reinterpret_cast<uintptr_t>(si.si_lower)));
        v.add("si_upper", Value::addr(reinterpret_cast<uintptr_t>(si.si_upper)));
      } else if (si.si_code == 4 /* SEGV_PKUERR */) {
        v.add("si_pkey", Value::uinteger(si.si_pkey));
      }
      break;
    case SIGIO:
      if (si.si_code == POLL_IN || si.si_code == POLL_OUT || si.si_code == POLL_MSG) {
        v.add("si_band", Value::integer(si.si_band));
        v.add("si_fd", Value::fd(si.si_fd));
      }
      break;
    case SIGSYS:
      v.add("si_call_addr", Value::addr(reinterpret_cast<uintptr_t>(si.si_call_addr)));
      v.add("si_syscall", Value::integer(si.si_syscall));
      v.add("si_arch", Value::hex(si.si_arch));
      break;
    default:
      if (si.si_pid || si.si_uid) add_source(v, si);
      if (si.si_ptr) add_sigval(v, si);
      break;
  }
}

void add_user_fields(Value& v, const siginfo_t& si) {
  switch (si.si_code) {
    case SI_USER:
    case SI_TKILL: add_source(v, si); break;
    case SI_TIMER:
      v.add("si_timerid", Value::hex(static_cast<uint32_t>(si.si_timerid)));
      v.add("si_overrun", Value::integer(si.si_overrun));
      add_sigval(v, si);
      break;
    case SI_SIGIO:
      v.add("si_band", Value::integer(si.si_band));
      v.add("si_fd", Value::fd(si.si_fd));
      break;
    default:
      add_source(v, si);
      if (si.si_ptr) add_sigval(v, si);
      break;
  }
}

}  // namespace

Value decode_siginfo(const siginfo_t& si) {
  Value v = Value::structure();
  if (!si.si_signo) return v;
  v.add("si_signo", proc::signal(si.si_signo));
  v.add("si_code", si_code_value(si.si_code, si.si_signo));
  if (si.si_errno) {
    Value e = Value::uinteger(static_cast<uint32_t>(si.si_errno));
    if (const char* n = errno_name(si.si_errno)) e = Value::sym(n, si.si_errno);
    v.add("si_errno", e);
  }
  if (si.si_code <= 0)
    add_user_fields(v, si);
  else
    add_kernel_fields(v, si);
  return v;
}

Value decode_siginfo_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto si = ctx.object<siginfo_t>(addr);
  if (!si) return Value::unavailable(addr);
  return decode_siginfo(*si);
}

}  // namespace sct
