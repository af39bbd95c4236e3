#include "filter/inject_spec.h"

#include <errno.h>
#include <stdlib.h>

#include <charconv>
#include <cstring>

#include "filter/syscall_set.h"
#include "syscalls/syscall_table.h"
#include "xlat/errnos.h"
#include "xlat/signals.h"

namespace sct {

namespace {

// strace's string_to_uint_ex: a decimal number up to max, followed by the
// end of the text or by one of the characters in `stops`. -1 if not.
long parse_bounded(std::string_view text, size_t* used, long max, std::string_view stops) {
  size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == 0) return -1;
  long value = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + i, value);
  if (ec != std::errc() || p != text.data() + i || value > max) return -1;
  if (i < text.size() && stops.find(text[i]) == std::string_view::npos) return -1;
  *used = i;
  return value;
}

// when=FIRST[..LAST][+[STEP]], as strace's parse_inject_token.
bool parse_when(std::string_view v, InjectRule* rule) {
  size_t used = 0;
  long first = parse_bounded(v, &used, 0xffff, "+.");
  if (first < 1) return false;
  rule->first = static_cast<uint16_t>(first);
  v.remove_prefix(used);
  if (!v.empty() && v[0] == '.') {
    if (v.size() < 2 || v[1] != '.') return false;
    v.remove_prefix(2);
    long last = parse_bounded(v, &used, 0xffff, "+");
    if (last < first || last == kInjectLastInf) return false;
    rule->last = static_cast<uint16_t>(last);
    v.remove_prefix(used);
  } else {
    rule->last = kInjectLastInf;
  }
  if (!v.empty()) {  // "+" or "+STEP"
    v.remove_prefix(1);
    if (!v.empty()) {
      long step = parse_bounded(v, &used, 0xffff, "");
      if (step < 1) return false;
      rule->step = static_cast<uint16_t>(step);
    } else {
      rule->step = 1;
    }
  } else {
    rule->step = rule->last == kInjectLastInf ? 0 : 1;
  }
  return true;
}

// poke_enter=/poke_exit= value: "@argN=HEX[,@argM=HEX]..." (strace's
// parse_poke_token: N 1..7, an even number of hex digits, at most 2048).
bool parse_pokes(std::string_view v, std::vector<InjectRule::Poke>* out) {
  if (!out->empty() || v.empty()) return false;  // given twice, or empty
  size_t start = 0;
  while (start <= v.size()) {
    size_t comma = v.find(',', start);
    std::string_view item = v.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    start = comma == std::string_view::npos ? v.size() + 1 : comma + 1;
    if (item.empty()) continue;  // strtok_r skips empty items
    if (item.substr(0, 4) != "@arg" || item.size() < 6 || item[4] < '1' || item[4] > '7' || item[5] != '=')
      return false;
    std::string_view hex = item.substr(6);
    if (hex.empty() || hex.size() % 2 || hex.size() > 2048) return false;
    InjectRule::Poke poke;
    poke.arg = item[4] - '0';
    for (size_t i = 0; i < hex.size(); i += 2) {
      unsigned value = 0;
      auto [p, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, value, 16);
      if (ec != std::errc() || p != hex.data() + i + 2) return false;
      poke.bytes.push_back(static_cast<char>(value));
    }
    out->push_back(std::move(poke));
  }
  return !out->empty();
}

bool strip_prefix(std::string_view* token, std::string_view prefix) {
  if (token->substr(0, prefix.size()) != prefix) return false;
  token->remove_prefix(prefix.size());
  return true;
}

bool parse_token(std::string_view token, bool fault, InjectRule* rule, std::vector<std::string>* warnings) {
  std::string_view v = token;
  if (strip_prefix(&v, "when=")) return parse_when(v, rule);
  if (strip_prefix(&v, "syscall=")) {
    if (rule->has_syscall) return false;
    long nr = syscall_number(v);
    const SyscallRow* row = nr >= 0 ? syscall_row(nr) : nullptr;
    // Only syscalls with no side effects may stand in for the real one.
    if (!row || !(row->classes & kTracePure)) return false;
    rule->syscall = nr;
    rule->has_syscall = true;
    return true;
  }
  if (strip_prefix(&v, "error=")) {
    if (rule->has_error || rule->has_retval) return false;
    auto err = errno_parse(v);
    if (!err || *err < 1) return false;
    rule->error = *err;
    rule->has_error = true;
    return true;
  }
  if (fault) return false;  // fault= takes only when=, syscall= and error=
  if (strip_prefix(&v, "retval=")) {
    if (rule->has_error || rule->has_retval) return false;
    std::string s(v);
    errno = 0;
    char* end = nullptr;
    unsigned long long value = strtoull(s.c_str(), &end, 0);
    if (end == s.c_str() || *end || ((value == 0 || value == ~0ULL) && errno)) return false;
    auto as_signed = static_cast<long long>(value);
    if (as_signed < 0 && as_signed >= -kMaxErrno)
      warnings->push_back("Inadvertent injection of error " + std::to_string(-as_signed) +
                          " is possible for retval=" + std::to_string(value));
    rule->retval = value;
    rule->has_retval = true;
    return true;
  }
  if (strip_prefix(&v, "signal=")) {
    if (rule->has_signal) return false;
    auto sig = signal_parse(v);
    if (!sig || *sig < 1 || *sig > kMaxSignal) return false;
    rule->signo = *sig;
    rule->has_signal = true;
    return true;
  }
  if (strip_prefix(&v, "poke_enter=")) return parse_pokes(v, &rule->poke_enter);
  if (strip_prefix(&v, "poke_exit=")) return parse_pokes(v, &rule->poke_exit);
  const bool enter = strip_prefix(&v, "delay_enter=");
  if (enter || strip_prefix(&v, "delay_exit=")) {
    bool& has = enter ? rule->has_delay_enter : rule->has_delay_exit;
    if (has) return false;
    if (!parse_delay(v, enter ? &rule->delay_enter_ns : &rule->delay_exit_ns)) return false;
    has = true;
    return true;
  }
  return false;
}

}  // namespace

bool parse_delay(std::string_view text, int64_t* ns) {
  // Digits (and a sign) only: an integer; with '.', 'e'... a float (strtod).
  size_t int_len = text.find_first_not_of("+0123456789");
  size_t float_len = text.find_first_not_of("eE.-+0123456789");
  if (int_len == std::string_view::npos) int_len = text.size();
  if (float_len == std::string_view::npos) float_len = text.size();
  std::string s(text);
  char* end = nullptr;
  double float_value = 0;
  long long int_value = 0;
  const bool is_float = float_len > int_len;
  errno = 0;
  if (is_float) {
    float_value = strtod(s.c_str(), &end);
    if (end == s.c_str() || errno || float_value < 0) return false;
  } else {
    if (int_len == 0 || s[0] == '+') return false;
    int_value = strtoll(s.c_str(), &end, 10);
    if (end == s.c_str() || errno || int_value < 0) return false;
  }
  std::string_view unit(end);
  int64_t scale;  // nanoseconds per unit
  if (unit.empty() || unit == "us") scale = 1000;
  else if (unit == "s") scale = 1000000000;
  else if (unit == "ms") scale = 1000000;
  else if (unit == "ns") scale = 1;
  else return false;
  *ns = is_float ? static_cast<int64_t>(float_value * static_cast<double>(scale)) : int_value * scale;
  return true;
}

bool parse_inject_spec(std::string_view spec, bool fault, InjectRules* rules, std::string* error,
                       std::vector<std::string>* warnings) {
  const std::string what = fault ? "fault argument" : "inject argument";
  const std::string invalid = "invalid " + what + " '" + std::string(spec) + "'";
  InjectRule rule;
  std::string_view names;
  // As strtok_r: the set is the first ':'-separated word; empty words are
  // skipped. A spec starting with ':' names the empty set.
  if (!spec.empty() && spec[0] != ':') {
    size_t colon = spec.find(':');
    names = spec.substr(0, colon);
    std::string_view rest = colon == std::string_view::npos ? std::string_view() : spec.substr(colon + 1);
    while (!rest.empty()) {
      size_t next = rest.find(':');
      std::string_view token = rest.substr(0, next);
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
      if (token.empty()) continue;
      if (!parse_token(token, fault, &rule, warnings)) {
        *error = invalid;
        return false;
      }
    }
  }
  SyscallSet set;
  if (!parse_syscall_set(names, &set, error)) return false;
  if (!rule.tampers_result() && !rule.has_signal && !rule.has_delay_enter && !rule.has_delay_exit && !rule.pokes()) {
    if (!fault) {
      *error = invalid;
      return false;
    }
    rule.error = ENOSYS;  // fault= fails with ENOSYS by default
    rule.has_error = true;
  }
  // strace 6.1 tampers only with the syscalls it knows (the set holds every
  // unknown number, which it always traces).
  for (long nr : syscall_numbers())
    if (strace61_knows(nr) && set.numbers.test(static_cast<size_t>(nr))) (*rules)[nr] = rule;
  return true;
}

}  // namespace sct
