#include "dtrace/d_type.h"

namespace sct::dtrace {

std::string DType::name() const {
  switch (kind) {
    case String: return "string";
    case Buffer: return "void *";
    case Void: return "void";
    case Int: break;
  }
  if (is_pointer) return "void *";
  std::string n = is_signed ? "int" : "uint";
  return n + std::to_string(size * 8) + "_t";
}

DType promote(DType t) {
  if (t.kind != DType::Int) return t;
  if (t.size < 4) return DType::int32();
  return DType::integer(t.size, t.is_signed);
}

DType arithmetic_result(DType a, DType b) {
  a = promote(a);
  b = promote(b);
  if (a.is_signed == b.is_signed) return a.size >= b.size ? a : b;
  DType s = a.is_signed ? a : b;
  DType u = a.is_signed ? b : a;
  if (u.size >= s.size) return u;
  return s;  // the signed type is wider: it represents every unsigned value
}

uint64_t normalize_int(uint64_t bits, DType t) {
  if (t.kind != DType::Int || t.size >= 8) return bits;
  int shift = 64 - t.size * 8;
  if (t.is_signed) return uint64_t(int64_t(bits << shift) >> shift);
  return (bits << shift) >> shift;
}

}  // namespace sct::dtrace
