// Syscalls that make or manage descriptors: dup2/dup3, pipe/pipe2,
// fallocate, sync_file_range, flock, sync, eventfd, memfd_create, inotify,
// timerfd, signalfd, getdents, name_to_handle_at.
#include <fcntl.h>
#include <sys/syscall.h>
#include <time.h>

#include <cstring>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "xlat/fs_flags.h"

namespace sct {
namespace {

int32_t as_int(uint64_t raw) { return static_cast<int32_t>(raw); }

// [3, 4] written by pipe/pipe2: the address when the call failed.
Value fd_pair(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  int32_t fds[2];
  if (!ctx.mem().read_object(addr, &fds)) return Value::unavailable(addr);
  Value a = Value::array();
  a.push(ctx.fd(fds[0]));
  a.push(ctx.fd(fds[1]));
  return a;
}

Value itimerspec_at(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  struct itimerspec its;
  if (!ctx.mem().read_object(addr, &its)) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("it_interval", fs::timespec_value(its.it_interval.tv_sec, its.it_interval.tv_nsec));
  v.add("it_value", fs::timespec_value(its.it_value.tv_sec, its.it_value.tv_nsec));
  return v;
}

}  // namespace

SCT_DECODER(dup2) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(ctx.fd(as_int(call.args[1])));
  fs::finish(call);
}

SCT_DECODER(dup3) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(ctx.fd(as_int(call.args[1])));
  call.arg(fs::flags(xlat::open_mode_flags, static_cast<uint32_t>(call.args[2])));
  fs::finish(call);
}

SCT_DECODER(pipe) {
  if (ctx.entering()) {
    call.total_args = 1;
    return;
  }
  call.arg(fd_pair(ctx, call.args[0]));
}

SCT_DECODER(pipe2) {
  if (ctx.entering()) {
    call.total_args = 2;
    return;
  }
  call.arg(fd_pair(ctx, call.args[0]));
  call.arg(fs::flags(xlat::open_mode_flags, static_cast<uint32_t>(call.args[1])));
}

SCT_DECODER(fallocate) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(fs::flags(xlat::falloc_flags, static_cast<uint32_t>(call.args[1])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[2])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[3])));
  fs::finish(call);
}

SCT_DECODER(sync_file_range) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[1])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[2])));
  call.arg(fs::flags(xlat::sync_file_range_flags, static_cast<uint32_t>(call.args[3])));
  fs::finish(call);
}

SCT_DECODER(flock) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(fs::flags(xlat::flock_ops, static_cast<uint32_t>(call.args[1])));
  fs::finish(call);
}

SCT_DECODER(sync) {
  if (ctx.entering()) fs::finish(call);
}

SCT_DECODER(eventfd) {
  if (!ctx.entering()) return;
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[0])));
  fs::finish(call);
}

SCT_DECODER(eventfd2) {
  if (!ctx.entering()) return;
  call.arg(Value::uinteger(static_cast<uint32_t>(call.args[0])));
  call.arg(fs::flags(xlat::eventfd_flags, static_cast<uint32_t>(call.args[1])));
  fs::finish(call);
}

// memfd_create's flags carry a huge page size in bits 26..31, printed as
// "MFD_HUGETLB|21<<MFD_HUGE_SHIFT".
SCT_DECODER(memfd_create) {
  if (!ctx.entering()) return;
  call.arg(ctx.cstr(call.args[0]));
  uint32_t flags = static_cast<uint32_t>(call.args[1]);
  constexpr uint32_t kHugeShift = 26, kHugeMask = 0x3f;
  uint32_t huge = (flags & 4 /* MFD_HUGETLB */) ? (flags >> kHugeShift) & kHugeMask : 0;
  uint32_t rest = flags & ~(huge << kHugeShift);
  Value v = fs::flags(xlat::memfd_flags, rest);
  if (huge) {
    v.comment.clear();
    if (v.names.empty() && !v.has_rest) v.names.clear();
    v.names.push_back(fmt::format("{}<<MFD_HUGE_SHIFT", huge));
  }
  call.arg(v);
  fs::finish(call);
}

SCT_DECODER(inotify_init1) {
  if (!ctx.entering()) return;
  call.arg(fs::flags(xlat::inotify_init_flags, static_cast<uint32_t>(call.args[0])));
  fs::finish(call);
}

SCT_DECODER(inotify_init) {
  if (ctx.entering()) fs::finish(call);
}

SCT_DECODER(inotify_add_watch) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(fs::flags(xlat::inotify_masks, static_cast<uint32_t>(call.args[2])));
  fs::finish(call);
}

SCT_DECODER(inotify_rm_watch) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(Value::integer(as_int(call.args[1])));
  fs::finish(call);
}

SCT_DECODER(timerfd_create) {
  if (!ctx.entering()) return;
  call.arg(fs::xval(xlat::fs_clock_ids, static_cast<uint32_t>(call.args[0])));
  call.arg(fs::flags(xlat::timerfd_create_flags, static_cast<uint32_t>(call.args[1])));
  fs::finish(call);
}

SCT_DECODER(timerfd_settime) {
  if (ctx.entering()) {
    call.arg(ctx.fd(as_int(call.args[0])));
    call.arg(fs::flags(xlat::timerfd_settime_flags, static_cast<uint32_t>(call.args[1])));
    call.arg(itimerspec_at(ctx, call.args[2]));
    call.total_args = 4;
    return;
  }
  call.arg(itimerspec_at(ctx, call.args[3]));
}

SCT_DECODER(timerfd_gettime) {
  if (ctx.entering()) {
    call.arg(ctx.fd(as_int(call.args[0])));
    call.total_args = 2;
    return;
  }
  call.arg(itimerspec_at(ctx, call.args[1]));
}

SCT_DECODER(signalfd4) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(ctx.sigset(call.args[1], call.args[2]));
  call.arg(Value::uinteger(call.args[2]));
  call.arg(fs::flags(xlat::signalfd_flags, static_cast<uint32_t>(call.args[3])));
  fs::finish(call);
}

SCT_DECODER(signalfd) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(ctx.sigset(call.args[1], call.args[2]));
  call.arg(Value::uinteger(call.args[2]));
  fs::finish(call);
}

namespace {

// getdents/getdents64: the entries only with -v; otherwise the buffer's
// address and a count of entries, as strace prints them.
void decode_getdents(SyscallCall& call, DecodeContext& ctx, bool is64) {
  if (ctx.entering()) {
    call.arg(ctx.fd(as_int(call.args[0])));
    call.total_args = 3;
    return;
  }
  uint64_t addr = call.args[1];
  uint32_t count = static_cast<uint32_t>(call.args[2]);
  Value count_v = Value::uinteger(count);
  if (call.failed()) {
    call.arg(ctx.addr(addr));
    call.arg(count_v);
    return;
  }
  if (!ctx.options().deref) {
    call.arg(ctx.addr(addr));
    call.arg(count_v);
    return;
  }
  uint64_t len = static_cast<uint64_t>(call.ret);
  const DecodeOptions& opt = ctx.options();
  bool full = opt.verbose || !opt.abbrev;
  std::string buf(len, '\0');
  if (len && !ctx.mem().read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(buf.data()), len))) {
    // The eBPF engine copies at most a few KiB: the kernel counted the
    // entries of a longer buffer (the entries themselves, -v, are lost).
    if (auto n = ctx.mem().counted_entries(addr); n && !full) {
      call.arg(Value::addr(addr).with_comment(fmt::format("{} entries", *n)));
      call.arg(count_v);
      return;
    }
    call.arg(Value::unavailable(addr));
    call.arg(count_v);
    return;
  }
  // Both layouts start with ino (8), off (8), reclen (2); getdents64 then has
  // d_type before the name, getdents keeps d_type in the record's last byte.
  constexpr size_t kHeader64 = 19, kHeader = 18;
  size_t header = is64 ? kHeader64 : kHeader;
  Value entries = Value::array();
  unsigned n = 0;
  for (size_t i = 0; len && i + header <= len;) {
    uint64_t ino, off;
    uint16_t reclen;
    memcpy(&ino, buf.data() + i, 8);
    memcpy(&off, buf.data() + i + 8, 8);
    memcpy(&reclen, buf.data() + i + 16, 2);
    if (full) {
      Value e = Value::structure();
      e.add("d_ino", Value::uinteger(ino));
      e.add("d_off", Value::uinteger(off));
      e.add("d_reclen", Value::uinteger(reclen));
      size_t name_max = reclen > header && i + reclen <= len ? reclen - header : 0;
      std::string name(buf.data() + i + header, strnlen(buf.data() + i + header, name_max));
      unsigned char type = is64 ? static_cast<unsigned char>(buf[i + 18])
                                : (reclen && i + reclen <= len ? static_cast<unsigned char>(buf[i + reclen - 1]) : 0);
      if (is64) {
        e.add("d_type", fs::xval(xlat::dirent_types, type));
        e.add("d_name", Value::str(name, false));
      } else {
        e.add("d_name", Value::str(name, false));
        e.add("d_type", fs::xval(xlat::dirent_types, type));
      }
      entries.push(e);
    }
    ++n;
    if (reclen == 0) break;
    i += reclen;
  }
  if (full) {
    call.arg(entries);
  } else {
    call.arg(Value::addr(addr).with_comment(fmt::format("{} entries", n)));
  }
  call.arg(count_v);
}

}  // namespace

SCT_DECODER(getdents) { decode_getdents(call, ctx, false); }
SCT_DECODER(getdents64) { decode_getdents(call, ctx, true); }

// name_to_handle_at: handle_bytes is an in/out field ("128 => 8"); the
// handle itself and the mount id are printed only after success.
SCT_DECODER(name_to_handle_at) {
  constexpr int kMaxHandleSize = 128;
  if (ctx.entering()) {
    call.arg(ctx.dirfd(as_int(call.args[0])));
    call.arg(ctx.path(call.args[1]));
    uint32_t bytes = 0;
    call.saved[0] = ctx.mem().read_object(call.args[2], &bytes) ? 1 : 0;
    call.saved[1] = bytes;
    call.total_args = 5;
    return;
  }
  uint64_t fh = call.args[2];
  if (!call.saved[0]) {
    call.arg(fh ? Value::unavailable(fh) : Value::addr(0));
  } else {
    Value v = Value::structure();
    uint32_t before = static_cast<uint32_t>(call.saved[1]);
    struct {
      uint32_t handle_bytes;
      int32_t handle_type;
    } head{};
    bool readable = (!call.failed() || call.error == EOVERFLOW) && ctx.mem().read_object(fh, &head);
    if (readable && head.handle_bytes != before)
      v.add("handle_bytes", Value::raw(fmt::format("{} => {}", before, head.handle_bytes)));
    else
      v.add("handle_bytes", Value::uinteger(before));
    if (!call.failed() && readable) {
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
    }
    call.arg(v);
  }
  call.arg(fs::int_at(ctx, call.args[3]));
  call.arg(fs::flags(xlat::at_flags, static_cast<uint32_t>(call.args[4])));
}

}  // namespace sct
