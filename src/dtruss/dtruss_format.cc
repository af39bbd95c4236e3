// dtruss's printf formats (AP DTTk dtruss, quoted in
// ../shared/reference/dtrace-dtruss-formats.md section 4.2) rendered in C++.
// D's printf widens every argument to 64 bits, so "0x%X" of a saved argument
// prints all 16 hex digits of a negative value, while "(int)" casts print 32.
#include "dtruss/dtruss_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <span>
#include <vector>

namespace sct {

namespace {

// Reads up to want bytes; returns nullopt when not even the first byte is readable.
std::optional<std::string> read_some(TraceeMemory& mem, uint64_t addr, size_t want) {
  std::string buf(want, '\0');
  size_t got = mem.read_partial(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(buf.data()), want));
  if (got == 0 && want > 0) return std::nullopt;
  buf.resize(got);
  return buf;
}

// Cuts at the first NUL; says whether there was one.
bool cut_at_nul(std::string& s) {
  size_t nul = s.find('\0');
  if (nul == std::string::npos) return false;
  s.resize(nul);
  return true;
}

void append_hex(std::string& out, uint64_t v) { fmt::format_to(std::back_inserter(out), "0x{:X}", v); }

void append_string_arg(std::string& out, const DtrussString& s, uint64_t addr) {
  if (!s.readable) {
    // dtrace would abort the clause with "invalid address"; a row with the
    // address says more than a missing row.
    append_hex(out, addr);
    return;
  }
  out += '"';
  out += dtrace_escape(s);
  out += '"';
}

void append_rename_flags(std::string& out, uint64_t flags) {
  // renameatx_np's "%s|%s|%s", one slot per flag bit, "0" when clear.
  out += (flags & 1) ? "RENAME_NOREPLACE" : "0";
  out += '|';
  out += (flags & 2) ? "RENAME_EXCHANGE" : "0";
  out += '|';
  out += (flags & 4) ? "RENAME_WHITEOUT" : "0";
}

}  // namespace

DtrussString capture_path(TraceeMemory& mem, uint64_t addr) {
  DtrussString s;
  auto bytes = read_some(mem, addr, kDtraceStrsize);
  if (!bytes) {
    s.readable = false;
    return s;
  }
  s.bytes = std::move(*bytes);
  s.nul = cut_at_nul(s.bytes);
  return s;
}

DtrussString capture_buffer(TraceeMemory& mem, uint64_t addr, int64_t len) {
  DtrussString s;
  if (len <= 0) return s;  // "" -> "\0"
  size_t want = std::min<uint64_t>(static_cast<uint64_t>(len), kDtraceStrsize);
  auto bytes = read_some(mem, addr, want);
  if (!bytes) {
    s.readable = false;
    return s;
  }
  s.bytes = std::move(*bytes);
  // A record shorter than strsize is zero-padded, so it always has a NUL.
  s.nul = cut_at_nul(s.bytes) || want < kDtraceStrsize;
  return s;
}

std::string dtrace_escape(const DtrussString& s) {
  std::string out;
  out.reserve(s.bytes.size() + 4);
  for (unsigned char c : s.bytes) {
    switch (c) {
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
        if (c == ' ' || (c >= '!' && c <= '~'))
          out += static_cast<char>(c);
        else
          fmt::format_to(std::back_inserter(out), "\\{:03o}", c);
    }
  }
  if (s.nul) out += "\\0";
  return out;
}

std::string format_header(const DtrussColumns& cols) {
  std::string out;
  if (cols.printid) out += fmt::format("\t{:<8}  ", "PID/THRD");
  if (cols.relative) out += fmt::format("{:>8} ", "RELATIVE");
  if (cols.elapsed) out += fmt::format("{:>7} ", "ELAPSD");
  if (cols.cpu) out += fmt::format("{:>6} ", "CPU");
  out += "SYSCALL(args) \t\t = return\n";
  return out;
}

std::string format_prefix(const DtrussColumns& cols, const DtrussStamp& st) {
  std::string out;
  if (cols.printid) out += fmt::format("{:>5}/0x{:x}:  ", st.pid, st.tid);
  if (cols.relative) out += fmt::format("{:>8} ", st.relative_us);
  if (cols.elapsed) out += fmt::format("{:>7} ", st.elapsed_us);
  if (cols.cpu) out += fmt::format("{:>6} ", st.cpu_us);
  return out;
}

std::string format_fork_line(const DtrussColumns& cols, const DtrussStamp& st) {
  // dtruss's entry clause for a new child: note the ":  " after RELATIVE and
  // ELAPSD, and ELAPSD/CPU printed as 0.
  std::string out;
  if (cols.printid) out += fmt::format("{:>5}/0x{:x}:  ", st.pid, st.tid);
  if (cols.relative) out += fmt::format("{:>8}:  ", st.relative_us);
  if (cols.elapsed) out += fmt::format("{:>7}:  ", 0);
  if (cols.cpu) out += fmt::format("{:>6} ", 0);
  out += "fork()\t\t = 0 0\n";
  return out;
}

std::string format_body(const DtrussRow& row) {
  const DtrussLayout& lay = *row.layout;
  std::string out(row.name);
  out += '(';
  for (uint8_t i = 0; i < lay.nslots; ++i) {
    if (i) out += ", ";
    const DtrussSlot& slot = lay.slots[i];
    uint64_t v = row.args[slot.index];
    switch (slot.fmt) {
      case DtrussArg::Hex: append_hex(out, v); break;
      case DtrussArg::IntHex: append_hex(out, static_cast<uint32_t>(v)); break;
      case DtrussArg::Dec: out += fmt::format("{}", static_cast<int>(v)); break;
      case DtrussArg::Path:
      case DtrussArg::PathIfSet:
      case DtrussArg::BufByRet:
      case DtrussArg::BufByArg2: append_string_arg(out, row.strings[slot.index], v); break;
      case DtrussArg::RenameFlags: append_rename_flags(out, v); break;
    }
  }
  // macOS semantics: a failed call returns -1 and sets errno.
  int64_t ret = row.err ? -1 : row.ret;
  out += ")\t\t = ";
  switch (lay.ret) {
    case DtrussRet::Int: out += fmt::format("{}", static_cast<int>(ret)); break;
    case DtrussRet::IntHex: append_hex(out, static_cast<uint32_t>(static_cast<int>(ret))); break;
    case DtrussRet::Hex64: append_hex(out, static_cast<uint64_t>(ret)); break;
  }
  out += fmt::format(" {}{}\n", row.err ? "Err#" : "", row.err);
  return out;
}

std::string format_counts(const std::map<std::string, uint64_t>& counts) {
  // printa's default order: by value ascending, then by key.
  std::vector<std::pair<std::string, uint64_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::string out = fmt::format("\n{:<32} {:>16}\n", "CALL", "COUNT");
  for (const auto& [name, n] : rows) out += fmt::format("{:<32} {:>16}\n", name, n);
  return out;
}

}  // namespace sct
