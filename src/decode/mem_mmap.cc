// Memory mapping calls: brk, mmap, munmap, mprotect, pkey_mprotect, mremap,
// madvise, msync, mlock family, mincore. All arguments are inputs (printed
// at entry) except mincore's vector; brk, mmap and mremap return addresses,
// printed in hex.
#include <sys/mman.h>
#include <unistd.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/mem_flags.h"

namespace sct {

namespace {

constexpr unsigned kMapHugeShift = 26;
constexpr unsigned kMapHugeMask = 0x3f;

// The mapping type is an enum within the flags; the huge page size is a
// number shifted into bits 26..31. strace prints type|flags|N<<MAP_HUGE_SHIFT.
Value mmap_flags_value(uint64_t raw) {
  uint32_t flags = static_cast<uint32_t>(raw);
  std::string text = proc::text_of(xlat_enum_value(xlat::mmap_type, flags & MAP_TYPE));
  flags &= ~static_cast<uint32_t>(MAP_TYPE);
  uint32_t huge = flags & (kMapHugeMask << kMapHugeShift);
  flags &= ~huge;
  if (flags) text += "|" + proc::text_of(xlat_flags_value(xlat::mmap_flags, flags));
  if (huge) text += "|" + std::to_string(huge >> kMapHugeShift) + "<<MAP_HUGE_SHIFT";
  return Value::constant(text, static_cast<uint32_t>(raw));
}

Value prot(uint64_t v) { return proc::flags_value(xlat::mmap_prot, static_cast<uint32_t>(v), "PROT_???"); }

void hex_return(SyscallCall& call) {
  if (!call.failed()) call.retval = Value::hex(static_cast<uint64_t>(call.ret));
}

}  // namespace

}  // namespace sct

using sct::Value;
namespace xlat = sct::xlat;

SCT_DECODER(brk) {
  if (ctx.entering())
    call.arg(ctx.addr(call.args[0]));
  else
    sct::hex_return(call);
}

SCT_DECODER(mmap) {
  if (ctx.entering()) {
    call.arg(ctx.addr(call.args[0]));
    call.arg(Value::uinteger(call.args[1]));
    call.arg(sct::prot(call.args[2]));
    call.arg(sct::mmap_flags_value(call.args[3]));
    call.arg(ctx.fd(static_cast<int32_t>(call.args[4])));
    call.arg(Value::hex(call.args[5]));
  } else {
    sct::hex_return(call);
  }
}

SCT_DECODER(munmap) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
}

SCT_DECODER(mprotect) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
  call.arg(sct::prot(call.args[2]));
}

SCT_DECODER(pkey_mprotect) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
  call.arg(sct::prot(call.args[2]));
  call.arg(Value::integer(static_cast<int32_t>(call.args[3])));
}

SCT_DECODER(mremap) {
  if (ctx.entering()) {
    call.arg(ctx.addr(call.args[0]));
    call.arg(Value::uinteger(call.args[1]));
    call.arg(Value::uinteger(call.args[2]));
    call.arg(sct::proc::flags_value(xlat::mremap_flags, call.args[3], "MREMAP_???"));
    // The new address is an argument only when the mapping is moved to it.
    if ((call.args[3] & (MREMAP_MAYMOVE | MREMAP_FIXED)) == (MREMAP_MAYMOVE | MREMAP_FIXED))
      call.arg(ctx.addr(call.args[4]));
    sct::proc::entry_complete(call);
  } else {
    sct::hex_return(call);
  }
}

SCT_DECODER(madvise) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
  call.arg(ctx.enumeration(xlat::madvise_cmds, static_cast<uint32_t>(call.args[2])));
}

SCT_DECODER(msync) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
  call.arg(sct::proc::flags_value(xlat::msync_flags, static_cast<uint32_t>(call.args[2]), "MS_???"));
}

static void decode_addr_len(sct::SyscallCall& call, sct::DecodeContext& ctx) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
}
SCT_DECODER_ALIAS(mlock, &decode_addr_len)
SCT_DECODER_ALIAS(munlock, &decode_addr_len)

SCT_DECODER(mlock2) {
  if (!ctx.entering()) return;
  call.arg(ctx.addr(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
  call.arg(sct::proc::flags_value(xlat::mlock_flags, static_cast<uint32_t>(call.args[2]), "MLOCK_???"));
}

SCT_DECODER(mlockall) {
  if (ctx.entering()) call.arg(sct::proc::flags_value(xlat::mlockall_flags, static_cast<uint32_t>(call.args[0]), "MCL_???"));
}

SCT_DECODER(munlockall) {}

// mincore's vector holds one byte per page; strace prints each as a number,
// at most -s of them.
SCT_DECODER(mincore) {
  if (ctx.entering()) {
    call.arg(ctx.addr(call.args[0]));
    call.arg(Value::uinteger(call.args[1]));
    return;
  }
  uint64_t addr = call.args[2];
  if (addr == 0 || call.failed()) {
    call.arg(ctx.addr(addr));
    return;
  }
  static const uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  uint64_t pages = (call.args[1] + page - 1) / page;
  size_t limit = sct::proc::abbreviate(ctx) ? ctx.options().string_limit : SIZE_MAX;
  Value a = Value::array();
  for (uint64_t i = 0; i < pages; ++i) {
    if (i >= limit) {
      a.elided();
      break;
    }
    unsigned char b;
    if (!ctx.mem().read_object(addr + i, &b)) {
      if (i == 0) {
        call.arg(Value::unavailable(addr));
        return;
      }
      a.elided();
      break;
    }
    a.push(Value::uinteger(b));
  }
  call.arg(std::move(a));
}
