// System-wide information and policy calls: getrandom, uname, sysinfo,
// personality, membarrier, seccomp, ptrace (basic).
#include <linux/seccomp.h>
#include <sys/ptrace.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/misc_flags.h"
#include "xlat/process_flags.h"

namespace sct {

namespace {

Value uts_field(const char* s, size_t n) { return Value::str(std::string(s, strnlen(s, n)), false); }

// type|flags, e.g. PER_LINUX|ADDR_NO_RANDOMIZE: two constants, so that
// -X raw prints "0|0x400000" as strace does.
std::vector<Value> personality_parts(uint32_t p) {
  std::vector<Value> parts;
  parts.push_back(xlat_enum_value(xlat::personality_types, p & 0xffu));
  uint32_t flags = p & ~0xffu;
  if (flags) {
    parts.push_back(Value::raw("|"));
    parts.push_back(xlat_flags_value(xlat::personality_flags, flags));
  }
  return parts;
}

// A return comment whose constants -X reaches: "(PER_LINUX)", "(0)".
Value parenthesized(std::vector<Value> parts) {
  parts.push_back(Value::raw(")"));
  return proc::glued_parts("(", std::move(parts));
}

}  // namespace

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;
namespace xlat = sct::xlat;

// The bytes are random: strace always prints them in hex.
SCT_DECODER(getrandom) {
  if (ctx.entering()) return;
  if (call.failed()) {
    call.arg(ctx.addr(call.args[0]));
  } else {
    Value v = ctx.buf(call.args[0], static_cast<uint64_t>(call.ret));
    v.str_force_hex = true;
    call.arg(std::move(v));
  }
  call.arg(Value::uinteger(call.args[1]));
  call.arg(proc::flags_value(xlat::getrandom_flags, static_cast<uint32_t>(call.args[2]), "GRND_???"));
}

SCT_DECODER(uname) {
  if (ctx.entering()) return;
  uint64_t addr = call.args[0];
  if (addr == 0 || call.failed()) {
    call.arg(ctx.addr(addr));
    return;
  }
  auto u = ctx.object<struct utsname>(addr);
  if (!u) {
    call.arg(Value::unavailable(addr));
    return;
  }
  Value v = Value::structure();
  v.add("sysname", sct::uts_field(u->sysname, sizeof u->sysname));
  v.add("nodename", sct::uts_field(u->nodename, sizeof u->nodename));
  if (proc::abbreviate(ctx)) {
    v.elided();
  } else {
    v.add("release", sct::uts_field(u->release, sizeof u->release));
    v.add("version", sct::uts_field(u->version, sizeof u->version));
    v.add("machine", sct::uts_field(u->machine, sizeof u->machine));
    v.add("domainname", sct::uts_field(u->domainname, sizeof u->domainname));
  }
  call.arg(std::move(v));
}

SCT_DECODER(sysinfo) {
  if (ctx.entering()) return;
  uint64_t addr = call.args[0];
  if (addr == 0 || call.failed()) {
    call.arg(ctx.addr(addr));
    return;
  }
  auto si = ctx.object<struct sysinfo>(addr);
  if (!si) {
    call.arg(Value::unavailable(addr));
    return;
  }
  Value v = Value::structure();
  v.add("uptime", Value::integer(si->uptime));
  Value loads = Value::array();
  for (auto l : si->loads) loads.push(Value::uinteger(l));
  v.add("loads", std::move(loads));
  v.add("totalram", Value::uinteger(si->totalram));
  v.add("freeram", Value::uinteger(si->freeram));
  v.add("sharedram", Value::uinteger(si->sharedram));
  v.add("bufferram", Value::uinteger(si->bufferram));
  v.add("totalswap", Value::uinteger(si->totalswap));
  v.add("freeswap", Value::uinteger(si->freeswap));
  v.add("procs", Value::uinteger(si->procs));
  v.add("totalhigh", Value::uinteger(si->totalhigh));
  v.add("freehigh", Value::uinteger(si->freehigh));
  v.add("mem_unit", Value::uinteger(si->mem_unit));
  call.arg(std::move(v));
}

// 0xffffffff queries; the return value is the previous personality.
SCT_DECODER(personality) {
  uint32_t p = static_cast<uint32_t>(call.args[0]);
  if (ctx.entering()) {
    call.arg(p == 0xffffffffu ? Value::hex(p) : proc::glued_parts("", sct::personality_parts(p)));
    return;
  }
  if (!call.failed()) {
    call.retval = Value::hex(static_cast<uint32_t>(call.ret));
    call.ret_note = sct::parenthesized(sct::personality_parts(static_cast<uint32_t>(call.ret)));
  }
}

SCT_DECODER(membarrier) {
  if (ctx.entering()) {
    call.arg(xlat_enum_value(xlat::membarrier_cmds, static_cast<uint32_t>(call.args[0])));
    call.arg(Value::hex(static_cast<uint32_t>(call.args[1])));
    proc::entry_complete(call);
    return;
  }
  if (!call.failed() && call.args[0] == 0 && call.ret != 0) {
    call.retval = Value::hex(static_cast<uint64_t>(call.ret));
    call.ret_note = sct::parenthesized({xlat_flags_value(xlat::membarrier_cmds, static_cast<uint64_t>(call.ret))});
  }
}

SCT_DECODER(seccomp) {
  if (!ctx.entering()) return;
  uint32_t op = static_cast<uint32_t>(call.args[0]);
  uint32_t flags = static_cast<uint32_t>(call.args[1]);
  call.arg(xlat_enum_value(xlat::seccomp_ops, op));
  if (op == SECCOMP_SET_MODE_FILTER)
    call.arg(proc::flags_value(xlat::seccomp_filter_flags, flags, "SECCOMP_FILTER_FLAG_???"));
  else
    call.arg(Value::uinteger(flags));
  call.arg(ctx.addr(call.args[2]));
}

// Requests that resume a tracee take a signal in data; PEEK requests write
// the word read through data (glibc passes a pointer).
SCT_DECODER(ptrace) {
  long req = static_cast<long>(call.args[0]);
  bool peek = req == PTRACE_PEEKTEXT || req == PTRACE_PEEKDATA || req == PTRACE_PEEKUSER;
  if (ctx.entering()) {
    call.arg(xlat_enum_value(xlat::ptrace_requests, call.args[0]));
    if (req == PTRACE_TRACEME) return proc::entry_complete(call);
    call.arg(Value::pid(static_cast<int32_t>(call.args[1])));
    if (req == PTRACE_ATTACH || req == PTRACE_INTERRUPT || req == PTRACE_KILL) return proc::entry_complete(call);
    call.arg(ctx.addr(call.args[2]));
    switch (req) {
      case PTRACE_CONT:
      case PTRACE_DETACH:
      case PTRACE_SYSCALL:
      case PTRACE_SINGLESTEP:
      case PTRACE_SYSEMU:
      case PTRACE_SYSEMU_SINGLESTEP:
      case PTRACE_LISTEN:
        call.arg(proc::signal(static_cast<int32_t>(call.args[3])));
        break;
      default:
        if (peek)
          call.total_args = 4;
        else
          call.arg(ctx.addr(call.args[3]));
        break;
    }
    return;
  }
  if (peek) call.arg(proc::hex_long_at(ctx, call.args[3]));
}
