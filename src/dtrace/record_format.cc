#include "dtrace/record_format.h"

#include <fmt/format.h>

#include <cctype>

namespace sct::dtrace {

namespace {

bool printable(char c) {
  // isprint/isspace on a (signed) char as in libdtrace: bytes >= 0x80 are not.
  int ch = static_cast<signed char>(c);
  if (ch < 0) return false;
  return std::isprint(ch) || std::isspace(ch) || c == '\b' || c == '\a';
}

std::string hex_dump(const std::string& bytes) {
  std::string out = "\n" + std::string(5, ' ') + "      ";
  for (const char* h = "0123456789abcdef"; *h; ++h) out += fmt::format("  {}", *h);
  out += "  0123456789abcdef\n";
  for (size_t i = 0; i < bytes.size(); i += 16) {
    out += fmt::format("{}{:5x}:", std::string(5, ' '), i);
    size_t j = i;
    for (; j < i + 16 && j < bytes.size(); ++j) out += fmt::format(" {:02x}", static_cast<unsigned char>(bytes[j]));
    for (; j % 16 != 0; ++j) out += "   ";
    out += "  ";
    for (j = i; j < i + 16 && j < bytes.size(); ++j) {
      char c = bytes[j];
      out += (c < ' ' || c > '~') ? '.' : c;
    }
    out += "\n";
  }
  return out;
}

std::string pad(const std::string& s, int width) {
  // printf("%*s"): negative width left-justifies.
  size_t w = size_t(width < 0 ? -width : width);
  if (s.size() >= w) return s;
  return width < 0 ? s + std::string(w - s.size(), ' ') : std::string(w - s.size(), ' ') + s;
}

}  // namespace

std::string print_bytes(const std::string& c, int width, bool quiet) {
  if (c.empty()) return "";
  size_t i = 0;
  for (; i < c.size(); ++i) {
    if (printable(c[i])) continue;
    if (c[i] == '\0' && i > 0) {
      size_t j = i + 1;
      while (j < c.size() && c[j] == '\0') ++j;
      if (j != c.size()) break;
      std::string s = c.substr(0, i);
      if (quiet) return s;
      return " " + std::string(width < 0 ? " " : "") + pad(s, width);
    }
    break;
  }
  if (i == c.size()) return "  " + pad(c, width);
  return hex_dump(c);
}

std::string trace_output(const TypedValue& v, bool quiet, size_t strsize) {
  if (v.type.kind == DType::String) return print_bytes(string_record(v.v.s, strsize), -33, quiet);
  if (v.type.kind == DType::Buffer) return print_bytes(v.v.s, -33, quiet);
  if (v.type.kind == DType::Void) return "";
  uint64_t x = v.v.i;
  switch (v.type.size) {
    case 1: return quiet ? fmt::format("{}", unsigned(uint8_t(x))) : fmt::format(" {:3}", unsigned(uint8_t(x)));
    case 2: return quiet ? fmt::format("{}", unsigned(uint16_t(x))) : fmt::format(" {:5}", unsigned(uint16_t(x)));
    case 4: return quiet ? fmt::format("{}", int32_t(uint32_t(x))) : fmt::format(" {:8}", int32_t(uint32_t(x)));
    default: return quiet ? fmt::format("{}", int64_t(x)) : fmt::format(" {:16}", int64_t(x));
  }
}

std::string datum_output(const TypedValue& v, size_t strsize) {
  if (v.type.kind == DType::String) return print_bytes(string_record(v.v.s, strsize), -50, false);
  if (v.type.kind == DType::Buffer) return print_bytes(v.v.s, -50, false);
  uint64_t x = v.v.i;
  switch (v.type.size) {
    case 1: return fmt::format(" {:3}", unsigned(uint8_t(x)));
    case 2: return fmt::format(" {:5}", unsigned(uint16_t(x)));
    case 4: return fmt::format(" {:8}", int32_t(uint32_t(x)));
    default: return fmt::format(" {:16}", int64_t(x));
  }
}

std::string escape_for_S(const std::string& record) {
  std::string out;
  for (char c : record) {
    switch (c) {
      case '\0': out += "\\0"; return out;
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c != ' ' && (c < '!' || c > '~')) {
          out += fmt::format("\\{:03o}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace sct::dtrace
