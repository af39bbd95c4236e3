#include "dtrace/printf_format.h"

#include <fmt/format.h>
#include <time.h>

#include <cstring>

#include "dtrace/record_format.h"

namespace sct::dtrace {

size_t ParsedFormat::value_conversions() const {
  size_t n = 0;
  for (const Conversion& c : convs)
    if (c.conv != 0 && !c.agg_value) ++n;
  return n;
}

std::optional<ParsedFormat> parse_format(const std::string& f, std::string* error) {
  ParsedFormat out;
  Conversion cur;
  int index = 0;
  for (size_t i = 0; i < f.size();) {
    if (f[i] != '%') {
      cur.prefix += f[i++];
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '%') {
      cur.prefix += '%';
      i += 2;
      continue;
    }
    size_t start = ++i;
    ++index;
    while (i < f.size() && std::strchr("#0- +'@", f[i])) {
      if (f[i] == '@') cur.agg_value = true;
      else cur.flags += f[i];
      ++i;
    }
    if (i < f.size() && f[i] == '?') {
      cur.width = 16;
      ++i;
    } else if (i < f.size() && f[i] == '*') {
      cur.width_star = true;
      ++i;
    } else {
      while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) cur.width = (cur.width < 0 ? 0 : cur.width * 10) + (f[i++] - '0');
    }
    if (i < f.size() && f[i] == '$') {
      *error = fmt::format("format conversion #{} uses unsupported positional format (%n$)", index);
      return std::nullopt;
    }
    if (i < f.size() && f[i] == '.') {
      ++i;
      cur.precision = 0;
      if (i < f.size() && f[i] == '*') {
        cur.precision_star = true;
        ++i;
      } else {
        while (i < f.size() && std::isdigit(static_cast<unsigned char>(f[i]))) cur.precision = cur.precision * 10 + (f[i++] - '0');
      }
    }
    while (i < f.size() && std::strchr("hlLqjzt", f[i])) cur.length += f[i++];
    if (i >= f.size()) {
      *error = fmt::format("format conversion #{} is undefined: %{}", index, f.substr(start));
      return std::nullopt;
    }
    char c = f[i++];
    cur.text = f.substr(start, i - start);
    if (!std::strchr("diouxXcsSpYTaA", c)) {
      *error = fmt::format("format conversion #{} is undefined: %{}", index, cur.text);
      return std::nullopt;
    }
    cur.conv = c;
    out.convs.push_back(cur);
    cur = Conversion{};
  }
  if (!cur.prefix.empty()) out.convs.push_back(cur);
  return out;
}

bool conversion_accepts(char conv, const DType& t, std::string* prototype) {
  switch (conv) {
    case 's':
    case 'S':
      *prototype = "char [] or string (or use stringof)";
      return t.kind == DType::String || t.kind == DType::Buffer;
    case 'c':
      *prototype = "char, short, or int";
      return t.kind == DType::Int && t.size <= 4;
    case 'Y':
    case 'T':
      *prototype = "int64_t";
      return t.kind == DType::Int;
    case 'p':
    case 'a':
    case 'A':
      *prototype = "pointer or integer";
      return t.kind == DType::Int;
    default:
      *prototype = "char, short, int, long, or long long";
      return t.kind == DType::Int;
  }
}

namespace {

// Builds a C format from the parsed pieces and lets snprintf apply flags,
// width and precision exactly as C does.
std::string c_format(const Conversion& c, int width, int precision, const char* length, char conv) {
  std::string f = "%" + c.flags;
  if (width >= 0) f += std::to_string(width);
  if (precision >= 0) f += "." + std::to_string(precision);
  return f + length + conv;
}

template <typename T>
std::string run_snprintf(const std::string& f, T v) {
  char buf[512];
  int n = std::snprintf(buf, sizeof buf, f.c_str(), v);
  if (n < 0) return "";
  if (size_t(n) < sizeof buf) return std::string(buf, size_t(n));
  std::string big(size_t(n) + 1, '\0');
  std::snprintf(big.data(), big.size(), f.c_str(), v);
  big.resize(size_t(n));
  return big;
}

}  // namespace

std::string format_conversion(const Conversion& c, const TypedValue& arg, int star_width, int star_precision, size_t strsize) {
  int width = c.width_star ? star_width : c.width;
  int precision = c.precision_star ? star_precision : c.precision;
  if (width < -1) {
    // A negative '*' width means left-justification, as in C.
    std::string f = c.flags;
    if (f.find('-') == std::string::npos) f += '-';
    Conversion copy = c;
    copy.flags = f;
    copy.width_star = false;
    copy.width = -width;
    return format_conversion(copy, arg, 0, star_precision, strsize);
  }
  const DType& t = arg.type;
  uint64_t bits = arg.v.i;
  // 1- and 2-byte arguments are widened to 32 bits first.
  int size = t.size < 4 ? 4 : t.size;
  if (t.kind == DType::Int && t.size < 4) bits = normalize_int(bits, t) & 0xffffffffu;
  switch (c.conv) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      char conv = c.conv;
      if ((conv == 'd' || conv == 'i') && !t.is_signed) conv = 'u';
      if (conv == 'd' || conv == 'i') {
        if (size == 8) return run_snprintf(c_format(c, width, precision, "ll", conv), (long long)int64_t(bits));
        return run_snprintf(c_format(c, width, precision, "", conv), int(int32_t(uint32_t(bits))));
      }
      if (size == 8) return run_snprintf(c_format(c, width, precision, "ll", conv), (unsigned long long)bits);
      return run_snprintf(c_format(c, width, precision, "", conv), unsigned(uint32_t(bits)));
    }
    case 'c':
      return run_snprintf(c_format(c, width, precision, "", 'c'), int(static_cast<unsigned char>(bits)));
    case 'p':
    case 'a':
    case 'A':
      return run_snprintf(c_format(c, width, precision, "ll", 'x'), (unsigned long long)bits);
    case 's': {
      std::string s = t.kind == DType::Int ? std::to_string(int64_t(bits)) : bound_string(arg.v.s, strsize);
      return run_snprintf(c_format(c, width, precision, "", 's'), s.c_str());
    }
    case 'S': {
      std::string record = t.kind == DType::String ? string_record(arg.v.s, strsize) : arg.v.s;
      std::string s = escape_for_S(record);
      return run_snprintf(c_format(c, width, precision, "", 's'), s.c_str());
    }
    case 'Y':
    case 'T': {
      time_t secs = time_t(int64_t(bits) / 1000000000);
      struct tm tm;
      localtime_r(&secs, &tm);
      char buf[64];
      if (c.conv == 'Y') {
        // Year first, then ctime's "Mon dd hh:mm:ss".
        char ct[32];
        ctime_r(&secs, ct);
        std::snprintf(buf, sizeof buf, "%d %.15s", tm.tm_year + 1900, ct + 4);
      } else {
        strftime(buf, sizeof buf, "%a, %d %b %G %T %Z", &tm);
      }
      return run_snprintf(c_format(c, width, precision, "", 's'), buf);
    }
    default:
      return "";
  }
}

}  // namespace sct::dtrace
