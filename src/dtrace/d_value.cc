#include "dtrace/d_value.h"

namespace sct::dtrace {

std::string bound_string(const std::string& s, size_t strsize) {
  size_t n = s.find('\0');
  if (n == std::string::npos) n = s.size();
  if (strsize > 0 && n > strsize - 1) n = strsize - 1;
  return s.substr(0, n);
}

std::string string_record(const std::string& s, size_t strsize) {
  std::string r = bound_string(s, strsize);
  r.resize(strsize, '\0');
  return r;
}

std::string serialize_key(const std::vector<TypedValue>& key) {
  std::string s;
  for (const TypedValue& f : key) {
    if (f.type.kind == DType::Int) {
      s += 'i';
      s.append(reinterpret_cast<const char*>(&f.v.i), sizeof f.v.i);
    } else {
      s += 's';
      uint64_t n = f.v.s.size();
      s.append(reinterpret_cast<const char*>(&n), sizeof n);
      s += f.v.s;
    }
  }
  return s;
}

}  // namespace sct::dtrace
