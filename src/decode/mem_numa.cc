// NUMA memory policy calls: mbind, set_mempolicy, get_mempolicy,
// set_mempolicy_home_node, as strace 6.1 prints them. A mode is an MPOL_*
// value with MPOL_F_* flags in its high bits; a node mask is an array of
// longs, each printed with C's "%#0*lx" at the width of a long (so 1 is
// 0x00000000000001 and 0 is 0000000000000000: "%#" adds no "0x" to zero).
#include <linux/mempolicy.h>

#include <cstring>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "decode/misc_helpers.h"
#include "xlat/mem_flags.h"

namespace sct {
namespace {

constexpr uint64_t kModeFlags = MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING;

// MPOL_BIND|MPOL_F_STATIC_NODES. With flags, the whole word is one compound
// constant (-X raw prints it as one number); with an unknown mode the flags
// table names what it can.
Value mode_value(uint64_t mode_arg) {
  uint64_t flags = mode_arg & kModeFlags;
  uint64_t mode = mode_arg & ~kModeFlags;
  if (!flags) return fs::xval(xlat::mpol_modes, mode);
  const char* mode_name = xlat_name(xlat::mpol_modes, mode);
  if (!mode_name) return proc::flags_value(xlat::mpol_mode_flags, mode_arg, "MPOL_F_???");
  std::string text = std::string(mode_name) + "|" + proc::text_of(xlat_flags_value(xlat::mpol_mode_flags, flags));
  return Value::constant(std::move(text), mode_arg);
}

// "%#0*lx" with the width of a long in hex digits.
std::string node_word(uint64_t w) { return w ? fmt::format("{:#016x}", w) : std::string(16, '0'); }

Value nodemask_value(DecodeContext& ctx, uint64_t addr, uint64_t maxnodes) {
  constexpr uint64_t kBitsPerLong = 64;
  // strace counts maxnodes - 1 bits (the kernel's off-by-one), rounded up.
  uint64_t nmemb = (maxnodes + kBitsPerLong - 2) / kBitsPerLong;
  if (nmemb < maxnodes / kBitsPerLong || (maxnodes && !nmemb)) return ctx.addr(addr);
  return fs::array(
      ctx, addr, nmemb, sizeof(uint64_t),
      [](const std::string& bytes) {
        uint64_t w;
        std::memcpy(&w, bytes.data(), sizeof w);
        return Value::raw(node_word(w));
      },
      true);
}

}  // namespace
}  // namespace sct

using sct::Value;
namespace fs = sct::fs;
namespace proc = sct::proc;
namespace xlat = sct::xlat;

SCT_DECODER(mbind) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
  call.arg(sct::mode_value(call.args[2]));
  call.arg(sct::nodemask_value(ctx, call.args[3], call.args[4]));
  call.arg(Value::uinteger(call.args[4]));
  call.arg(proc::flags_value(xlat::mbind_flags, static_cast<uint32_t>(call.args[5]), "MPOL_MF_???"));
  fs::finish(call);
}

SCT_DECODER(set_mempolicy) {
  if (!ctx.entering()) return;
  call.arg(sct::mode_value(static_cast<uint32_t>(call.args[0])));
  call.arg(sct::nodemask_value(ctx, call.args[1], call.args[2]));
  call.arg(Value::uinteger(call.args[2]));
  fs::finish(call);
}

// Everything prints at exit, as strace does (the mode and mask are outputs).
SCT_DECODER(get_mempolicy) {
  if (ctx.entering()) return;
  uint64_t mode_addr = call.args[0];
  if (!fs::can_read(ctx, mode_addr))
    call.arg(ctx.addr(mode_addr));
  else if (auto mode = ctx.object<int32_t>(mode_addr))
    call.arg(proc::in_brackets(fs::xval(xlat::mpol_modes, static_cast<uint32_t>(*mode))));
  else
    call.arg(Value::unavailable(mode_addr));
  call.arg(sct::nodemask_value(ctx, call.args[1], call.args[2]));
  call.arg(Value::uinteger(call.args[2]));
  call.arg(ctx.addr(call.args[3]));
  call.arg(proc::flags_value(xlat::get_mempolicy_flags, call.args[4], "MPOL_F_???"));
}

SCT_DECODER(set_mempolicy_home_node) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
  call.arg(Value::uinteger(call.args[2]));
  call.arg(Value::hex(call.args[3]));
  fs::finish(call);
}
