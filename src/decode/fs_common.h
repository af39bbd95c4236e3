// Value makers shared by the files-and-I/O decoders: strace's printflags
// (with its "/* X_??? */" comment when no bit has a name), open flags, file
// modes, devices, timestamps with their date comments, "[n]" indirections,
// arrays read element by element as strace's print_array does, and struct
// stat.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/value.h"
#include "decode/decoder.h"
#include "xlat/xlat.h"

namespace sct::fs {

// Marks the call complete: strace prints no ", " after these arguments when
// the call is interrupted (<unfinished ...>).
inline void finish(SyscallCall& call) { call.total_args = static_cast<int>(call.decoded.size()); }

// printflags(): names in table order, then the unknown remainder in hex; a
// value with no known bit prints in hex with the table's "X_???" comment.
Value flags(const Xlat& x, uint64_t v);
// printflags() without a comment (strace's *_in variants with a NULL default).
Value flags_plain(const Xlat& x, uint64_t v);
// printflags() with a NULL default, exactly: 0 prints nothing (the table's
// zero name if it has one, but nothing under -X raw: "statx(-100, "/", |0x900").
Value flags_no_default(const Xlat& x, uint64_t v);
// printxval(): the name, else hex with the table's comment.
Value xval(const Xlat& x, uint64_t v);
// O_RDONLY|O_CREAT...: access mode then the other flags.
Value open_flags(uint64_t v);
// A numeric mode as printf("%#03o"): 0644, 022, 000.
Value umode(uint64_t mode);
// S_IFREG|S_ISUID|0755, or the numeric mode when no type or special bit is set.
Value symbolic_mode(uint32_t mode);
// makedev(0x8, 0x1)
Value device(uint64_t dev);
// The date comment strace prints after a time: "2023-11-14T22:13:20.123456789+0000";
// digits is 9 for nanoseconds, 6 for microseconds. Empty for the epoch itself.
std::string time_comment(int64_t sec, uint64_t frac, int digits);
Value timespec_value(int64_t sec, int64_t nsec);
Value timeval_value(int64_t sec, int64_t usec);
// struct timespec / timeval at addr: NULL, the address when unreadable (or
// at exit of a failed call), else {tv_sec=.., tv_nsec=..}.
Value timespec_at(DecodeContext& ctx, uint64_t addr);
Value timeval_at(DecodeContext& ctx, uint64_t addr);
// [n] for an int / int64 written through a pointer (printnum_int).
Value int_at(DecodeContext& ctx, uint64_t addr);
Value int64_at(DecodeContext& ctx, uint64_t addr);
// Whether an output pointer can be read: not NULL, and not at the exit of a
// failed call (strace's umove_or_printaddr).
bool can_read(DecodeContext& ctx, uint64_t addr);

// strace's print_array: NULL, [], the address when the first element cannot
// be read, elements up to -s of them then "...", and "... /* 0xaddr */" when a
// later element cannot be read. elem prints one element from its bytes.
Value array(DecodeContext& ctx, uint64_t addr, uint64_t count, size_t elem_size,
            const std::function<Value(const std::string& bytes)>& elem, bool ignore_error = false);

// struct stat as strace prints it (abbreviated unless -v).
Value stat_value(const DecodeContext& ctx, const struct stat& st);

}  // namespace sct::fs
