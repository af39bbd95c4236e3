// Flag and enum tables are data (DESIGN.md idea 3): one table per set of
// constants, each usable to print (to a Value) and to parse (for filters and
// D predicates). Tables list entries in the order strace prints them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/value.h"

namespace sct {

struct XlatEntry {
  uint64_t value;
  const char* name;
};

enum class XlatKind : uint8_t {
  Enum,   // exactly one value: SEEK_SET
  Flags,  // a bit set: O_CREAT|O_EXCL
};

struct Xlat {
  std::span<const XlatEntry> entries;
  XlatKind kind;
  // What strace prints in a comment after an unknown enum value, e.g.
  // "ARCH_???" gives 0x3001 /* ARCH_??? */. Empty: print the number only.
  const char* unknown_comment = "";
};

// Name of an exact value, or nullptr.
const char* xlat_name(const Xlat& x, uint64_t value);
// Parses a name to its value.
std::optional<uint64_t> xlat_parse(const Xlat& x, std::string_view name);

// Enum: the symbolic name, else the number in hex with strace's comment.
Value xlat_enum_value(const Xlat& x, uint64_t value);
// Enum printed in decimal when unknown (signals, resources...).
Value xlat_enum_value_dec(const Xlat& x, int64_t value);
// Flags: names of the set bits in table order, then the remainder in hex;
// 0 with no zero-valued entry prints as "0".
Value xlat_flags_value(const Xlat& x, uint64_t value);

}  // namespace sct

// Defines a table: SCT_XLAT(open_flags, Flags, "") { {O_CREAT, "O_CREAT"}, ... }
#define SCT_XLAT_DEFINE(NAME, KIND, UNKNOWN, ...)                         \
  namespace sct::xlat {                                                   \
  static constexpr ::sct::XlatEntry NAME##_entries[] = {__VA_ARGS__};     \
  const ::sct::Xlat NAME{NAME##_entries, ::sct::XlatKind::KIND, UNKNOWN}; \
  }
