#include "dtrace/d_arith.h"

namespace sct::dtrace {

uint64_t convert_int(uint64_t v, DType from, DType to) {
  // Values are kept sign- or zero-extended to 64 bits for their own type,
  // so a conversion is only a truncation to the destination.
  (void)from;
  return normalize_int(v, to);
}

ArithStatus int_binary(const std::string& op, uint64_t a, DType ta, uint64_t b, DType tb, DType type, uint64_t* out) {
  if (op == "<<" || op == ">>") {
    // Shifts take the promoted type of the left operand.
    uint64_t x = convert_int(a, ta, type);
    unsigned n = unsigned(b & 63);
    if (op == "<<") *out = normalize_int(x << n, type);
    else *out = type.is_signed ? normalize_int(uint64_t(int64_t(x) >> n), type) : normalize_int(x >> n, type);
    return ArithStatus::Ok;
  }
  uint64_t x = convert_int(a, ta, type);
  uint64_t y = convert_int(b, tb, type);
  // For 32-bit unsigned operands the 64-bit pattern is zero-extended and for
  // signed ones sign-extended, so 64-bit arithmetic then truncation is exact.
  uint64_t r = 0;
  switch (op[0]) {
    case '+': r = x + y; break;
    case '-': r = x - y; break;
    case '*': r = x * y; break;
    case '&': r = x & y; break;
    case '|': r = x | y; break;
    case '^': r = x ^ y; break;
    case '/':
    case '%':
      if (y == 0) return ArithStatus::DivideByZero;
      if (type.is_signed) {
        int64_t sx = int64_t(x), sy = int64_t(y);
        if (sy == -1) r = op[0] == '/' ? uint64_t(0) - x : 0;  // avoids INT64_MIN / -1
        else r = uint64_t(op[0] == '/' ? sx / sy : sx % sy);
      } else {
        r = op[0] == '/' ? x / y : x % y;
      }
      break;
    default: break;
  }
  *out = normalize_int(r, type);
  return ArithStatus::Ok;
}

bool int_compare(const std::string& op, uint64_t a, DType ta, uint64_t b, DType tb) {
  DType t = arithmetic_result(ta, tb);
  uint64_t x = convert_int(a, ta, t), y = convert_int(b, tb, t);
  int c;
  if (t.is_signed) c = int64_t(x) < int64_t(y) ? -1 : int64_t(x) > int64_t(y);
  else c = x < y ? -1 : x > y;
  if (op == "==") return c == 0;
  if (op == "!=") return c != 0;
  if (op == "<") return c < 0;
  if (op == "<=") return c <= 0;
  if (op == ">") return c > 0;
  return c >= 0;
}

}  // namespace sct::dtrace
