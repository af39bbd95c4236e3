// The D types the interpreter distinguishes. DTrace's output formats are
// chosen by a value's record size and signedness (trace() widths, printf's
// %d becoming %u on unsigned operands, aggregation key widths), so every
// expression carries one of these after type checking.
#pragma once

#include <cstdint>
#include <string>

namespace sct::dtrace {

struct DType {
  enum Kind : uint8_t {
    Int,     // integers and pointers: size 1/2/4/8, signed or not
    String,  // bounded by strsize
    Buffer,  // bytes from copyin(): printed as bytes, stringof() makes a string
    Void,    // actions, the absence of a value
  };
  Kind kind = Int;
  uint8_t size = 8;
  bool is_signed = true;
  bool is_pointer = false;  // (int *)x, (void *)x: printed in hex by %p

  static DType integer(int size, bool is_signed) { return DType{Int, uint8_t(size), is_signed, false}; }
  static DType int32() { return integer(4, true); }
  static DType uint32() { return integer(4, false); }
  static DType int64() { return integer(8, true); }
  static DType uint64() { return integer(8, false); }
  static DType string() { return DType{String, 0, false, false}; }
  static DType buffer() { return DType{Buffer, 0, false, false}; }
  static DType void_type() { return DType{Void, 0, false, false}; }

  bool is_int() const { return kind == Int; }
  bool is_string() const { return kind == String; }
  // The C spelling, for error messages ("int64_t", "string").
  std::string name() const;
};

// C's integer promotions and usual arithmetic conversions over D's sizes.
DType promote(DType t);
DType arithmetic_result(DType a, DType b);

// Truncates a 64-bit pattern to the type's size, sign- or zero-extending it
// back to 64 bits, as a store into a variable of that type does.
uint64_t normalize_int(uint64_t bits, DType t);

}  // namespace sct::dtrace
