// Integer operators over D types: operands are converted to the result type
// (C's usual arithmetic conversions, computed by the checker), the operation
// is done in 64 bits with the result type's signedness, and the result is
// truncated back to the type's size.
#pragma once

#include <cstdint>
#include <string>

#include "dtrace/d_type.h"

namespace sct::dtrace {

enum class ArithStatus { Ok, DivideByZero };

// op is one of + - * / % & | ^ << >>. Operands are already normalised to
// their own types; `type` is the result type.
ArithStatus int_binary(const std::string& op, uint64_t a, DType ta, uint64_t b, DType tb, DType type, uint64_t* out);

// Comparison (== != < <= > >=) of two integers in their common type.
bool int_compare(const std::string& op, uint64_t a, DType ta, uint64_t b, DType tb);

// Converts a value of type `from` to type `to` (a cast or a store).
uint64_t convert_int(uint64_t v, DType from, DType to);

}  // namespace sct::dtrace
