// ioctl: the request prints by name (every name strace knows for the
// number, joined with " or "), else as _IOC(dir, type, nr, size). The
// argument is decoded for the terminal requests programs make at start-up
// (termios, winsize, process groups, FIONREAD...) and a few argument-less
// requests; anything else prints as a hex number, as strace does without -v.
// "Get" requests print their struct at exit, "set" requests at entry.
#include <asm/termios.h>
#include <linux/nbd.h>

#include <cstring>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "decode/misc_helpers.h"
#include "xlat/ioctl_names.h"
#include "xlat/ioctl_tty.h"

namespace sct {
namespace {

// The kernel's structs (asm-generic/termbits.h), not glibc's struct termios.
constexpr int kNccs = 19;
struct KernelTermios {
  uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
  uint8_t c_line;
  uint8_t c_cc[kNccs];
};
struct KernelTermios2 {
  KernelTermios t;
  uint32_t c_ispeed, c_ospeed;
};
constexpr int kNcc = 8;
struct KernelTermio {
  uint16_t c_iflag, c_oflag, c_cflag, c_lflag;
  uint8_t c_line;
  uint8_t c_cc[kNcc];
};
struct KernelWinsize {
  uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

// A flag word split into fields the way strace 6.1 prints c_oflag and
// c_cflag: each field a constant of its own, joined with '|', so that -X raw
// prints "0|0|0|0|0|0|0x5" and -X verbose comments every part. A remainder
// of 0 still gets its '|' ("CS5|"), as strace's printflags with no default
// prints nothing for it.
Value joined_fields(std::vector<Value> parts) {
  std::vector<Value> glued;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) glued.push_back(Value::raw("|"));
    glued.push_back(std::move(parts[i]));
  }
  return proc::glued_parts("", std::move(glued));
}

Value oflag_value(uint32_t v) {
  return joined_fields({fs::xval(xlat::tty_nldly, v & NLDLY), fs::xval(xlat::tty_crdly, v & CRDLY),
                        fs::xval(xlat::tty_tabdly, v & TABDLY), fs::xval(xlat::tty_bsdly, v & BSDLY),
                        fs::xval(xlat::tty_vtdly, v & VTDLY), fs::xval(xlat::tty_ffdly, v & FFDLY),
                        fs::flags_no_default(xlat::tty_oflags,
                                             v & ~uint32_t{NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY})});
}

Value cflag_value(uint32_t v) {
  std::vector<Value> parts;
  parts.push_back(fs::xval(xlat::tty_baud, v & CBAUD));
  if (v & CIBAUD)
    parts.push_back(proc::glued_parts("", {fs::xval(xlat::tty_baud, (v & CIBAUD) >> IBSHIFT), Value::raw("<<"),
                                           Value::sym("IBSHIFT", IBSHIFT)}));
  parts.push_back(fs::xval(xlat::tty_csize, v & CSIZE));
  parts.push_back(fs::flags_no_default(xlat::tty_cflags, v & ~uint32_t{CBAUD | CIBAUD | CSIZE}));
  return joined_fields(std::move(parts));
}

void add_flag_words(Value& v, uint32_t i, uint32_t o, uint32_t c, uint32_t l) {
  v.add("c_iflag", fs::flags_no_default(xlat::tty_iflags, i));
  v.add("c_oflag", oflag_value(o));
  v.add("c_cflag", cflag_value(c));
  v.add("c_lflag", fs::flags_no_default(xlat::tty_lflags, l));
}

Value cc_value(const uint8_t* cc, int n) {
  Value a = Value::array();
  for (int i = 0; i < n; ++i) {
    const char* name = xlat_name(xlat::tty_cc_slots, static_cast<uint64_t>(i));
    a.add(fmt::format("[{}]", name ? name : std::to_string(i)), Value::hex(cc[i]));
  }
  return a;
}

bool full_structs(DecodeContext& ctx) { return ctx.options().verbose || !ctx.options().abbrev; }

Value termios_value(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto t = ctx.object<KernelTermios>(addr);
  if (!t) return Value::unavailable(addr);
  Value v = Value::structure();
  add_flag_words(v, t->c_iflag, t->c_oflag, t->c_cflag, t->c_lflag);
  if (!full_structs(ctx)) return v.elided();
  v.add("c_line", fs::xval(xlat::tty_line_discs, t->c_line));
  v.add("c_cc", cc_value(t->c_cc, kNccs));
  return v;
}

Value termios2_value(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto t = ctx.object<KernelTermios2>(addr);
  if (!t) return Value::unavailable(addr);
  Value v = Value::structure();
  add_flag_words(v, t->t.c_iflag, t->t.c_oflag, t->t.c_cflag, t->t.c_lflag);
  if (!full_structs(ctx)) return v.elided();
  v.add("c_line", fs::xval(xlat::tty_line_discs, t->t.c_line));
  v.add("c_cc", cc_value(t->t.c_cc, kNccs));
  v.add("c_ispeed", Value::uinteger(t->c_ispeed));
  v.add("c_ospeed", Value::uinteger(t->c_ospeed));
  return v;
}

Value termio_value(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto t = ctx.object<KernelTermio>(addr);
  if (!t) return Value::unavailable(addr);
  Value v = Value::structure();
  add_flag_words(v, t->c_iflag, t->c_oflag, t->c_cflag, t->c_lflag);
  if (!full_structs(ctx)) return v.elided();
  v.add("c_line", fs::xval(xlat::tty_line_discs, t->c_line));
  v.add("c_cc", cc_value(t->c_cc, kNcc));
  return v;
}

Value winsize_value(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto w = ctx.object<KernelWinsize>(addr);
  if (!w) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("ws_row", Value::uinteger(w->ws_row));
  v.add("ws_col", Value::uinteger(w->ws_col));
  v.add("ws_xpixel", Value::uinteger(w->ws_xpixel));
  v.add("ws_ypixel", Value::uinteger(w->ws_ypixel));
  return v;
}

Value modem_value(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto m = ctx.object<uint32_t>(addr);
  if (!m) return Value::unavailable(addr);
  Value a = Value::array();
  a.push(fs::flags(xlat::modem_flags, *m));
  return a;
}

// _IOC(_IOC_READ|_IOC_WRITE, 0xfe, 0xff, 0x64)
Value ioc_value(uint32_t code) {
  uint32_t dir = (code >> 30) & 3, type = (code >> 8) & 0xff, nr = code & 0xff, size = (code >> 16) & 0x3fff;
  static const char* const kDirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"};
  auto hex = [](uint32_t v) { return v ? fmt::format("{:#x}", v) : std::string("0"); };
  return Value::constant(fmt::format("_IOC({}, {}, {}, {})", kDirs[dir], hex(type), hex(nr), hex(size)), code);
}

Value request_value(uint32_t code) {
  std::vector<const char*> names = ioctl_names(code);
  if (names.empty()) return ioc_value(code);
  std::string text = names[0];
  for (size_t i = 1; i < names.size(); ++i) text += std::string(" or ") + names[i];
  return Value::sym(text, code);
}

// How a request's argument prints, and when.
enum class Arg {
  Hex,       // the raw value, at entry (unknown requests)
  None,      // nothing
  TermiosIn, TermiosOut, Termios2In, Termios2Out, TermioIn, TermioOut,
  WinsizeIn, WinsizeOut, ModemIn, ModemOut,
  IntIn, IntOut,  // [n] through a pointer
  Decimal,   // the value itself, as int
  Xonc, Flsh,
  CharIn,    // TIOCSTI: one byte
};

Arg arg_kind(uint32_t code) {
  switch (code) {
    case TCGETS: case TIOCGLCKTRMIOS: return Arg::TermiosOut;
    case TCSETS: case TCSETSW: case TCSETSF: case TIOCSLCKTRMIOS: return Arg::TermiosIn;
    case TCGETS2: return Arg::Termios2Out;
    case TCSETS2: case TCSETSW2: case TCSETSF2: return Arg::Termios2In;
    case TCGETA: return Arg::TermioOut;
    case TCSETA: case TCSETAW: case TCSETAF: return Arg::TermioIn;
    case TIOCGWINSZ: return Arg::WinsizeOut;
    case TIOCSWINSZ: return Arg::WinsizeIn;
    case TCXONC: return Arg::Xonc;
    case TCFLSH: return Arg::Flsh;
    case TCSBRK: case TCSBRKP: case TIOCSCTTY: return Arg::Decimal;
    case TIOCMGET: return Arg::ModemOut;
    case TIOCMBIS: case TIOCMBIC: case TIOCMSET: return Arg::ModemIn;
    case TIOCGPGRP: case TIOCGSID: case TIOCGETD: case TIOCGSOFTCAR: case TIOCGPTN: case FIONREAD:
    case TIOCOUTQ: case TIOCGEXCL: case TIOCGDEV: return Arg::IntOut;
    case TIOCSPGRP: case TIOCSETD: case FIONBIO: case FIOASYNC: case TIOCPKT: case TIOCSSOFTCAR:
    case TIOCSPTLCK: return Arg::IntIn;
    case TIOCSTI: return Arg::CharIn;
    case TIOCSBRK: case TIOCCBRK: case TIOCCONS: case TIOCNOTTY: case TIOCEXCL: case TIOCNXCL:
    case FIOCLEX: case FIONCLEX: case TIOCVHANGUP: case TIOCSSERIAL: return Arg::None;
    // nbd requests without an argument.
    case NBD_DO_IT: case NBD_CLEAR_SOCK: case NBD_CLEAR_QUE: case NBD_PRINT_DEBUG: case NBD_DISCONNECT:
      return Arg::None;
    default: return Arg::Hex;
  }
}

bool is_output(Arg a) {
  return a == Arg::TermiosOut || a == Arg::Termios2Out || a == Arg::TermioOut || a == Arg::WinsizeOut ||
         a == Arg::ModemOut || a == Arg::IntOut;
}

Value arg_value(DecodeContext& ctx, Arg kind, uint64_t arg) {
  switch (kind) {
    case Arg::TermiosIn: case Arg::TermiosOut: return termios_value(ctx, arg);
    case Arg::Termios2In: case Arg::Termios2Out: return termios2_value(ctx, arg);
    case Arg::TermioIn: case Arg::TermioOut: return termio_value(ctx, arg);
    case Arg::WinsizeIn: case Arg::WinsizeOut: return winsize_value(ctx, arg);
    case Arg::ModemIn: case Arg::ModemOut: return modem_value(ctx, arg);
    case Arg::IntIn: case Arg::IntOut: return fs::int_at(ctx, arg);
    case Arg::Decimal: return Value::integer(static_cast<int32_t>(arg));
    case Arg::Xonc: return fs::xval(xlat::tcxonc_options, arg);
    case Arg::Flsh: return fs::xval(xlat::tcflsh_options, arg);
    case Arg::CharIn: return ctx.buf(arg, 1);
    case Arg::Hex: case Arg::None: break;
  }
  return Value::hex(arg);
}

}  // namespace

SCT_DECODER(ioctl) {
  const uint32_t code = static_cast<uint32_t>(call.args[1]);
  const Arg kind = arg_kind(code);
  if (ctx.entering()) {
    call.arg(ctx.fd(static_cast<int32_t>(call.args[0])));
    call.arg(request_value(code));
    if (is_output(kind)) {
      call.total_args = 3;
      return;
    }
    if (kind != Arg::None) call.arg(arg_value(ctx, kind, call.args[2]));
    fs::finish(call);
    return;
  }
  if (is_output(kind)) call.arg(arg_value(ctx, kind, call.args[2]));
}

}  // namespace sct
