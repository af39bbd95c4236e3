// Small value makers shared by the process, memory, signal and time
// decoders: strace's named arguments ("child_stack=NULL"), signal masks with
// strace's 2/3 rule, timespec/timeval structs, "[value]" indirections.
#pragma once

#include <sys/time.h>
#include <time.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/value.h"
#include "decode/decoder.h"
#include "xlat/xlat.h"

namespace sct::proc {

// "name=value" as one argument (clone's "child_stack=NULL"). The Value model
// has no named top-level arguments, so this is preformatted text.
Value named(const std::string& name, const Value& v);
// A value printed without the ", " strace would put before it: the renderer
// joins arguments with ", ", so strace's glued tails (clone's exit half,
// clone3's " => {...}") are carried as preformatted text starting with their
// own separator.
Value glued(const std::string& text);
// lead, then each part rendered with the live options (-X), unseparated.
Value glued_parts(const std::string& lead, std::vector<Value> parts);

// A signal mask of `bytes` bytes (1..8) as strace prints it: [INT TERM], or
// ~[...] when at least 2/3 of the bits are set.
Value sigmask_value(uint64_t bits, unsigned bytes = 8);
// A sigset pointer with its length: the mask, NULL, or the address when the
// length is out of range (min_len..8) or the memory is unreadable.
Value sigset_at(DecodeContext& ctx, uint64_t addr, uint64_t len, uint64_t min_len = 8);
// SIGTERM, or the number in decimal.
Value signal(int sig);

Value timespec_value(const struct timespec& ts);
Value timeval_value(const struct timeval& tv);
// Read and print, or NULL / the address.
Value timespec_at(DecodeContext& ctx, uint64_t addr);
Value timeval_at(DecodeContext& ctx, uint64_t addr);
// An output struct at exit: the address when the call failed.
Value timespec_out(DecodeContext& ctx, uint64_t addr);
Value timeval_out(DecodeContext& ctx, uint64_t addr);

// "[v]": strace's printnum_* for an int/long written through a pointer.
Value in_brackets(Value v);
// [int] at addr, or NULL / the address.
Value int_at(DecodeContext& ctx, uint64_t addr);
Value hex_long_at(DecodeContext& ctx, uint64_t addr);

// Ticks with strace's comment: 1 /* 0.01 s */.
Value clock_ticks(uint64_t ticks);

// Flags as strace's printflags with a default: when no bit has a name the
// number is followed by the default as a comment (0x80 /* GRND_??? */).
Value flags_value(const Xlat& x, uint64_t v, const char* dflt);

// Marks the call as fully decoded at entry with fewer values than its
// row has arguments, so that nothing more is expected at exit.
inline void entry_complete(SyscallCall& call) { call.total_args = static_cast<int>(call.decoded.size()); }

// strace abbreviates arrays and structs unless -v.
bool abbreviate(const DecodeContext& ctx);

// Preformatted rendering of a value (for named() and friends).
std::string text_of(const Value& v);

}  // namespace sct::proc
