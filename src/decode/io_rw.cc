// read/write and their positional and vectored forms, lseek, sendfile,
// copy_file_range, splice, tee. Reads print the descriptor at entry and the
// data at exit (only as many bytes as were read); writes are complete at
// entry. A vector is cut at the returned byte count, element by element.
#include <sys/uio.h>

#include <cstring>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "xlat/fs_flags.h"

namespace sct {
namespace {

Value fd_arg(DecodeContext& ctx, uint64_t raw) { return ctx.fd(static_cast<int32_t>(raw)); }

// The iovec array: each iov_base printed as a string of at most the bytes
// still unaccounted for (data_size; ~0 for "all of iov_len"), or as an
// address when the call failed.
Value iovec_value(DecodeContext& ctx, uint64_t addr, uint64_t count, uint64_t data_size, bool as_addr) {
  uint64_t remaining = data_size;
  return fs::array(
      ctx, addr, count, sizeof(struct iovec),
      [&](const std::string& bytes) {
        struct iovec iov;
        memcpy(&iov, bytes.data(), sizeof iov);
        uint64_t base = reinterpret_cast<uint64_t>(iov.iov_base);
        uint64_t len = iov.iov_len < remaining ? iov.iov_len : remaining;
        if (remaining != ~uint64_t{0}) remaining -= len;
        Value v = Value::structure();
        v.add("iov_base", as_addr ? ctx.addr(base) : ctx.buf(base, len));
        v.add("iov_len", Value::uinteger(iov.iov_len));
        return v;
      },
      /*ignore_error=*/true);
}

void decode_read_like(SyscallCall& call, DecodeContext& ctx, bool has_offset) {
  if (ctx.entering()) {
    call.arg(fd_arg(ctx, call.args[0]));
    call.total_args = has_offset ? 4 : 3;
    return;
  }
  call.arg(call.failed() ? ctx.addr(call.args[1]) : ctx.buf(call.args[1], static_cast<uint64_t>(call.ret)));
  call.arg(Value::uinteger(call.args[2]));
  if (has_offset) call.arg(Value::integer(static_cast<int64_t>(call.args[3])));
}

void decode_write_like(SyscallCall& call, DecodeContext& ctx, bool has_offset) {
  if (!ctx.entering()) return;
  call.arg(fd_arg(ctx, call.args[0]));
  call.arg(ctx.buf(call.args[1], call.args[2]));
  call.arg(Value::uinteger(call.args[2]));
  if (has_offset) call.arg(Value::integer(static_cast<int64_t>(call.args[3])));
  fs::finish(call);
}

// readv/preadv/preadv2: flags_arg < 0 when the call has no flags.
void decode_readv_like(SyscallCall& call, DecodeContext& ctx, bool has_offset, int flags_arg) {
  if (ctx.entering()) {
    call.arg(fd_arg(ctx, call.args[0]));
    call.total_args = 3 + (has_offset ? 1 : 0) + (flags_arg >= 0 ? 1 : 0);
    return;
  }
  call.arg(iovec_value(ctx, call.args[1], call.args[2], static_cast<uint64_t>(call.ret), call.failed()));
  call.arg(Value::uinteger(call.args[2]));
  if (has_offset) call.arg(Value::integer(static_cast<int64_t>(call.args[3])));
  if (flags_arg >= 0) call.arg(fs::flags(xlat::rwf_flags, call.args[flags_arg]));
}

void decode_writev_like(SyscallCall& call, DecodeContext& ctx, bool has_offset, int flags_arg) {
  if (!ctx.entering()) return;
  call.arg(fd_arg(ctx, call.args[0]));
  call.arg(iovec_value(ctx, call.args[1], call.args[2], ~uint64_t{0}, false));
  call.arg(Value::uinteger(call.args[2]));
  if (has_offset) call.arg(Value::integer(static_cast<int64_t>(call.args[3])));
  if (flags_arg >= 0) call.arg(fs::flags(xlat::rwf_flags, call.args[flags_arg]));
  fs::finish(call);
}

}  // namespace

SCT_DECODER(read) { decode_read_like(call, ctx, false); }
SCT_DECODER(pread64) { decode_read_like(call, ctx, true); }
SCT_DECODER(write) { decode_write_like(call, ctx, false); }
SCT_DECODER(pwrite64) { decode_write_like(call, ctx, true); }
SCT_DECODER(readv) { decode_readv_like(call, ctx, false, -1); }
SCT_DECODER(preadv) { decode_readv_like(call, ctx, true, -1); }
// x86_64 passes the offset as two registers (low, high): the flags are the 6th.
SCT_DECODER(preadv2) { decode_readv_like(call, ctx, true, 5); }
SCT_DECODER(writev) { decode_writev_like(call, ctx, false, -1); }
SCT_DECODER(pwritev) { decode_writev_like(call, ctx, true, -1); }
SCT_DECODER(pwritev2) { decode_writev_like(call, ctx, true, 5); }

SCT_DECODER(lseek) {
  if (!ctx.entering()) return;
  call.arg(fd_arg(ctx, call.args[0]));
  call.arg(Value::integer(static_cast<int64_t>(call.args[1])));
  call.arg(fs::xval(xlat::whence_codes, static_cast<uint32_t>(call.args[2])));
  fs::finish(call);
}

// sendfile prints the offset at entry and, after a successful transfer,
// " => [new offset]" at exit. Without a readable offset it is complete at
// entry. The exit half is glued to the entry half (strace prints no ", "
// before "=>"), so the entry counts as complete and the exit values carry
// their own separators.
SCT_DECODER(sendfile) {
  if (ctx.entering()) {
    call.arg(fd_arg(ctx, call.args[0]));
    call.arg(fd_arg(ctx, call.args[1]));
    call.arg(fs::int64_at(ctx, call.args[2]));
    bool offset_read = call.decoded.back().kind == Value::Kind::Array;
    if (!offset_read) call.arg(Value::uinteger(call.args[3]));
    fs::finish(call);
    call.saved[0] = offset_read;
    return;
  }
  if (!call.saved[0]) return;  // decoded completely at entry
  std::optional<int64_t> now;
  if (!call.failed() && call.ret != 0) now = ctx.object<int64_t>(call.args[2]);
  if (now) {
    call.arg(Value::raw(fmt::format(" => [{}]", *now)));
    call.arg(Value::uinteger(call.args[3]));
  } else {
    call.arg(Value::raw(fmt::format(", {}", call.args[3])));
  }
}

SCT_DECODER(copy_file_range) {
  if (!ctx.entering()) return;
  call.arg(fd_arg(ctx, call.args[0]));
  call.arg(fs::int64_at(ctx, call.args[1]));
  call.arg(fd_arg(ctx, call.args[2]));
  call.arg(fs::int64_at(ctx, call.args[3]));
  call.arg(Value::uinteger(call.args[4]));
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[5])));
  fs::finish(call);
}

SCT_DECODER(splice) {
  if (!ctx.entering()) return;
  call.arg(fd_arg(ctx, call.args[0]));
  call.arg(fs::int64_at(ctx, call.args[1]));
  call.arg(fd_arg(ctx, call.args[2]));
  call.arg(fs::int64_at(ctx, call.args[3]));
  call.arg(Value::uinteger(call.args[4]));
  call.arg(fs::flags(xlat::splice_flags, static_cast<uint32_t>(call.args[5])));
  fs::finish(call);
}

SCT_DECODER(tee) {
  if (!ctx.entering()) return;
  call.arg(fd_arg(ctx, call.args[0]));
  call.arg(fd_arg(ctx, call.args[1]));
  call.arg(Value::uinteger(call.args[2]));
  call.arg(fs::flags(xlat::splice_flags, static_cast<uint32_t>(call.args[3])));
  fs::finish(call);
}

}  // namespace sct
