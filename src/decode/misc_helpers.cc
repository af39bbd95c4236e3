#include "decode/misc_helpers.h"

#include <unistd.h>

#include <fmt/format.h>

#include "sinks/strace_render.h"
#include "xlat/signals.h"

namespace sct::proc {

std::string text_of(const Value& v) { return render_value(v); }

bool abbreviate(const DecodeContext& ctx) { return ctx.options().abbrev && !ctx.options().verbose; }

Value flags_value(const Xlat& x, uint64_t v, const char* dflt) {
  Value f = xlat_flags_value(x, v);
  if (v != 0 && f.names.empty() && dflt && *dflt) f.with_comment(dflt);
  return f;
}

// Kept as parts, not text, so that -X raw/verbose still reach the value.
Value named(const std::string& name, const Value& v) {
  Value r = Value::raw(name + "=");
  r.fields.emplace_back("", v);
  return r;
}

Value glued_parts(const std::string& lead, std::vector<Value> parts) {
  Value r = Value::raw(lead);
  for (auto& p : parts) r.fields.emplace_back("", std::move(p));
  return r;
}

Value glued(const std::string& text) { return Value::raw(text); }

Value sigmask_value(uint64_t bits, unsigned bytes) {
  if (bytes < 8) bits &= (1ull << (bytes * 8)) - 1;
  unsigned words = (bytes + 3) / 4;
  uint64_t span_mask = words >= 2 ? ~0ull : 0xffffffffull;
  bool negated = static_cast<unsigned>(__builtin_popcountll(bits)) >= words * 32 * 2 / 3;
  if (negated) bits = ~bits & span_mask;
  std::vector<std::string> names;
  for (unsigned i = 0; i < words * 32; ++i) {
    if (!(bits & (1ull << i))) continue;
    std::string n = signal_name(static_cast<int>(i + 1));
    if (n.rfind("SIG", 0) == 0)
      n = n.substr(3);
    else if (n.empty())
      n = std::to_string(i + 1);
    names.push_back(std::move(n));
  }
  return Value::sigset(std::move(names), negated);
}

Value sigset_at(DecodeContext& ctx, uint64_t addr, uint64_t len, uint64_t min_len) {
  if (addr == 0) return Value::addr(0);
  if (len < min_len || len > 8) return Value::addr(addr);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  uint64_t bits = 0;
  if (!ctx.mem().read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(&bits), len)))
    return Value::unavailable(addr);
  return sigmask_value(bits, static_cast<unsigned>(len));
}

Value signal(int sig) {
  std::string n = signal_name(sig);
  if (n.empty()) return Value::integer(sig);
  return Value::sym_decimal(std::move(n), sig);
}

Value timespec_value(const struct timespec& ts) {
  Value v = Value::structure();
  v.add("tv_sec", Value::integer(ts.tv_sec));
  v.add("tv_nsec", Value::integer(ts.tv_nsec));
  return v;
}

Value timeval_value(const struct timeval& tv) {
  Value v = Value::structure();
  v.add("tv_sec", Value::integer(tv.tv_sec));
  v.add("tv_usec", Value::integer(tv.tv_usec));
  return v;
}

Value timespec_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  auto ts = ctx.object<struct timespec>(addr);
  if (!ts) return Value::unavailable(addr);
  return timespec_value(*ts);
}

Value timeval_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  auto tv = ctx.object<struct timeval>(addr);
  if (!tv) return Value::unavailable(addr);
  return timeval_value(*tv);
}

Value timespec_out(DecodeContext& ctx, uint64_t addr) {
  if (addr != 0 && ctx.call().failed()) return Value::addr(addr);
  return timespec_at(ctx, addr);
}

Value timeval_out(DecodeContext& ctx, uint64_t addr) {
  if (addr != 0 && ctx.call().failed()) return Value::addr(addr);
  return timeval_at(ctx, addr);
}

Value in_brackets(Value v) {
  Value a = Value::array();
  a.push(std::move(v));
  return a;
}

Value int_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto n = ctx.object<int32_t>(addr);
  if (!n) return Value::unavailable(addr);
  return in_brackets(Value::integer(*n));
}

Value hex_long_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto n = ctx.object<uint64_t>(addr);
  if (!n) return Value::unavailable(addr);
  return in_brackets(Value::hex(*n));
}

Value clock_ticks(uint64_t ticks) {
  Value v = Value::uinteger(ticks);
  static const long hz = sysconf(_SC_CLK_TCK);
  if (hz > 0 && ticks > 0) {
    int width = 0;
    for (long f = hz; f >= 10; f /= 10) ++width;
    v.with_comment(fmt::format("{}.{:0{}} s", ticks / hz, ticks % hz, width));
  }
  return v;
}

}  // namespace sct::proc
