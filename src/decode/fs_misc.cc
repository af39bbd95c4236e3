// Less common file syscalls: fadvise64, readahead, vmsplice,
// open_by_handle_at, chroot. All complete at entry.
#include <sys/uio.h>

#include <cstring>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "xlat/fs_flags.h"

namespace sct {

SCT_DECODER(fadvise64) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(static_cast<int32_t>(call.args[0])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[1])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[2])));
  call.arg(fs::xval(xlat::fadvise_advice, static_cast<uint32_t>(call.args[3])));
  fs::finish(call);
}

SCT_DECODER(readahead) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(static_cast<int32_t>(call.args[0])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[1])));
  call.arg(Value::uinteger(call.args[2]));
  fs::finish(call);
}

SCT_DECODER(vmsplice) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(static_cast<int32_t>(call.args[0])));
  call.arg(fs::array(ctx, call.args[1], call.args[2], sizeof(struct iovec), [&](const std::string& bytes) {
    struct iovec iov;
    memcpy(&iov, bytes.data(), sizeof iov);
    Value v = Value::structure();
    v.add("iov_base", ctx.buf(reinterpret_cast<uint64_t>(iov.iov_base), iov.iov_len));
    v.add("iov_len", Value::uinteger(iov.iov_len));
    return v;
  }));
  call.arg(Value::uinteger(call.args[2]));
  call.arg(fs::flags(xlat::splice_flags, static_cast<uint32_t>(call.args[3])));
  fs::finish(call);
}

// The mount descriptor prints as a plain number (AT_FDCWD is -100 here).
SCT_DECODER(open_by_handle_at) {
  if (!ctx.entering()) return;
  constexpr uint32_t kMaxHandleSize = 128;
  call.arg(ctx.fd(static_cast<int32_t>(call.args[0])));
  uint64_t fh = call.args[1];
  struct {
    uint32_t handle_bytes;
    int32_t handle_type;
  } head;
  if (fh == 0) {
    call.arg(Value::addr(0));
  } else if (!ctx.mem().read_object(fh, &head)) {
    call.arg(Value::unavailable(fh));
  } else {
    Value v = Value::structure();
    v.add("handle_bytes", Value::uinteger(head.handle_bytes));
    v.add("handle_type", Value::integer(head.handle_type));
    uint32_t n = head.handle_bytes < kMaxHandleSize ? head.handle_bytes : kMaxHandleSize;
    std::string bytes(n, '\0');
    if (ctx.mem().read(fh + 8, std::span<std::byte>(reinterpret_cast<std::byte*>(bytes.data()), n))) {
      Value h = Value::str(bytes, false);
      h.str_force_hex = true;
      v.add("f_handle", h);
    } else {
      v.add("f_handle", Value::unavailable(fh + 8));
    }
    call.arg(v);
  }
  call.arg(fs::open_flags(static_cast<uint32_t>(call.args[2])));
  fs::finish(call);
}

SCT_DECODER(chroot) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  fs::finish(call);
}

}  // namespace sct
