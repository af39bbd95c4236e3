#include "core/value.h"

#include <utility>

namespace sct {

Value Value::integer(int64_t v) {
  Value r;
  r.kind = Kind::Int;
  r.num = v;
  return r;
}

Value Value::uinteger(uint64_t v) {
  Value r;
  r.kind = Kind::Uint;
  r.num = static_cast<int64_t>(v);
  return r;
}

Value Value::hex(uint64_t v) {
  Value r;
  r.kind = Kind::Hex;
  r.num = static_cast<int64_t>(v);
  return r;
}

Value Value::oct(uint64_t v) {
  Value r;
  r.kind = Kind::Oct;
  r.num = static_cast<int64_t>(v);
  return r;
}

Value Value::addr(uint64_t v) {
  Value r;
  r.kind = Kind::Addr;
  r.num = static_cast<int64_t>(v);
  return r;
}

Value Value::sym(std::string name, int64_t raw) {
  Value r;
  r.kind = Kind::Sym;
  r.text = std::move(name);
  r.num = raw;
  return r;
}

Value Value::flags(std::vector<std::string> names, uint64_t raw, uint64_t rest, bool has_rest) {
  Value r;
  r.kind = Kind::Flags;
  r.names = std::move(names);
  r.num = static_cast<int64_t>(raw);
  r.rest = rest;
  r.has_rest = has_rest;
  return r;
}

Value Value::str(std::string bytes, bool truncated) {
  Value r;
  r.kind = Kind::Str;
  r.text = std::move(bytes);
  r.truncated = truncated;
  return r;
}

Value Value::structure() {
  Value r;
  r.kind = Kind::Struct;
  return r;
}

Value Value::array() {
  Value r;
  r.kind = Kind::Array;
  return r;
}

Value Value::sigset(std::vector<std::string> names, bool negated) {
  Value r;
  r.kind = Kind::Sigset;
  r.names = std::move(names);
  r.negated = negated;
  return r;
}

Value Value::unavailable(uint64_t addr) {
  Value r;
  r.kind = Kind::Unavailable;
  r.num = static_cast<int64_t>(addr);
  return r;
}

Value Value::raw(std::string text) {
  Value r;
  r.kind = Kind::Raw;
  r.text = std::move(text);
  return r;
}

Value Value::constant(std::string text, uint64_t number, uint8_t base) {
  Value r = raw(std::move(text));
  r.num = static_cast<int64_t>(number);
  r.raw_base = base;
  return r;
}

Value Value::sym_decimal(std::string name, int64_t raw) {
  Value r = sym(std::move(name), raw);
  r.raw_base = 10;
  return r;
}

Value Value::styled(Value abbrev, Value raw_form, Value verbose) {
  Value r = raw("");
  r.raw_base = kStyledForms;
  r.fields.emplace_back("", std::move(abbrev));
  r.fields.emplace_back("", std::move(raw_form));
  r.fields.emplace_back("", std::move(verbose));
  return r;
}

Value Value::fd(int64_t fd) {
  Value r;
  r.kind = Kind::Int;
  r.num = fd;
  r.is_fd = true;
  return r;
}

Value Value::pid(int64_t pid) {
  Value r = integer(pid);
  r.pid_kind = PidKind::Task;
  return r;
}

Value Value::pgid(int64_t id) {
  Value r = integer(id);
  r.pid_kind = PidKind::Group;
  return r;
}

Value Value::pid_or_pgid(int64_t v) { return v < 0 ? pgid(v) : pid(v); }

Value& Value::add(std::string name, Value v) {
  fields.emplace_back(std::move(name), std::move(v));
  return *this;
}

Value& Value::push(Value v) {
  fields.emplace_back(std::string(), std::move(v));
  return *this;
}

Value& Value::with_comment(std::string c) {
  comment = std::move(c);
  return *this;
}

Value& Value::elided() {
  truncated = true;
  return *this;
}

}  // namespace sct
