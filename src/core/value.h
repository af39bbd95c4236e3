// The Value model: what a decoder says about one argument, return value or
// struct field, with no punctuation. The strace text sink decides every comma,
// quote and "..."; the JSON sink renders the same Values as objects
// (DESIGN.md idea 4). Raw numbers are kept beside symbolic forms so that
// JSON can carry both and filters can match either.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sct {

struct Value {
  enum class Kind : uint8_t {
    Int,          // signed decimal: 3, -1
    Uint,         // unsigned decimal
    Hex,          // 0x1f (0 prints as 0)
    Oct,          // 0644 (leading 0; 0 prints as 000 as strace does for modes)
    Addr,         // pointer: NULL or 0x7ffd...
    Sym,          // one symbolic name: AT_FDCWD, SIGINT, TCGETS
    Flags,        // names joined with '|', then the unknown remainder in hex
    Str,          // bytes, quoted and escaped; "..." after the quote if truncated
    Struct,       // {name=value, ...}
    Array,        // [a, b, ...]
    Sigset,       // [INT TERM] or ~[RTMIN RT_1]
    Unavailable,  // memory that could not be read: prints the address
    Raw,          // preformatted text (a last resort: keep rare); with fields:
                  // the text, then each field's value, unseparated ("flags=" VALUE)
  };

  Kind kind = Kind::Int;
  int64_t num = 0;            // Int/Uint/Hex/Oct/Addr/Unavailable: the raw value
  std::string text;           // Sym name, Str bytes, Raw text
  std::vector<std::string> names;  // Flags names; Sigset names
  uint64_t rest = 0;          // Flags: bits with no name (printed as 0x..)
  bool has_rest = false;
  bool truncated = false;     // Str cut at -s; Struct/Array elided with "..."
  bool negated = false;       // Sigset printed as ~[...]
  std::vector<std::pair<std::string, Value>> fields;  // Struct/Array members
  std::string comment;        // printed after the value as " /* comment */"
  std::optional<std::string> fd_path;  // -y decoration: 3</etc/passwd>
  bool is_fd = false;         // the value is a file descriptor
  // The value is a process id, and of which kind: -Y (--decode-pids=comm)
  // appends "<comm>" to a thread's or process's id (strace's PT_TID and
  // PT_TGID), never to a process group's or session's.
  enum class PidKind : uint8_t { None, Task, Group };
  PidKind pid_kind = PidKind::None;
  bool str_force_hex = false;  // Str printed as \xNN for every byte (getrandom, -xx)
  // -X raw / -X verbose print num in this base (8, 10 or 16) instead of
  // the name: 0 is the kind's own (hex for Sym); a Raw value with a base is
  // a compound constant ("MAP_PRIVATE|MAP_ANONYMOUS", "S_IFREG|0644").
  // kStyledForms on a Raw value: its three fields are the forms strace
  // prints under -X abbrev, -X raw and -X verbose (see styled()).
  uint8_t raw_base = 0;
  static constexpr uint8_t kStyledForms = 1;

  // Constructors, named so decoders read like strace's output.
  static Value integer(int64_t v);
  static Value uinteger(uint64_t v);
  static Value hex(uint64_t v);
  static Value oct(uint64_t v);
  static Value addr(uint64_t v);
  static Value sym(std::string name, int64_t raw);
  static Value flags(std::vector<std::string> names, uint64_t raw, uint64_t rest, bool has_rest);
  static Value str(std::string bytes, bool truncated);
  static Value structure();
  static Value array();
  static Value sigset(std::vector<std::string> names, bool negated);
  static Value unavailable(uint64_t addr);
  static Value raw(std::string text);
  // A compound constant strace prints as text ("MAP_PRIVATE|MAP_ANONYMOUS",
  // "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME") and -X raw as the number.
  static Value constant(std::string text, uint64_t number, uint8_t base = 16);
  // A name whose number -X raw prints in decimal (signals, AT_FDCWD).
  static Value sym_decimal(std::string name, int64_t raw);
  // What strace prints differently under each -X style when no number and
  // name pair says it: sin_port=htons(9) / "\x00\x09" / "\x00\x09" /* htons(9) */,
  // or a zero flag word printflags omits under -X raw.
  static Value styled(Value abbrev, Value raw, Value verbose);
  static Value fd(int64_t fd);
  // A thread or process id (Task): -Y prints "1234<comm>" while it exists.
  static Value pid(int64_t pid);
  // A process group or session id: printed plain, also under -Y.
  static Value pgid(int64_t id);
  // strace's printpid_tgid_pgid (kill, wait4, F_SETOWN): a positive value
  // is a process, a negative one (below -1) a process group.
  static Value pid_or_pgid(int64_t v);

  // Builders for Struct/Array.
  Value& add(std::string name, Value v);
  Value& push(Value v);
  Value& with_comment(std::string c);
  Value& elided();  // trailing "..."
};

}  // namespace sct
