// -e inject=SET:... and -e fault=SET:... (strace 6.1's syscall tampering),
// parsed into one rule per syscall number. The rules are data: the ptrace
// engine applies them (backend/ptrace/syscall_tamper.h).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sct {

// when=FIRST[..LAST][+[STEP]]: LAST of 65535 means "no end", as strace's
// INJECT_LAST_INF; STEP 0 means "only the FIRST-th call".
constexpr uint16_t kInjectLastInf = 0xffff;

struct InjectRule {
  uint16_t first = 1;
  uint16_t last = kInjectLastInf;
  uint16_t step = 1;
  bool has_error = false;    // error=ERRNO (fault= defaults to ENOSYS)
  bool has_retval = false;   // retval=VALUE
  bool has_signal = false;   // signal=SIG
  bool has_syscall = false;  // syscall=NAME: run this pure syscall instead of -1
  bool has_delay_enter = false;
  bool has_delay_exit = false;
  // poke_enter=/poke_exit=@argN=HEX,...: bytes written to the memory that
  // argument N (1..7) points to, at entry or at exit.
  struct Poke {
    int arg = 0;
    std::string bytes;
  };
  std::vector<Poke> poke_enter, poke_exit;
  int error = 0;
  uint64_t retval = 0;
  int signo = 0;
  long syscall = -1;
  int64_t delay_enter_ns = 0;
  int64_t delay_exit_ns = 0;

  // The rule changes the syscall's result (as opposed to signal/delay only).
  bool tampers_result() const { return has_error || has_retval; }
  bool pokes() const { return !poke_enter.empty() || !poke_exit.empty(); }
};

using InjectRules = std::map<long, InjectRule>;  // syscall number -> rule

// Parses the value of -e inject= (fault = false) or -e fault= (fault = true)
// and merges it into *rules (a later rule for the same syscall replaces an
// earlier one, as in strace). On error returns false with *error holding
// strace's message ("invalid inject argument 'open:error=FOO'", "invalid
// system call 'nosuch'"). Warnings strace prints at once and goes on
// ("Inadvertent injection of error 1 is possible for retval=...") are
// appended to *warnings.
bool parse_inject_spec(std::string_view spec, bool fault, InjectRules* rules, std::string* error,
                       std::vector<std::string>* warnings);

// strace's delay syntax (parse_ts): a number, integer or decimal, with an
// optional unit suffix s, ms, us or ns; microseconds without one.
bool parse_delay(std::string_view text, int64_t* ns);

}  // namespace sct
