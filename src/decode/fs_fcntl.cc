// fcntl: the argument's form depends on the command (flags, a descriptor,
// a signal, struct flock, struct f_owner_ex...), and the "get" commands
// annotate the return value: "= 0x8002 (flags O_RDWR|O_LARGEFILE)".
// F_GETLK and F_GETOWN_EX print their struct at exit; the rest is complete
// at entry.
#include <fcntl.h>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "sinks/strace_render.h"
#include "xlat/fs_flags.h"
#include "xlat/signals.h"

namespace sct {
namespace {

// struct flock on x86_64 (same layout as flock64).
struct KernelFlock {
  int16_t l_type;
  int16_t l_whence;
  int64_t l_start;
  int64_t l_len;
  int32_t l_pid;
};

Value flock_value(DecodeContext& ctx, uint64_t addr, bool getlk) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto fl = ctx.object<KernelFlock>(addr);
  if (!fl) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("l_type", fs::xval(xlat::lock_types, static_cast<uint16_t>(fl->l_type)));
  v.add("l_whence", fs::xval(xlat::whence_codes, static_cast<uint16_t>(fl->l_whence)));
  v.add("l_start", Value::integer(fl->l_start));
  v.add("l_len", Value::integer(fl->l_len));
  if (getlk) v.add("l_pid", Value::integer(fl->l_pid));
  return v;
}

Value owner_value(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  struct {
    int32_t type, pid;
  } owner;
  if (!ctx.mem().read_object(addr, &owner)) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("type", fs::xval(xlat::f_owner_types, static_cast<uint32_t>(owner.type)));
  // F_OWNER_PGRP names a process group (-Y prints no comm for it).
  v.add("pid", owner.type == F_OWNER_PGRP ? Value::pgid(owner.pid) : Value::pid(owner.pid));
  return v;
}

// "= 0x8002 (flags O_RDWR|O_LARGEFILE)": the return in hex with a comment.
// (strace prints F_GETFL's open flags by name even under -X raw.)
void hex_return_with(SyscallCall& call, const std::string& comment) {
  call.retval = Value::hex(static_cast<uint64_t>(call.ret));
  if (!comment.empty()) call.ret_comment = "(" + comment + ")";
}

// The same with constants that follow -X: "(flags 0x1 /* FD_CLOEXEC */)".
void hex_return_noting(SyscallCall& call, const char* lead, Value v) {
  call.retval = Value::hex(static_cast<uint64_t>(call.ret));
  Value note = Value::raw(lead);
  note.fields.emplace_back("", std::move(v));
  note.fields.emplace_back("", Value::raw(")"));
  call.ret_note = std::move(note);
}

}  // namespace

SCT_DECODER(fcntl) {
  const uint32_t cmd = static_cast<uint32_t>(call.args[1]);
  const uint64_t arg = call.args[2];
  if (ctx.entering()) {
    call.arg(ctx.fd(static_cast<int32_t>(call.args[0])));
    call.arg(fs::xval(xlat::fcntl_cmds, cmd));
    switch (cmd) {
      case F_SETFD: call.arg(fs::flags(xlat::fd_flags, arg)); break;
      case F_SETOWN: call.arg(Value::pid_or_pgid(static_cast<int32_t>(arg))); break;
      case F_SETPIPE_SZ:
      case F_DUPFD:
      case F_DUPFD_CLOEXEC: call.arg(Value::integer(static_cast<int32_t>(arg))); break;
      case F_SETFL: call.arg(fs::open_flags(static_cast<uint32_t>(arg))); break;
      case F_SETLK:
      case F_SETLKW:
      case F_OFD_SETLK:
      case F_OFD_SETLKW: call.arg(flock_value(ctx, arg, false)); break;
      case F_SETOWN_EX: call.arg(owner_value(ctx, arg)); break;
      case F_NOTIFY: call.arg(fs::flags(xlat::dnotify_flags, arg)); break;
      case F_SETLEASE: call.arg(fs::xval(xlat::lock_types, arg)); break;
      case F_ADD_SEALS: call.arg(fs::flags(xlat::file_seals, arg)); break;
      case F_SETSIG: call.arg(ctx.signal(static_cast<int32_t>(arg))); break;
      case F_GETLK:
      case F_OFD_GETLK:
      case F_GETOWN_EX: call.total_args = 3; return;  // the struct at exit
      case F_GETOWN:
      case F_GETPIPE_SZ:
      case F_GETFD:
      case F_GETFL:
      case F_GETLEASE:
      case F_GET_SEALS:
      case F_GETSIG: break;  // no argument
      default: call.arg(Value::hex(arg)); break;
    }
    fs::finish(call);
    return;
  }
  switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
      // A new descriptor: decorated like open's under -y.
      if (!call.failed()) call.retval = ctx.fd(static_cast<int32_t>(call.ret));
      break;
    case F_GETLK:
    case F_OFD_GETLK: call.arg(flock_value(ctx, arg, true)); break;
    case F_GETOWN_EX: call.arg(owner_value(ctx, arg)); break;
    case F_GETOWN:
      // The owner: a process, or (negative) a process group.
      if (!call.failed()) call.retval = Value::pid_or_pgid(static_cast<int32_t>(call.ret));
      break;
    case F_GETFD:
      if (!call.failed() && call.ret != 0)
        hex_return_noting(call, "(flags ", fs::flags_plain(xlat::fd_flags, call.ret));
      break;
    case F_GETFL:
      if (!call.failed()) hex_return_with(call, "flags " + render_value(fs::open_flags(call.ret)));
      break;
    case F_GETLEASE:
      if (!call.failed()) {
        const char* n = xlat_name(xlat::lock_types, static_cast<uint64_t>(call.ret));
        hex_return_with(call, n ? n : "");
      }
      break;
    case F_GET_SEALS:
      if (!call.failed() && call.ret != 0)
        hex_return_noting(call, "(seals ", fs::flags_plain(xlat::file_seals, call.ret));
      break;
    case F_GETSIG:
      if (!call.failed() && call.ret != 0) {
        std::string n = signal_name(static_cast<int>(call.ret));
        if (!n.empty()) call.ret_comment = "(" + n + ")";
      }
      break;
    default: break;
  }
}

}  // namespace sct
