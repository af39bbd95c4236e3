#include "xlat/xlat.h"

#include <fmt/format.h>

namespace sct {

const char* xlat_name(const Xlat& x, uint64_t value) {
  for (const auto& e : x.entries)
    if (e.value == value) return e.name;
  return nullptr;
}

std::optional<uint64_t> xlat_parse(const Xlat& x, std::string_view name) {
  for (const auto& e : x.entries)
    if (name == e.name) return e.value;
  return std::nullopt;
}

Value xlat_enum_value(const Xlat& x, uint64_t value) {
  if (const char* n = xlat_name(x, value)) return Value::sym(n, static_cast<int64_t>(value));
  Value v = Value::hex(value);
  if (x.unknown_comment && *x.unknown_comment) v.with_comment(x.unknown_comment);
  return v;
}

Value xlat_enum_value_dec(const Xlat& x, int64_t value) {
  if (const char* n = xlat_name(x, static_cast<uint64_t>(value))) return Value::sym(n, value);
  Value v = Value::integer(value);
  if (x.unknown_comment && *x.unknown_comment) v.with_comment(x.unknown_comment);
  return v;
}

Value xlat_flags_value(const Xlat& x, uint64_t value) {
  std::vector<std::string> names;
  uint64_t rest = value;
  for (const auto& e : x.entries) {
    if (e.value == 0) continue;
    if ((rest & e.value) == e.value) {
      names.emplace_back(e.name);
      rest &= ~e.value;
    }
  }
  if (value == 0) {
    if (const char* n = xlat_name(x, 0)) return Value::flags({n}, 0, 0, false);
    return Value::flags({}, 0, 0, true);
  }
  return Value::flags(std::move(names), value, rest, rest != 0);
}

}  // namespace sct
