// Syscalls on file names: access, rename, link, symlink, unlink, mkdir,
// mknod, rmdir, chdir, fchdir, getcwd, readlink, chmod, chown, umask,
// truncate, utimensat, futimesat, utimes. All complete at entry except
// getcwd and readlink*, whose buffers are written by the kernel.
#include <fcntl.h>
#include <sys/stat.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "xlat/fs_flags.h"

namespace sct {
namespace {

int32_t as_int(uint64_t raw) { return static_cast<int32_t>(raw); }
Value uid_arg(uint64_t raw) { return Value::integer(as_int(raw)); }  // -1 stays -1

}  // namespace

SCT_DECODER(access) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(fs::flags(xlat::access_modes, static_cast<uint32_t>(call.args[1])));
  fs::finish(call);
}

SCT_DECODER(faccessat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(fs::flags(xlat::access_modes, static_cast<uint32_t>(call.args[2])));
  fs::finish(call);
}

SCT_DECODER(faccessat2) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(fs::flags(xlat::access_modes, static_cast<uint32_t>(call.args[2])));
  call.arg(fs::flags(xlat::faccessat_flags, static_cast<uint32_t>(call.args[3])));
  fs::finish(call);
}

// Two paths: rename, link, symlink.
static void decode_two_paths(SyscallCall& call, DecodeContext& ctx) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(ctx.path(call.args[1]));
  fs::finish(call);
}
SCT_DECODER_ALIAS(rename, decode_two_paths)
SCT_DECODER_ALIAS(link, decode_two_paths)
SCT_DECODER_ALIAS(symlink, decode_two_paths)

SCT_DECODER(renameat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(ctx.dirfd(as_int(call.args[2])));
  call.arg(ctx.path(call.args[3]));
  fs::finish(call);
}

SCT_DECODER(renameat2) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(ctx.dirfd(as_int(call.args[2])));
  call.arg(ctx.path(call.args[3]));
  call.arg(fs::flags(xlat::rename_flags, static_cast<uint32_t>(call.args[4])));
  fs::finish(call);
}

SCT_DECODER(linkat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(ctx.dirfd(as_int(call.args[2])));
  call.arg(ctx.path(call.args[3]));
  call.arg(fs::flags(xlat::at_flags, static_cast<uint32_t>(call.args[4])));
  fs::finish(call);
}

SCT_DECODER(symlinkat) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(ctx.dirfd(as_int(call.args[1])));
  call.arg(ctx.path(call.args[2]));
  fs::finish(call);
}

// One path: unlink, rmdir, chdir.
static void decode_one_path(SyscallCall& call, DecodeContext& ctx) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  fs::finish(call);
}
SCT_DECODER_ALIAS(unlink, decode_one_path)
SCT_DECODER_ALIAS(rmdir, decode_one_path)
SCT_DECODER_ALIAS(chdir, decode_one_path)

SCT_DECODER(unlinkat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(fs::flags(xlat::at_flags, static_cast<uint32_t>(call.args[2])));
  fs::finish(call);
}

// One descriptor: fchdir, fsync, fdatasync, syncfs, dup.
static void decode_one_fd(SyscallCall& call, DecodeContext& ctx) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  fs::finish(call);
}
SCT_DECODER_ALIAS(fchdir, decode_one_fd)
SCT_DECODER_ALIAS(fsync, decode_one_fd)
SCT_DECODER_ALIAS(fdatasync, decode_one_fd)
SCT_DECODER_ALIAS(syncfs, decode_one_fd)
SCT_DECODER_ALIAS(dup, decode_one_fd)

SCT_DECODER(mkdir) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(fs::umode(call.args[1] & 0xffff));
  fs::finish(call);
}

SCT_DECODER(mkdirat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(fs::umode(call.args[2] & 0xffff));
  fs::finish(call);
}

// mknod prints the device number only for device files.
static void decode_mknod_tail(SyscallCall& call, DecodeContext& ctx, int first) {
  call.arg(ctx.path(call.args[first]));
  uint32_t mode = static_cast<uint32_t>(call.args[first + 1]) & 0xffff;
  call.arg(fs::symbolic_mode(mode));
  if (S_ISCHR(mode) || S_ISBLK(mode)) call.arg(fs::device(static_cast<uint32_t>(call.args[first + 2])));
  fs::finish(call);
}

SCT_DECODER(mknod) {
  if (ctx.entering()) decode_mknod_tail(call, ctx, 0);
}

SCT_DECODER(mknodat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  decode_mknod_tail(call, ctx, 1);
}

SCT_DECODER(getcwd) {
  if (ctx.entering()) {
    call.total_args = 2;
    return;
  }
  // The kernel returns the length including the NUL: print the name in full.
  call.arg(call.failed() ? ctx.addr(call.args[0]) : ctx.path(call.args[0]));
  call.arg(Value::uinteger(call.args[1]));
}

// readlink's buffer holds exactly ret bytes, no NUL, cut at -s like any string.
static void decode_readlink_tail(SyscallCall& call, DecodeContext& ctx, int first) {
  uint64_t buf = call.args[first + 1];
  call.arg(call.failed() ? ctx.addr(buf) : ctx.buf(buf, static_cast<uint64_t>(call.ret)));
  call.arg(Value::uinteger(call.args[first + 2]));
}

SCT_DECODER(readlink) {
  if (ctx.entering()) {
    call.arg(ctx.path(call.args[0]));
    call.total_args = 3;
    return;
  }
  decode_readlink_tail(call, ctx, 0);
}

SCT_DECODER(readlinkat) {
  if (ctx.entering()) {
    call.arg(ctx.dirfd(as_int(call.args[0])));
    call.arg(ctx.path(call.args[1]));
    call.total_args = 4;
    return;
  }
  decode_readlink_tail(call, ctx, 1);
}

SCT_DECODER(chmod) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(fs::umode(call.args[1] & 0xffff));
  fs::finish(call);
}

SCT_DECODER(fchmod) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(fs::umode(call.args[1] & 0xffff));
  fs::finish(call);
}

SCT_DECODER(fchmodat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(fs::umode(call.args[2] & 0xffff));
  fs::finish(call);
}

// chown, lchown: path, owner, group.
static void decode_chown(SyscallCall& call, DecodeContext& ctx) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(uid_arg(call.args[1]));
  call.arg(uid_arg(call.args[2]));
  fs::finish(call);
}
SCT_DECODER_ALIAS(chown, decode_chown)
SCT_DECODER_ALIAS(lchown, decode_chown)

SCT_DECODER(fchown) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(uid_arg(call.args[1]));
  call.arg(uid_arg(call.args[2]));
  fs::finish(call);
}

SCT_DECODER(fchownat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(uid_arg(call.args[2]));
  call.arg(uid_arg(call.args[3]));
  call.arg(fs::flags(xlat::at_flags, static_cast<uint32_t>(call.args[4])));
  fs::finish(call);
}

SCT_DECODER(umask) {
  if (ctx.entering()) {
    call.arg(fs::umode(call.args[0] & 0xffff));
    fs::finish(call);
    return;
  }
  if (!call.failed()) call.retval = fs::umode(static_cast<uint64_t>(call.ret));
}

SCT_DECODER(truncate) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(Value::integer(static_cast<int64_t>(call.args[1])));
  fs::finish(call);
}

SCT_DECODER(ftruncate) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(Value::integer(static_cast<int64_t>(call.args[1])));
  fs::finish(call);
}

namespace {

// utimensat's times: UTIME_NOW / UTIME_OMIT by name, else the timespec with
// its date comment.
Value utimens_times(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  struct timespec ts[2];
  if (!ctx.mem().read_object(addr, &ts)) return Value::unavailable(addr);
  Value a = Value::array();
  for (const auto& t : ts) {
    if (t.tv_nsec == UTIME_NOW || t.tv_nsec == UTIME_OMIT) {
      // -X raw prints the whole timespec, -X verbose adds the name.
      const char* name = t.tv_nsec == UTIME_NOW ? "UTIME_NOW" : "UTIME_OMIT";
      Value ts = fs::timespec_value(t.tv_sec, t.tv_nsec);
      Value named_ts = ts;
      named_ts.with_comment(name);
      a.push(Value::styled(Value::raw(name), std::move(ts), std::move(named_ts)));
    } else {
      Value v = fs::timespec_value(t.tv_sec, t.tv_nsec);
      std::string c = fs::time_comment(t.tv_sec, static_cast<uint64_t>(t.tv_nsec), 9);
      if (!c.empty()) v.with_comment(c);
      a.push(v);
    }
  }
  return a;
}

Value utimes_times(DecodeContext& ctx, uint64_t addr) {
  if (addr == 0) return Value::addr(0);
  struct timeval tv[2];
  if (!ctx.mem().read_object(addr, &tv)) return Value::unavailable(addr);
  Value a = Value::array();
  for (const auto& t : tv) {
    Value v = fs::timeval_value(t.tv_sec, t.tv_usec);
    std::string c = fs::time_comment(t.tv_sec, static_cast<uint64_t>(t.tv_usec), 6);
    if (!c.empty()) v.with_comment(c);
    a.push(v);
  }
  return a;
}

}  // namespace

SCT_DECODER(utimensat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(utimens_times(ctx, call.args[2]));
  call.arg(fs::flags(xlat::at_flags, static_cast<uint32_t>(call.args[3])));
  fs::finish(call);
}

SCT_DECODER(futimesat) {
  if (!ctx.entering()) return;
  call.arg(ctx.dirfd(as_int(call.args[0])));
  call.arg(ctx.path(call.args[1]));
  call.arg(utimes_times(ctx, call.args[2]));
  fs::finish(call);
}

SCT_DECODER(utimes) {
  if (!ctx.entering()) return;
  call.arg(ctx.path(call.args[0]));
  call.arg(utimes_times(ctx, call.args[1]));
  fs::finish(call);
}

}  // namespace sct
