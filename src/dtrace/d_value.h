// Runtime values of the D interpreter. An integer is kept as its 64-bit
// pattern, already normalised to its static type (see normalize_int); a
// string or copyin() buffer is kept as bytes. The static type travels
// separately, from the checked AST.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dtrace/d_type.h"

namespace sct::dtrace {

struct DValue {
  uint64_t i = 0;
  std::string s;

  static DValue of_int(uint64_t v) { return DValue{v, {}}; }
  static DValue of_str(std::string v) { return DValue{0, std::move(v)}; }
};

struct TypedValue {
  DType type;
  DValue v;
};

// A string as DTrace records it: at most strsize-1 bytes, then NULs to fill
// the strsize-byte record.
std::string string_record(const std::string& s, size_t strsize);

// Cuts a string value at its first NUL and at strsize-1 bytes.
std::string bound_string(const std::string& s, size_t strsize);

// A tuple key as one byte string (type tag, length-prefixed strings), so that
// associative arrays and aggregations can index maps by it.
std::string serialize_key(const std::vector<TypedValue>& key);

}  // namespace sct::dtrace
