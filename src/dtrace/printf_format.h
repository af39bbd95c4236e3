// D's printf()/printa() formats (dt_printf.c): C conversions whose size
// prefix is implied by the argument's type, %d following the argument's
// signedness, %S (escaped string), %p (hex without 0x), %Y (date), %@
// (printa's aggregation value) and the "?" width.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dtrace/d_value.h"

namespace sct::dtrace {

struct Conversion {
  std::string prefix;   // literal text before the conversion ("%%" already unescaped)
  std::string flags;    // any of "#0- +'"
  int width = -1;       // -1: none
  bool width_star = false;
  int precision = -1;   // -1: none
  bool precision_star = false;
  bool agg_value = false;  // "%@d": printa's value
  std::string length;   // user-written h/l/ll (accepted, size comes from the type)
  char conv = 0;        // 'd', 's', ... ; 0 for the trailing literal only
  std::string text;     // the conversion as written, without '%', for messages
};

struct ParsedFormat {
  std::vector<Conversion> convs;  // the last may have conv == 0 (trailing text)
  // Conversions that take a value argument (excluding '*' arguments and %%).
  size_t value_conversions() const;
};

// nullopt and *error set on an invalid format ("format conversion #2 is
// undefined: %k").
std::optional<ParsedFormat> parse_format(const std::string& fmt, std::string* error);

// Which argument types a conversion accepts; the prototype text for the
// "incompatible" message on failure.
bool conversion_accepts(char conv, const DType& t, std::string* prototype);

// Formats one conversion with its argument (and '*' values already taken).
std::string format_conversion(const Conversion& c, const TypedValue& arg, int star_width, int star_precision, size_t strsize);

}  // namespace sct::dtrace
