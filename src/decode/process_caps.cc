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
  v.add("pid", Value::integer(h->pid));
  return v;
}

Value cap_bits(uint64_t bits) {
  if (!bits) return Value::integer(0);
  std::vector<std::string> names;
  uint64_t rest = 0;
  for (int i = 0; i < 64; ++i) {
    if (!(bits & (1ull << i))) continue;
    if (const char* n = xlat_name(xlat::capabilities, static_cast<uint64_t>(i)))
      names.push_back(fmt::format("1<<{}", n));
    else
      rest |= 1ull << i;
  }
  return Value::flags(std::move(names), bits, rest, rest != 0);
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
  v.add("effective", cap_bits(d[0].effective | static_cast<uint64_t>(d[1].effective) << 32));
  v.add("permitted", cap_bits(d[0].permitted | static_cast<uint64_t>(d[1].permitted) << 32));
  v.add("inheritable", cap_bits(d[0].inheritable | static_cast<uint64_t>(d[1].inheritable) << 32));
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
