// stat, fstat, lstat, newfstatat, statx, statfs, fstatfs: the name or
// descriptor at entry, the result struct at exit (its address when the call
// failed). strace abbreviates struct stat and struct statx unless -v.
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/statfs.h>

#include <cstring>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "decode/misc_helpers.h"
#include "xlat/fs_flags.h"

namespace sct {
namespace {

Value stat_out(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto st = ctx.object<struct stat>(addr);
  if (!st) return Value::unavailable(addr);
  return fs::stat_value(ctx, *st);
}

Value statx_timestamp(const struct statx_timestamp& ts) {
  Value v = fs::timespec_value(ts.tv_sec, ts.tv_nsec);
  v.fields[1].second = Value::uinteger(ts.tv_nsec);
  std::string c = fs::time_comment(ts.tv_sec, ts.tv_nsec, 9);
  if (!c.empty()) v.with_comment(c);
  return v;
}

Value statx_out(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto sx = ctx.object<struct statx>(addr);
  if (!sx) return Value::unavailable(addr);
  const DecodeOptions& opt = ctx.options();
  bool full = opt.verbose || !opt.abbrev;
  Value v = Value::structure();
  v.add("stx_mask", fs::flags(xlat::statx_masks, sx->stx_mask));
  if (full) v.add("stx_blksize", Value::uinteger(sx->stx_blksize));
  v.add("stx_attributes", fs::flags(xlat::statx_attrs, sx->stx_attributes));
  if (full) {
    v.add("stx_nlink", Value::uinteger(sx->stx_nlink));
    v.add("stx_uid", Value::uinteger(sx->stx_uid));
    v.add("stx_gid", Value::uinteger(sx->stx_gid));
  }
  v.add("stx_mode", fs::symbolic_mode(sx->stx_mode));
  if (full) v.add("stx_ino", Value::uinteger(sx->stx_ino));
  v.add("stx_size", Value::uinteger(sx->stx_size));
  if (!full) return v.elided();
  v.add("stx_blocks", Value::uinteger(sx->stx_blocks));
  v.add("stx_attributes_mask", fs::flags(xlat::statx_attrs, sx->stx_attributes_mask));
  // strace 6.1 prints only the timestamps the kernel says it filled in.
  if (sx->stx_mask & STATX_ATIME) v.add("stx_atime", statx_timestamp(sx->stx_atime));
  if (sx->stx_mask & STATX_BTIME) v.add("stx_btime", statx_timestamp(sx->stx_btime));
  if (sx->stx_mask & STATX_CTIME) v.add("stx_ctime", statx_timestamp(sx->stx_ctime));
  if (sx->stx_mask & STATX_MTIME) v.add("stx_mtime", statx_timestamp(sx->stx_mtime));
  v.add("stx_rdev_major", Value::uinteger(sx->stx_rdev_major));
  v.add("stx_rdev_minor", Value::uinteger(sx->stx_rdev_minor));
  v.add("stx_dev_major", Value::uinteger(sx->stx_dev_major));
  v.add("stx_dev_minor", Value::uinteger(sx->stx_dev_minor));
  if (sx->stx_mask & STATX_MNT_ID) v.add("stx_mnt_id", Value::hex(sx->stx_mnt_id));
  if (sx->stx_mask & STATX_DIOALIGN) {
    v.add("stx_dio_mem_align", Value::uinteger(sx->stx_dio_mem_align));
    v.add("stx_dio_offset_align", Value::uinteger(sx->stx_dio_offset_align));
  }
  return v;
}

Value statfs_out(DecodeContext& ctx, uint64_t addr) {
  if (!fs::can_read(ctx, addr)) return ctx.addr(addr);
  auto sf = ctx.object<struct statfs>(addr);
  if (!sf) return Value::unavailable(addr);
  Value v = Value::structure();
  v.add("f_type", fs::xval(xlat::fs_magics, static_cast<uint64_t>(sf->f_type)));
  v.add("f_bsize", Value::uinteger(static_cast<uint64_t>(sf->f_bsize)));
  v.add("f_blocks", Value::uinteger(sf->f_blocks));
  v.add("f_bfree", Value::uinteger(sf->f_bfree));
  v.add("f_bavail", Value::uinteger(sf->f_bavail));
  v.add("f_files", Value::uinteger(sf->f_files));
  v.add("f_ffree", Value::uinteger(sf->f_ffree));
  int fsid[2];
  static_assert(sizeof fsid == sizeof sf->f_fsid);
  memcpy(fsid, &sf->f_fsid, sizeof fsid);
  Value val = Value::array();
  val.push(Value::hex(static_cast<uint32_t>(fsid[0])));
  val.push(Value::hex(static_cast<uint32_t>(fsid[1])));
  Value f = Value::structure();
  f.add("val", val);
  v.add("f_fsid", f);
  v.add("f_namelen", Value::uinteger(static_cast<uint64_t>(sf->f_namelen)));
  v.add("f_frsize", Value::uinteger(static_cast<uint64_t>(sf->f_frsize)));
  v.add("f_flags", fs::flags(xlat::statfs_flags, static_cast<uint64_t>(sf->f_flags)));
  return v;
}

// One input argument (a path or a descriptor) at entry, the struct at exit.
template <Value (*Out)(DecodeContext&, uint64_t)>
void decode_one_in_one_out(SyscallCall& call, DecodeContext& ctx, bool path) {
  if (ctx.entering()) {
    call.arg(path ? ctx.path(call.args[0]) : ctx.fd(static_cast<int32_t>(call.args[0])));
    call.total_args = 2;
    return;
  }
  call.arg(Out(ctx, call.args[1]));
}

}  // namespace

SCT_DECODER(stat) { decode_one_in_one_out<stat_out>(call, ctx, true); }
SCT_DECODER(lstat) { decode_one_in_one_out<stat_out>(call, ctx, true); }
SCT_DECODER(fstat) { decode_one_in_one_out<stat_out>(call, ctx, false); }
SCT_DECODER(statfs) { decode_one_in_one_out<statfs_out>(call, ctx, true); }
SCT_DECODER(fstatfs) { decode_one_in_one_out<statfs_out>(call, ctx, false); }

SCT_DECODER(newfstatat) {
  if (ctx.entering()) {
    call.arg(ctx.dirfd(static_cast<int32_t>(call.args[0])));
    call.arg(ctx.path(call.args[1]));
    call.total_args = 4;
    return;
  }
  call.arg(stat_out(ctx, call.args[2]));
  call.arg(fs::flags(xlat::at_flags, static_cast<uint32_t>(call.args[3])));
}

SCT_DECODER(statx) {
  if (ctx.entering()) {
    call.arg(ctx.dirfd(static_cast<int32_t>(call.args[0])));
    call.arg(ctx.path(call.args[1]));
    // The sync type is a 2-bit field printed first (printflags with no
    // default: nothing for 0 under -X raw, "|0x900"), then the AT_* flags.
    uint32_t flags = static_cast<uint32_t>(call.args[2]);
    Value sync = fs::flags_no_default(xlat::at_statx_sync_types, flags & AT_STATX_SYNC_TYPE);
    uint32_t rest = flags & ~uint32_t{AT_STATX_SYNC_TYPE};
    if (rest)
      call.arg(proc::glued_parts("", {std::move(sync), Value::raw("|"), fs::flags(xlat::at_flags, rest)}));
    else
      call.arg(std::move(sync));
    call.arg(fs::flags(xlat::statx_masks, static_cast<uint32_t>(call.args[3])));
    call.total_args = 5;
    return;
  }
  call.arg(statx_out(ctx, call.args[4]));
}

}  // namespace sct
