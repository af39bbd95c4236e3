// capget and capset: a header {version, pid} and up to two data words per
// set, printed as 1<<CAP_X|... over the 64 capability bits.
#include <linux/capability.h>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/process_flags.h"

namespace sct {

namespace {

struct CapHeader {
  uint32_t version;
  int32_t pid;
};
struct CapData {
  uint32_t effective, permitted, inheritable;
};

Value header_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  auto h = ctx.object<CapHeader>(addr);
  if (!h) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("version", xlat_enum_value(xlat::cap_versions, h->version));
  v.add("pid", Value::pid(h->pid));
  return v;
}

// One 32-bit word of a set: bit i is capability first + i.
Value cap_word(uint32_t word, int first) {
  if (!word) return Value::integer(0);
  std::vector<std::string> names;
  uint64_t rest = 0;
  for (int i = 0; i < 32; ++i) {
    if (!(word & (1u << i))) continue;
    if (const char* n = xlat_name(xlat::capabilities, static_cast<uint64_t>(first + i)))
      names.push_back(fmt::format("1<<{}", n));
    else
      rest |= 1u << i;
  }
  return Value::flags(std::move(names), word, rest, rest != 0);
}

// strace prints the two words as two flag sets joined by '|', so -X raw
// shows "0xfeffffff|0x1ff"; the low word is left out when only the high
// one has bits.
Value cap_bits(uint32_t lo, uint32_t hi) {
  if (!hi) return cap_word(lo, 0);
  if (!lo) return cap_word(hi, 32);
  return proc::glued_parts("", {cap_word(lo, 0), Value::raw("|"), cap_word(hi, 32)});
}

// Version 1 has one data struct (32 bits), versions 2 and 3 two.
Value data_at(DecodeContext& ctx, uint64_t header, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (ctx.exiting() && ctx.call().failed()) return Value::addr(addr);
  auto h = ctx.object<CapHeader>(header);
  int n = h && h->version == _LINUX_CAPABILITY_VERSION_1 ? 1 : 2;
  CapData d[2] = {};
  if (!ctx.mem().read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(d), n * sizeof(CapData))))
    return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("effective", cap_bits(d[0].effective, d[1].effective));
  v.add("permitted", cap_bits(d[0].permitted, d[1].permitted));
  v.add("inheritable", cap_bits(d[0].inheritable, d[1].inheritable));
  return v;
}

}  // namespace

}  // namespace sct

SCT_DECODER(capget) {
  if (ctx.entering())
    call.arg(sct::header_at(ctx, call.args[0]));
  else
    call.arg(sct::data_at(ctx, call.args[0], call.args[1]));
}

SCT_DECODER(capset) {
  if (!ctx.entering()) return;
  call.arg(sct::header_at(ctx, call.args[0]));
  call.arg(sct::data_at(ctx, call.args[0], call.args[1]));
}
