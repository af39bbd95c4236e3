// The value makers every decoder uses, and the row-driven default decoder.
#include <fcntl.h>
#include <unistd.h>

#include <cstring>
#include <map>
#include <string>

#include "decode/decoder.h"
#include "xlat/signals.h"
#include "xlat/xlat.h"

namespace sct {

namespace {

std::map<std::string, DecodeFn>& decoder_registry() {
  static std::map<std::string, DecodeFn> registry;
  return registry;
}

constexpr size_t kPathMax = 4096;

}  // namespace

bool register_decoder(const char* syscall_name, DecodeFn fn) {
  decoder_registry()[syscall_name] = fn;
  return true;
}

DecodeFn find_decoder(const char* syscall_name) {
  if (!syscall_name) return nullptr;
  auto& reg = decoder_registry();
  auto it = reg.find(syscall_name);
  return it == reg.end() ? nullptr : it->second;
}

DecodeOptions DecodeOptions::for_call(long nr) const {
  DecodeOptions o = *this;
  if (!per_call) return o;
  o.per_call.reset();
  const SyscallQualifiers& q = *per_call;
  auto pick = [nr](const std::vector<bool>& set, bool unknown) {
    return nr >= 0 && static_cast<size_t>(nr) < set.size() ? static_cast<bool>(set[static_cast<size_t>(nr)]) : unknown;
  };
  o.raw = pick(q.raw, q.raw_unknown);
  o.deref = pick(q.deref, q.deref_unknown);
  o.abbrev = pick(q.abbrev, q.abbrev_unknown);
  o.verbose = !o.abbrev;
  return o;
}

std::optional<std::string> FdResolver::proc_cwd(pid_t tid) {
  char link[64], buf[4096];
  snprintf(link, sizeof link, "/proc/%d/cwd", tid);
  ssize_t n = readlink(link, buf, sizeof buf - 1);
  if (n <= 0) return std::nullopt;
  return std::string(buf, static_cast<size_t>(n));
}

Value DecodeContext::fd(int64_t fd) {
  Value v = Value::fd(static_cast<int>(fd));
  if (opt_.decode_fds && fds_ && static_cast<int>(fd) >= 0) {
    auto p = opt_.decode_fds != kDecodeFdPath ? fds_->fd_detail(call_.tid, static_cast<int>(fd), opt_.decode_fds)
                                              : fds_->fd_path(call_.tid, static_cast<int>(fd));
    if (p) v.fd_path = *p;
  }
  return v;
}

Value DecodeContext::dirfd(int64_t fd) {
  if (static_cast<int>(fd) == AT_FDCWD) {
    Value v = Value::sym_decimal("AT_FDCWD", AT_FDCWD);
    // -y decorates AT_FDCWD with the current directory, as strace does.
    if (opt_.decode_fds & kDecodeFdPath) {
      auto cwd = fds_ ? fds_->cwd_path(call_.tid) : FdResolver::proc_cwd(call_.tid);
      if (cwd) {
        v.is_fd = true;
        v.fd_path = std::move(*cwd);
      }
    }
    return v;
  }
  return this->fd(fd);
}

Value DecodeContext::addr(uint64_t a) { return Value::addr(a); }

Value DecodeContext::path(uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  bool terminated = false;
  auto s = mem_.read_cstring(addr, kPathMax, &terminated);
  if (!s) return Value::unavailable(addr);
  return Value::str(std::move(*s), !terminated);
}

Value DecodeContext::cstr(uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  bool terminated = false;
  auto s = mem_.read_cstring(addr, opt_.string_limit, &terminated);
  if (!s) return Value::unavailable(addr);
  return Value::str(std::move(*s), !terminated);
}

Value DecodeContext::buf(uint64_t addr, uint64_t len) {
  if (addr == 0 && len != 0) return Value::addr(0);
  size_t want = len < opt_.string_limit ? static_cast<size_t>(len) : opt_.string_limit;
  std::string bytes(want, '\0');
  if (want && !mem_.read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(bytes.data()), want)))
    return Value::unavailable(addr);
  return Value::str(std::move(bytes), len > want);
}

Value DecodeContext::flags(const Xlat& x, uint64_t v) { return xlat_flags_value(x, v); }

Value DecodeContext::enumeration(const Xlat& x, uint64_t v) { return xlat_enum_value(x, v); }

Value DecodeContext::signal(int64_t sig) {
  std::string n = signal_name(static_cast<int>(sig));
  if (n.empty()) return Value::integer(sig);
  return Value::sym_decimal(std::move(n), sig);
}

Value DecodeContext::sigset_bits(uint64_t bits) {
  // strace prints the complement when at least two thirds of the bits are set.
  int set = __builtin_popcountll(bits);
  bool negated = set >= 64 * 2 / 3;
  if (negated) bits = ~bits;
  std::vector<std::string> names;
  for (int i = 0; i < 64; ++i) {
    if (!(bits & (1ull << i))) continue;
    std::string n = signal_name(i + 1);
    if (n.rfind("SIG", 0) == 0) n = n.substr(3);
    if (n.empty()) n = std::to_string(i + 1);
    names.push_back(std::move(n));
  }
  return Value::sigset(std::move(names), negated);
}

Value DecodeContext::sigset(uint64_t addr, uint64_t size) {
  if (addr == 0) return Value::addr(0);
  // The kernel's sigset is 8 bytes on x86_64; other sizes print the address.
  if (size != 8) return Value::addr(addr);
  auto bits = object<uint64_t>(addr);
  if (!bits) return Value::unavailable(addr);
  return sigset_bits(*bits);
}

Value decode_arg_by_kind(const ArgSpec& spec, uint64_t raw, DecodeContext& ctx) {
  SyscallCall& call = ctx.call();
  switch (spec.kind) {
    case ArgKind::Int: return Value::integer(static_cast<int32_t>(raw));
    case ArgKind::Long: return Value::integer(static_cast<int64_t>(raw));
    case ArgKind::Uint: return Value::uinteger(static_cast<uint32_t>(raw));
    case ArgKind::Ulong: return Value::uinteger(raw);
    case ArgKind::Hex: return Value::hex(raw);
    case ArgKind::Oct: return Value::oct(raw);
    case ArgKind::Ptr: return ctx.addr(raw);
    case ArgKind::Fd: return ctx.fd(static_cast<int32_t>(raw));
    case ArgKind::DirFd: return ctx.dirfd(static_cast<int32_t>(raw));
    case ArgKind::Path: return ctx.path(raw);
    case ArgKind::Str: return ctx.cstr(raw);
    case ArgKind::InBuf:
      return ctx.buf(raw, spec.len_arg >= 0 ? call.args[spec.len_arg] : 0);
    case ArgKind::OutBuf:
      if (call.failed()) return ctx.addr(raw);
      return ctx.buf(raw, static_cast<uint64_t>(call.ret));
    case ArgKind::OutPtr: return ctx.addr(raw);
    case ArgKind::Flags:
      if (!spec.xlat) return Value::hex(raw);
      return ctx.flags(*spec.xlat, raw);
    case ArgKind::Enum:
      if (!spec.xlat) return Value::hex(raw);
      return ctx.enumeration(*spec.xlat, raw);
    case ArgKind::Signal: return ctx.signal(static_cast<int32_t>(raw));
    case ArgKind::Pid: return Value::pid(static_cast<int32_t>(raw));
    case ArgKind::Uid: return Value::integer(static_cast<int32_t>(raw));
    case ArgKind::Clockid: {
      // Without the clock table linked in, print the number as strace does for
      // unknown clocks.
      return Value::integer(static_cast<int32_t>(raw));
    }
  }
  return Value::integer(static_cast<int64_t>(raw));
}

namespace {

bool is_output_kind(ArgKind k) { return k == ArgKind::OutBuf || k == ArgKind::OutPtr; }

// The default decoder: input arguments at entry, in order, up to the first
// output argument; that one and everything after it at exit.
void decode_by_row(SyscallCall& call, DecodeContext& ctx) {
  const SyscallRow* row = call.row;
  if (!row || !row->name) {
    // Unknown syscall: strace prints all six arguments in hex at entry.
    if (ctx.entering())
      for (int i = 0; i < 6; ++i) call.arg(Value::hex(call.args[i]));
    return;
  }
  if (ctx.entering()) {
    for (int i = 0; i < row->nargs; ++i) {
      if (is_output_kind(row->args[i].kind)) break;
      call.arg(decode_arg_by_kind(row->args[i], call.args[i], ctx));
    }
  } else {
    for (size_t i = call.decoded.size(); i < row->nargs; ++i)
      call.arg(decode_arg_by_kind(row->args[i], call.args[i], ctx));
  }
}

}  // namespace

namespace {

// find_decoder by row, remembered per syscall number: twice per traced call,
// its map<string> lookup was 6% of the eBPF engine's consumer. Rows are
// static and decoders register before main, so an answer never changes.
DecodeFn decoder_of(const SyscallCall& call) {
  struct Slot {
    const SyscallRow* row = nullptr;
    DecodeFn fn = nullptr;
  };
  static thread_local Slot cache[1024];
  if (!call.row || call.nr < 0 || call.nr >= 1024) return find_decoder(call.name());
  Slot& s = cache[call.nr];
  if (s.row != call.row) s = {call.row, find_decoder(call.name())};
  return s.fn;
}

}  // namespace

void decode_phase(SyscallCall& call, DecodeContext& ctx) {
  if (ctx.options().strace61_names && !strace61_knows(call.nr)) {
    // strace 6.1 decodes an unknown number raw: six hex arguments, a hex result.
    call.row = nullptr;
    call.raw = true;
  }
  if (ctx.options().raw) {
    call.raw = true;
    if (ctx.entering()) {
      int n = call.row && call.row->name ? call.row->nargs : 6;
      for (int i = 0; i < n; ++i) call.arg(Value::hex(call.args[i]));
    }
  } else if (DecodeFn fn = decoder_of(call)) {
    fn(call, ctx);
  } else {
    decode_by_row(call, ctx);
  }
  if (ctx.entering()) {
    call.entry_args = call.decoded.size();
  } else if (ctx.options().decode_fds && !call.retval && !call.failed() && call.row && call.row->name &&
             call.row->ret == RetKind::Fd) {
    // A new descriptor prints with its path under -y: "= 3</etc/passwd>".
    call.retval = ctx.fd(call.ret);
  }
}

}  // namespace sct
