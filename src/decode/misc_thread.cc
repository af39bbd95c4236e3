// Thread start-up calls: set_tid_address, set_robust_list, get_robust_list,
// rseq, arch_prctl. strace 6.1 has no rseq decoder: it prints the four
// arguments in hex, as for any syscall it does not know.
#include <asm/prctl.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/misc_flags.h"

using sct::Value;
namespace proc = sct::proc;

SCT_DECODER(set_tid_address) {
  if (ctx.entering()) call.arg(ctx.addr(call.args[0]));
}

SCT_DECODER(set_robust_list) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
}

SCT_DECODER(get_robust_list) {
  if (ctx.entering()) {
    call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
    return;
  }
  call.arg(proc::hex_long_at(ctx, call.args[1]));
  uint64_t len_addr = call.args[2];
  if (len_addr == 0 || call.failed()) {
    call.arg(ctx.addr(len_addr));
  } else if (auto n = ctx.object<uint64_t>(len_addr)) {
    call.arg(proc::in_brackets(Value::uinteger(*n)));
  } else {
    call.arg(Value::unavailable(len_addr));
  }
}

SCT_DECODER(rseq) {
  if (!ctx.entering()) return;
  for (int i = 0; i < 4; ++i) call.arg(Value::hex(call.args[i]));
}

// ARCH_GET_FS/GS write the base through the pointer (printed at exit);
// ARCH_GET_CPUID takes nothing; the rest print the argument in hex.
SCT_DECODER(arch_prctl) {
  uint32_t code = static_cast<uint32_t>(call.args[0]);
  if (ctx.entering()) {
    call.arg(xlat_enum_value(sct::xlat::arch_prctl_codes, code));
    if (code == ARCH_GET_CPUID) return proc::entry_complete(call);
    if (code == ARCH_GET_FS || code == ARCH_GET_GS) {
      call.total_args = 2;
      return;
    }
    call.arg(Value::hex(call.args[1]));
    return;
  }
  if (code == ARCH_GET_FS || code == ARCH_GET_GS) call.arg(proc::hex_long_at(ctx, call.args[1]));
}
