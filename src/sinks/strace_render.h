// Renders Values and syscalls as strace 6.1 prints them. Every comma, quote,
// "..." and comment of the strace face is decided here, nowhere else.
#pragma once

#include <string>
#include <vector>

#include "core/value.h"
#include "decode/decoder.h"

namespace sct {

// -X: how named constants print: AT_FDCWD, -100, or -100 /* AT_FDCWD */.
enum class XlatStyle { Abbrev, Raw, Verbose };

struct RenderOptions {
  XlatStyle xlat_style = XlatStyle::Abbrev;
  bool raw = false;  // -e raw=all: returns in hex too
  // -x: 1 (a string with a non-ASCII byte is all hex), -xx: 2 (every string),
  // --strings-in-hex=non-ascii-chars: 3 (only the non-ASCII bytes as \xNN).
  int hex_strings = 0;
  // -Y (--decode-pids=comm): a thread's or process's id prints as 1234<comm>.
  bool pid_comm = false;
};

// Appends one value.
void render_value(const Value& v, const RenderOptions& opt, std::string& out);
std::string render_value(const Value& v, const RenderOptions& opt = {});
// Appends a byte string quoted and escaped as strace does ("..." after it when truncated).
void render_quoted(const std::string& bytes, bool truncated, bool force_hex, const RenderOptions& opt,
                   std::string& out);
// -Y's "<comm>" after a pid: escaped as a string is, '<' and '>' too; nothing
// when comm is empty (the task is gone).
void render_pid_comm(const std::string& comm, const RenderOptions& opt, std::string& out);
// Values [from, to) of a call joined by ", ".
void render_args(const SyscallCall& call, size_t from, size_t to, const RenderOptions& opt, std::string& out);
// The text after " = ": "3", "-1 ENOENT (No such file or directory)", "?".
std::string render_return(const SyscallCall& call, const RenderOptions& opt);
// A whole completed call without prefix or padding: "name(args) = ret"
// with strace's padding of " = " to column 40 (counted from the start of
// this text plus lead_columns, the width of any prefix already printed).
std::string render_call_line(const SyscallCall& call, const RenderOptions& opt, size_t lead_columns = 0);
// strace's name for a call: "openat" or "syscall_0x1c8".
std::string call_name(const SyscallCall& call);

}  // namespace sct
