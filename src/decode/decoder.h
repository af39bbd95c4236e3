// The decoding API. A decoder turns one syscall's raw arguments into Values,
// in two explicit phases (DESIGN.md idea 6): at entry it appends the input
// arguments to call.decoded, at exit the output arguments. Whatever was
// decoded at entry is what strace prints before " <unfinished ...>"; the rest
// is what follows "<... NAME resumed>".
//
// The default decoder works from the syscall's table row; custom decoders
// are the registered exceptions (DESIGN.md idea 2). Register one with
//   SCT_DECODER(read) { if (ctx.entering()) ... else ... }
// in any file under src/decode/.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/tracee_memory.h"
#include "core/value.h"
#include "syscalls/syscall_table.h"

namespace sct {

struct Xlat;

// strace's per-syscall qualifiers -e raw=SET, -e verbose=SET, -e abbrev=SET
// (and -v, which is abbrev=none): whether each applies, by syscall number.
// Numbers past the vectors (no table row) take the *_unknown value.
struct SyscallQualifiers {
  std::vector<bool> raw, deref, abbrev;
  bool raw_unknown = false, deref_unknown = true, abbrev_unknown = true;
};

// -e decode-fds= classes, as strace's set: what a descriptor shows. -y is
// path, -yy all.
enum DecodeFdClass : int {
  kDecodeFdPath = 1,    // </etc/passwd>, <socket:[1234]>
  kDecodeFdSocket = 2,  // <TCP:[127.0.0.1:41234->127.0.0.1:8080]>
  kDecodeFdDev = 4,     // </dev/null<char 1:3>>
  kDecodeFdPidfd = 8,   // <pid:1234>
  kDecodeFdAll = 15,
};

struct DecodeOptions {
  size_t string_limit = 32;  // -s
  int hex_strings = 0;       // 0: as strace; 1: -x (non-printable as \x); 2: -xx (all)
  bool verbose = false;      // -v: every struct field
  bool abbrev = true;        // strace's default abbreviation of structs and arrays
  int decode_fds = 0;        // DecodeFdClass bits: -y paths, -yy all (socket endpoints, devices, pidfds)
  bool raw = false;          // -e raw=all: every argument in hex
  // strace's "verbose" qualifier (on by default): structs and arrays behind
  // pointers are read and printed. Off (-e verbose=none), they print as
  // their address; strings and data buffers still print.
  bool deref = true;
  // The strace face: numbers strace 6.1 has no name for (strace61_knows)
  // print as syscall_0x1c3(...) in hex, as strace 6.1 prints them.
  bool strace61_names = false;
  // Set when the qualifiers differ between syscalls: DecodeContext resolves
  // raw/abbrev/verbose/deref for its call from it. Unset: the flags above
  // hold for every call (and are what the eBPF capture plan reads).
  std::shared_ptr<const SyscallQualifiers> per_call;

  // These options with raw/abbrev/verbose/deref resolved for syscall nr.
  DecodeOptions for_call(long nr) const;
};

// One syscall in flight, from entry to exit.
struct SyscallCall {
  pid_t tid = 0;
  long nr = -1;
  const SyscallRow* row = nullptr;  // nullptr: unknown number
  uint64_t args[6] = {};
  uint64_t instruction_pointer = 0;  // at entry (-i; rt_sigreturn reads the frame at the stack pointer)
  uint64_t stack_pointer = 0;

  // -e raw= applied to this call: its return prints in hex too.
  bool raw = false;

  // Known at exit.
  bool exited = false;
  int64_t ret = 0;       // the raw return register
  int error = 0;         // errno when the call failed, else 0
  bool no_return = false;  // exit, exit_group, or execve's vanished thread

  // Decoded values: [0, entry_args) at entry, the rest at exit.
  std::vector<Value> decoded;
  size_t entry_args = 0;
  // How many values the call prints in all, when a custom decoder prints a
  // different number than the row's nargs (-1: the row's nargs). At entry,
  // strace prints ", " after the entry values when more will follow at exit.
  int total_args = -1;

  // Return value overrides a decoder may set at exit.
  std::optional<Value> retval;   // replaces the default rendering of ret
  std::string ret_comment;       // printed after the value: " (flags O_RDONLY)"
  // The same as a Value, when it holds constants -X must reach: "(flags FD_CLOEXEC)".
  std::optional<Value> ret_note;

  // Private scratch a decoder may keep between its entry and exit halves.
  uint64_t saved[4] = {};
  std::string saved_bytes;

  const char* name() const { return row && row->name ? row->name : nullptr; }
  bool failed() const { return error != 0; }
  Value& arg(Value v) {
    decoded.push_back(std::move(v));
    return decoded.back();
  }
};

// Reads /proc to decorate descriptors for -y/-yy. Implemented by the
// ptrace engine (live /proc) and by tests (a fixed table).
class FdResolver {
 public:
  virtual ~FdResolver() = default;
  // "/etc/passwd", "socket:[1234]", "pipe:[5]", "anon_inode:[eventpoll]"...
  // nullopt when the descriptor is not open.
  virtual std::optional<std::string> fd_path(pid_t tid, int fd) = 0;
  // -yy and -e decode-fds=CLASSES (DecodeFdClass bits): the text for the
  // classes asked ("TCP:[127.0.0.1:41234->127.0.0.1:8080]" for a socket...),
  // the path with kDecodeFdPath, else nullopt (a plain number).
  virtual std::optional<std::string> fd_detail(pid_t tid, int fd, int classes = kDecodeFdAll) {
    return classes & kDecodeFdPath ? fd_path(tid, fd) : std::nullopt;
  }
  // -y's AT_FDCWD</dir>: the task's working directory; nullopt when unknown.
  // By default /proc/<tid>/cwd now (the eBPF engine's tables remember it).
  virtual std::optional<std::string> cwd_path(pid_t tid) { return proc_cwd(tid); }
  static std::optional<std::string> proc_cwd(pid_t tid);
  // Netlink decoding: whether fd is a netlink socket, and its protocol once
  // strace would know it (-1 before). By default read live (socket_info.h).
  virtual bool is_netlink(pid_t tid, int fd);
  virtual int netlink_protocol(pid_t tid, int fd);
};

class DecodeContext {
 public:
  DecodeContext(TraceeMemory& mem, const DecodeOptions& opt, FdResolver* fds, SyscallCall& call, bool entering)
      : mem_(mem), opt_(opt.for_call(call.nr)), fds_(fds), call_(call), entering_(entering), no_structs_(mem) {}

  bool entering() const { return entering_; }
  bool exiting() const { return !entering_; }
  // The memory decoders read structs and arrays from. Under -e verbose=none
  // for this call, whole-object reads fail (so the address prints, as
  // strace's umove_or_printaddr does) while strings still read.
  TraceeMemory& mem() { return opt_.deref ? mem_ : no_structs_; }
  // For what strace reads even then (select's ready sets in its return comment).
  TraceeMemory& unfiltered_mem() { return mem_; }
  const DecodeOptions& options() const { return opt_; }
  SyscallCall& call() { return call_; }
  // What descriptors refer to (may be null).
  FdResolver* fds() { return fds_; }

  // Value makers: each prints as strace prints that kind of argument.
  Value fd(int64_t fd);                          // 3, or 3</path> with -y
  Value dirfd(int64_t fd);                       // AT_FDCWD or fd
  Value path(uint64_t addr);                     // "..." in full, or the address
  Value cstr(uint64_t addr);                     // "..." cut at -s
  Value buf(uint64_t addr, uint64_t len);        // len bytes, cut at -s
  Value addr(uint64_t a);                        // NULL or 0x...
  Value flags(const Xlat& x, uint64_t v);
  Value enumeration(const Xlat& x, uint64_t v);
  Value signal(int64_t sig);                     // SIGTERM, or the number
  Value sigset(uint64_t addr, uint64_t size);    // [INT TERM], or the address
  Value sigset_bits(uint64_t bits);              // from a mask already read
  // An output argument at exit: the address when the call failed.
  bool out_ok() const { return !call_.failed(); }

  // Reads a struct; nullopt if the memory cannot be read (print addr then).
  template <typename T>
  std::optional<T> object(uint64_t addr) {
    T t{};
    if (addr == 0 || !mem().read_object(addr, &t)) return std::nullopt;
    return t;
  }

 private:
  // Strings (read_partial) pass through; exact-size reads fail.
  class StringsOnlyMemory final : public TraceeMemory {
   public:
    explicit StringsOnlyMemory(TraceeMemory& m) : m_(m) {}
    bool read(uint64_t, std::span<std::byte>) override { return false; }
    size_t read_partial(uint64_t addr, std::span<std::byte> out) override { return m_.read_partial(addr, out); }

   private:
    TraceeMemory& m_;
  };

  TraceeMemory& mem_;
  DecodeOptions opt_;
  FdResolver* fds_;
  SyscallCall& call_;
  bool entering_;
  StringsOnlyMemory no_structs_;
};

using DecodeFn = void (*)(SyscallCall&, DecodeContext&);

// The custom decoder registered for a syscall name, or nullptr.
DecodeFn find_decoder(const char* syscall_name);
// Registration (used by SCT_DECODER).
bool register_decoder(const char* syscall_name, DecodeFn fn);

// Runs one phase: the custom decoder if there is one, else the row's default.
void decode_phase(SyscallCall& call, DecodeContext& ctx);

// The default, row-driven decoding of one argument.
Value decode_arg_by_kind(const ArgSpec& spec, uint64_t raw, DecodeContext& ctx);

}  // namespace sct

#define SCT_DECODER_CAT2(a, b) a##b
#define SCT_DECODER_CAT(a, b) SCT_DECODER_CAT2(a, b)
// Defines and registers the decoder for syscall NAME.
#define SCT_DECODER(NAME)                                                                  \
  static void sct_decode_##NAME(::sct::SyscallCall& call, ::sct::DecodeContext& ctx);     \
  static const bool SCT_DECODER_CAT(sct_registered_, NAME) =                               \
      ::sct::register_decoder(#NAME, &sct_decode_##NAME);                                 \
  static void sct_decode_##NAME([[maybe_unused]] ::sct::SyscallCall& call,                \
                                [[maybe_unused]] ::sct::DecodeContext& ctx)
// Registers an existing decoder function for another syscall name too.
#define SCT_DECODER_ALIAS(NAME, FN) \
  static const bool SCT_DECODER_CAT(sct_registered_alias_, NAME) = ::sct::register_decoder(#NAME, FN);
