#include "sinks/strace_render.h"

#include <fmt/format.h>

#include <string_view>

#include "sinks/pid_comm.h"
#include "xlat/errnos.h"
#include "xlat/signals.h"

namespace sct {

namespace {

bool is_printable(unsigned char c) { return c >= 0x20 && c < 0x7f; }

void append_hex(uint64_t v, std::string& out) {
  if (v == 0) {
    out += '0';
  } else {
    fmt::format_to(std::back_inserter(out), "{:#x}", v);
  }
}

// strace prints modes with C's "%#03o": 000, 02, 0644.
void append_octal(uint64_t v, std::string& out) {
  std::string digits = v ? fmt::format("0{:o}", v) : "0";
  if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
  out += digits;
}

// The symbolic part of a Flags value alone (for -X verbose's comment).
Value flags_only(const Value& v) {
  Value f = v;
  f.comment.clear();
  f.fd_path.reset();
  return f;
}

void render_fields(const Value& v, const RenderOptions& opt, std::string& out, char open, char close) {
  out += open;
  bool first = true;
  for (const auto& [name, field] : v.fields) {
    if (!first) out += ", ";
    first = false;
    if (!name.empty()) {
      out += name;
      out += '=';
    }
    render_value(field, opt, out);
  }
  if (v.truncated) out += first ? "..." : ", ...";
  out += close;
}

}  // namespace

namespace {

// The bytes of a string as strace escapes them, without the quotes. Bytes in
// also_escape are escaped like unprintable ones (-Y's comm escapes '<' '>').
void append_escaped(const std::string& bytes, bool force_hex, const RenderOptions& opt,
                    std::string_view also_escape, std::string& out) {
  // -x turns the whole string into hex as soon as one byte is not printable
  // (strace's "non-ascii" mode); -xx always.
  bool all_hex = force_hex || opt.hex_strings == 2;
  if (!all_hex && opt.hex_strings == 1) {
    // \t \n \v \f \r have escapes of their own and do not count.
    for (unsigned char c : bytes)
      if (!is_printable(c) && !(c >= '\t' && c <= '\r')) {
        all_hex = true;
        break;
      }
  }
  for (size_t i = 0; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (all_hex) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", c);
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      default: break;
    }
    bool extra = c && also_escape.find(static_cast<char>(c)) != std::string_view::npos;
    if (is_printable(c) && !extra) {
      out += static_cast<char>(c);
    } else if (opt.hex_strings == 3) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", c);
    } else {
      // Octal escapes are as short as possible unless an octal digit follows,
      // which would otherwise be read as part of the escape.
      bool digit_follows = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
      if (digit_follows)
        fmt::format_to(std::back_inserter(out), "\\{:03o}", c);
      else
        fmt::format_to(std::back_inserter(out), "\\{:o}", c);
    }
  }
}

}  // namespace

void render_quoted(const std::string& bytes, bool truncated, bool force_hex, const RenderOptions& opt,
                   std::string& out) {
  out += '"';
  append_escaped(bytes, force_hex, opt, {}, out);
  out += '"';
  if (truncated) out += "...";
}

void render_pid_comm(const std::string& comm, const RenderOptions& opt, std::string& out) {
  if (comm.empty()) return;
  out += '<';
  append_escaped(comm, false, opt, "<>", out);
  out += '>';
}

void render_value(const Value& v, const RenderOptions& opt, std::string& out) {
  using K = Value::Kind;
  switch (v.kind) {
    case K::Int:
      fmt::format_to(std::back_inserter(out), "{}", v.num);
      // -Y: read at print time, as strace does; a gone task prints plain.
      if (opt.pid_comm && v.pid_kind == Value::PidKind::Task && v.num > 0)
        render_pid_comm(proc_comm(v.num), opt, out);
      break;
    case K::Uint: fmt::format_to(std::back_inserter(out), "{}", static_cast<uint64_t>(v.num)); break;
    case K::Hex: append_hex(static_cast<uint64_t>(v.num), out); break;
    case K::Oct: append_octal(static_cast<uint64_t>(v.num), out); break;
    case K::Addr:
    case K::Unavailable:
      if (v.num == 0)
        out += "NULL";
      else
        append_hex(static_cast<uint64_t>(v.num), out);
      break;
    case K::Sym:
      if (opt.xlat_style != XlatStyle::Abbrev) {
        // -X raw / -X verbose: the number (hex unless the name is of a
        // decimal kind), then (verbose) the name as a comment.
        if (v.raw_base == 10)
          fmt::format_to(std::back_inserter(out), "{}", v.num);
        else
          append_hex(static_cast<uint64_t>(v.num), out);
        if (opt.xlat_style == XlatStyle::Verbose) out += " /* " + v.text + " */";
        break;
      }
      out += v.text;
      break;
    case K::Flags: {
      if (opt.xlat_style != XlatStyle::Abbrev) {
        append_hex(static_cast<uint64_t>(v.num), out);
        if (opt.xlat_style == XlatStyle::Verbose && !v.names.empty()) {
          out += " /* ";
          render_value(flags_only(v), RenderOptions{}, out);
          out += " */";
        }
        break;
      }
      bool first = true;
      for (const auto& n : v.names) {
        if (!first) out += '|';
        first = false;
        out += n;
      }
      if (v.has_rest) {
        if (!first) out += '|';
        append_hex(v.rest, out);
      }
      break;
    }
    case K::Str: render_quoted(v.text, v.truncated, v.str_force_hex, opt, out); break;
    case K::Struct: render_fields(v, opt, out, '{', '}'); break;
    case K::Array: render_fields(v, opt, out, '[', ']'); break;
    case K::Sigset: {
      if (v.negated) out += '~';
      out += '[';
      for (size_t i = 0; i < v.names.size(); ++i) {
        if (i) out += ' ';
        // -X raw: signal numbers.
        std::optional<int> n;
        if (opt.xlat_style == XlatStyle::Raw) n = signal_parse(v.names[i]);
        if (n)
          fmt::format_to(std::back_inserter(out), "{}", *n);
        else
          out += v.names[i];
      }
      out += ']';
      break;
    }
    case K::Raw:
      if (v.raw_base == Value::kStyledForms && v.fields.size() == 3) {
        // One form per -X style (Value::styled).
        size_t form = opt.xlat_style == XlatStyle::Abbrev ? 0 : opt.xlat_style == XlatStyle::Raw ? 1 : 2;
        render_value(v.fields[form].second, opt, out);
        break;
      }
      if (v.raw_base && opt.xlat_style != XlatStyle::Abbrev) {
        uint64_t n = static_cast<uint64_t>(v.num);
        if (v.raw_base == 8)
          append_octal(n, out);
        else if (v.raw_base == 10)
          fmt::format_to(std::back_inserter(out), "{}", n);
        else
          append_hex(n, out);
        if (opt.xlat_style == XlatStyle::Verbose) out += " /* " + v.text + " */";
        break;
      }
      out += v.text;
      for (const auto& part : v.fields) render_value(part.second, opt, out);
      break;
  }
  if (v.is_fd && v.fd_path) {
    // A deleted file's link ends in " (deleted)": strace moves it outside
    // the brackets: 7</memfd:s>(deleted).
    std::string_view path = *v.fd_path;
    constexpr std::string_view kDeleted = " (deleted)";
    bool deleted = path.size() > kDeleted.size() && path.substr(path.size() - kDeleted.size()) == kDeleted;
    if (deleted) path.remove_suffix(kDeleted.size());
    out += '<';
    out += path;
    out += '>';
    if (deleted) out += "(deleted)";
  }
  // strace's "/* X_??? */" after an unknown constant is its abbrev style's
  // alone: -X raw prints the bare number.
  bool unknown_comment = v.comment.find('?') != std::string::npos;
  if (!v.comment.empty() && !(unknown_comment && opt.xlat_style == XlatStyle::Raw)) {
    out += " /* ";
    out += v.comment;
    out += " */";
  }
}

std::string render_value(const Value& v, const RenderOptions& opt) {
  std::string out;
  render_value(v, opt, out);
  return out;
}

void render_args(const SyscallCall& call, size_t from, size_t to, const RenderOptions& opt, std::string& out) {
  for (size_t i = from; i < to && i < call.decoded.size(); ++i) {
    if (i > from) out += ", ";
    render_value(call.decoded[i], opt, out);
  }
}

// -e inject=: the note the ptrace engine appends to a tampered call's
// ret_comment ("(INJECTED)", "(INJECTED: args)", "(DELAYED)"...). strace
// prints it under -e raw= too, where no other comment is printed.
// Whether a call's return is a pid strace's -Y decorates (its RVAL_TID and
// RVAL_TGID): the caller's own ids, a new child's, a reaped one's. Process
// group and session ids (getpgrp, getpgid, getsid, setsid) print plain.
static bool returns_pid(const SyscallCall& call) {
  static const std::string_view kNames[] = {"getpid", "getppid", "gettid", "fork", "vfork", "clone", "clone3", "wait4"};
  const char* name = call.name();
  if (!name) return false;
  for (auto n : kNames)
    if (n == name) return true;
  return false;
}

static void append_tamper_note(const SyscallCall& call, std::string& out) {
  size_t at = call.ret_comment.find("(INJECTED");
  if (at == std::string::npos) at = call.ret_comment.find("(DELAYED)");
  if (at == std::string::npos) return;
  out += ' ';
  out += call.ret_comment.substr(at);
}

std::string render_return(const SyscallCall& call, const RenderOptions& opt) {
  if (call.no_return) return "?";
  std::string out;
  const bool raw = opt.raw || call.raw;
  if (raw && !call.failed()) {
    // -e raw=: the return register in hex, undecoded.
    append_hex(static_cast<uint64_t>(call.ret), out);
    append_tamper_note(call, out);
    return out;
  }
  if (call.failed()) {
    const char* name = errno_name(call.error);
    const char* msg = errno_message(call.error);
    // The kernel-internal restart codes never reach the program: strace shows "?".
    bool restart = call.error >= 512 && call.error <= 516;
    out = restart ? "? " : "-1 ";
    // An errno with no name prints its number and no message, as strace does.
    if (!name) {
      out += fmt::format("(errno {})", call.error);
    } else {
      out += name;
      if (msg) fmt::format_to(std::back_inserter(out), " ({})", msg);
    }
    // Without raw, cli/injected_note_sink.h shows the note of a failed call.
    if (raw) append_tamper_note(call, out);
    return out;
  }
  if (call.retval) {
    render_value(*call.retval, opt, out);
  } else {
    RetKind kind = call.row && call.row->name ? call.row->ret : RetKind::Int;
    switch (kind) {
      case RetKind::Hex: append_hex(static_cast<uint64_t>(call.ret), out); break;
      case RetKind::Oct: append_octal(static_cast<uint64_t>(call.ret), out); break;
      case RetKind::Uint: fmt::format_to(std::back_inserter(out), "{}", static_cast<uint64_t>(call.ret)); break;
      default: fmt::format_to(std::back_inserter(out), "{}", call.ret); break;
    }
    if (opt.pid_comm && call.ret > 0 && returns_pid(call)) render_pid_comm(proc_comm(call.ret), opt, out);
  }
  if (!call.ret_comment.empty()) {
    out += ' ';
    out += call.ret_comment;
  }
  if (call.ret_note) {
    out += ' ';
    render_value(*call.ret_note, opt, out);
  }
  return out;
}

std::string call_name(const SyscallCall& call) {
  if (call.name()) return call.name();
  return fmt::format("syscall_{:#x}", static_cast<uint64_t>(call.nr));
}

std::string render_call_line(const SyscallCall& call, const RenderOptions& opt, size_t lead_columns) {
  std::string out = call_name(call);
  out += '(';
  render_args(call, 0, call.decoded.size(), opt, out);
  out += ')';
  constexpr size_t kReturnColumn = 40;
  if (lead_columns + out.size() < kReturnColumn) out.append(kReturnColumn - lead_columns - out.size() - 1, ' ');
  out += " = ";
  out += render_return(call, opt);
  return out;
}

}  // namespace sct
