#include "decode/fs_common.h"

#include <sys/sysmacros.h>
#include <time.h>

#include <fmt/format.h>

#include "xlat/fs_flags.h"

namespace sct::fs {

Value flags_plain(const Xlat& x, uint64_t v) { return xlat_flags_value(x, v); }

Value flags(const Xlat& x, uint64_t v) {
  Value r = xlat_flags_value(x, v);
  if (r.names.empty() && r.has_rest && v != 0 && x.unknown_comment && *x.unknown_comment)
    r.with_comment(x.unknown_comment);
  return r;
}

Value flags_no_default(const Xlat& x, uint64_t v) {
  if (v != 0) return xlat_flags_value(x, v);
  const char* zero = xlat_name(x, 0);
  if (!zero) return Value::raw("");
  return Value::styled(Value::flags({zero}, 0, 0, false), Value::raw(""), Value::raw(fmt::format("0 /* {} */", zero)));
}

Value xval(const Xlat& x, uint64_t v) { return xlat_enum_value(x, v); }

Value open_flags(uint64_t v) {
  // strace names the access mode first, then the flags; an unknown
  // remainder with no named flag prints as "O_RDONLY|0x...".
  const char* mode = xlat_name(xlat::open_access_modes, v & 3);
  uint64_t rest = mode ? v & ~uint64_t{3} : v;
  Value r = xlat_flags_value(xlat::open_mode_flags, rest);
  if (mode) {
    if (rest == 0) return Value::flags({mode}, v, 0, false);
    r.names.insert(r.names.begin(), mode);
  }
  r.num = static_cast<int64_t>(v);
  return r;
}

// printf("%#03o"): a leading 0 for non-zero values, zero-padded to 3 digits.
static std::string octal_text(uint64_t v) {
  return v >= 0100 ? fmt::format("0{:o}", v) : fmt::format("{:03o}", v);
}

Value umode(uint64_t mode) { return Value::oct(mode); }

Value symbolic_mode(uint32_t mode) {
  const char* type = (mode & S_IFMT) ? xlat_name(xlat::file_mode_types, mode & S_IFMT) : nullptr;
  uint32_t special = mode & (S_ISUID | S_ISGID | S_ISVTX);
  if (!type && !special) return umode(mode & ~uint32_t{S_IFMT});
  std::string s;
  if (type) {
    s += type;
    s += '|';
  }
  if (mode & S_ISUID) s += "S_ISUID|";
  if (mode & S_ISGID) s += "S_ISGID|";
  if (mode & S_ISVTX) s += "S_ISVTX|";
  s += octal_text(mode & ~uint32_t{S_IFMT | S_ISUID | S_ISGID | S_ISVTX});
  return Value::constant(std::move(s), mode, 8);
}

static std::string hex_or_zero(uint64_t v) { return v ? fmt::format("{:#x}", v) : "0"; }

Value device(uint64_t dev) {
  return Value::constant(fmt::format("makedev({}, {})", hex_or_zero(major(dev)), hex_or_zero(minor(dev))), dev);
}

std::string time_comment(int64_t sec, uint64_t frac, int digits) {
  if (sec == 0 && frac == 0) return {};
  time_t t = static_cast<time_t>(sec);
  struct tm tm {};
  if (!localtime_r(&t, &tm)) return {};
  char date[64], zone[16];
  strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
  strftime(zone, sizeof zone, "%z", &tm);
  std::string s = date;
  if (frac) s += fmt::format(".{:0{}}", frac, digits);
  s += zone;
  return s;
}

Value timespec_value(int64_t sec, int64_t nsec) {
  Value v = Value::structure();
  v.add("tv_sec", Value::integer(sec));
  v.add("tv_nsec", Value::integer(nsec));
  return v;
}

Value timeval_value(int64_t sec, int64_t usec) {
  Value v = Value::structure();
  v.add("tv_sec", Value::integer(sec));
  v.add("tv_usec", Value::integer(usec));
  return v;
}

bool can_read(DecodeContext& ctx, uint64_t addr) {
  return addr != 0 && !(ctx.exiting() && ctx.call().failed());
}

Value timespec_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (!can_read(ctx, addr)) return Value::addr(addr);
  auto ts = ctx.object<struct timespec>(addr);
  if (!ts) return Value::unavailable(addr);
  return timespec_value(ts->tv_sec, ts->tv_nsec);
}

Value timeval_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (!can_read(ctx, addr)) return Value::addr(addr);
  auto tv = ctx.object<struct timeval>(addr);
  if (!tv) return Value::unavailable(addr);
  return timeval_value(tv->tv_sec, tv->tv_usec);
}

Value int_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (!can_read(ctx, addr)) return Value::addr(addr);
  auto n = ctx.object<int32_t>(addr);
  if (!n) return Value::unavailable(addr);
  Value a = Value::array();
  a.push(Value::integer(*n));
  return a;
}

Value int64_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (!can_read(ctx, addr)) return Value::addr(addr);
  auto n = ctx.object<int64_t>(addr);
  if (!n) return Value::unavailable(addr);
  Value a = Value::array();
  a.push(Value::integer(*n));
  return a;
}

Value array(DecodeContext& ctx, uint64_t addr, uint64_t count, size_t elem_size,
            const std::function<Value(const std::string& bytes)>& elem, bool ignore_error) {
  if (addr == 0) return Value::addr(0);
  if (count == 0) return Value::array();
  if (!ignore_error && ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  uint64_t size = count * elem_size;
  if (size / elem_size != count || addr + size <= addr) return Value::addr(addr);
  const DecodeOptions& opt = ctx.options();
  uint64_t shown = (opt.abbrev && !opt.verbose && opt.string_limit < count) ? opt.string_limit : count;
  Value a = Value::array();
  std::string bytes(elem_size, '\0');
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t cur = addr + i * elem_size;
    if (!ctx.mem().read(cur, std::span<std::byte>(reinterpret_cast<std::byte*>(bytes.data()), elem_size))) {
      if (i == 0) return Value::unavailable(addr);
      a.push(Value::raw(fmt::format("... /* {:#x} */", cur)));
      return a;
    }
    if (i >= shown) {
      a.elided();
      return a;
    }
    a.push(elem(bytes));
  }
  return a;
}

Value stat_value(const DecodeContext& ctx, const struct stat& st) {
  const DecodeOptions& opt = ctx.options();
  bool full = opt.verbose || !opt.abbrev;
  Value v = Value::structure();
  if (full) {
    v.add("st_dev", device(st.st_dev));
    v.add("st_ino", Value::uinteger(st.st_ino));
    v.add("st_mode", symbolic_mode(st.st_mode));
    v.add("st_nlink", Value::uinteger(st.st_nlink));
    v.add("st_uid", Value::uinteger(st.st_uid));
    v.add("st_gid", Value::uinteger(st.st_gid));
    v.add("st_blksize", Value::uinteger(static_cast<uint64_t>(st.st_blksize)));
    v.add("st_blocks", Value::uinteger(static_cast<uint64_t>(st.st_blocks)));
  } else {
    v.add("st_mode", symbolic_mode(st.st_mode));
  }
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
    v.add("st_rdev", device(st.st_rdev));
  else
    v.add("st_size", Value::uinteger(static_cast<uint64_t>(st.st_size)));
  if (!full) return v.elided();
  auto stamp = [&](const char* name, const char* nsec_name, const struct timespec& ts) {
    Value t = Value::integer(ts.tv_sec);
    std::string c = time_comment(ts.tv_sec, static_cast<uint64_t>(ts.tv_nsec), 9);
    if (!c.empty()) t.with_comment(c);
    v.add(name, t);
    v.add(nsec_name, Value::uinteger(static_cast<uint64_t>(ts.tv_nsec)));
  };
  stamp("st_atime", "st_atime_nsec", st.st_atim);
  stamp("st_mtime", "st_mtime_nsec", st.st_mtim);
  stamp("st_ctime", "st_ctime_nsec", st.st_ctim);
  return v;
}

}  // namespace sct::fs
