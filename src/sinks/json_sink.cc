#include "sinks/json_sink.h"

#include <sys/wait.h>

#include <fmt/format.h>

#include "sinks/strace_render.h"
#include "xlat/errnos.h"
#include "xlat/signals.h"
#if __has_include("decode/siginfo.h")
#include "decode/siginfo.h"
#define SCT_HAVE_SIGINFO 1
#endif

namespace sct {

namespace {

bool valid_utf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t extra;
    if (c < 0x80) extra = 0;
    else if ((c & 0xe0) == 0xc0 && c >= 0xc2) extra = 1;
    else if ((c & 0xf0) == 0xe0) extra = 2;
    else if ((c & 0xf8) == 0xf0 && c <= 0xf4) extra = 3;
    else return false;
    if (i + extra >= s.size() && extra) return false;
    for (size_t k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    i += extra + 1;
  }
  return true;
}

void append_escaped_char(uint32_t cp, std::string& out) {
  switch (cp) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    default: break;
  }
  if (cp < 0x20 || cp == 0x7f) {
    out += fmt::format("\\u{:04x}", cp);
  } else if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else {
    // U+0080..U+00FF as UTF-8 (latin-1 mapping of a raw byte).
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

}  // namespace

std::string json_string(const std::string& bytes, bool* was_utf8) {
  bool utf8 = valid_utf8(bytes);
  if (was_utf8) *was_utf8 = utf8;
  std::string out = "\"";
  for (unsigned char c : bytes) {
    if (utf8 && c >= 0x80)
      out += static_cast<char>(c);  // valid UTF-8 passes through
    else
      append_escaped_char(c, out);
  }
  out += '"';
  return out;
}

std::string value_to_json(const Value& v) {
  using K = Value::Kind;
  std::string out;
  switch (v.kind) {
    case K::Int: out = fmt::format("{}", v.num); break;
    case K::Uint:
    case K::Hex:
    case K::Oct:
    case K::Addr: out = fmt::format("{}", static_cast<uint64_t>(v.num)); break;
    case K::Unavailable: out = fmt::format("{{\"unreadable\":{}}}", static_cast<uint64_t>(v.num)); break;
    case K::Sym: out = json_string(v.text); break;
    case K::Flags: {
      out = "[";
      bool first = true;
      for (const auto& n : v.names) {
        if (!first) out += ',';
        first = false;
        out += json_string(n);
      }
      if (v.has_rest) {
        if (!first) out += ',';
        out += json_string(fmt::format("{:#x}", v.rest));
      }
      out += ']';
      break;
    }
    case K::Str: {
      bool utf8 = true;
      std::string s = json_string(v.text, &utf8);
      if (!v.truncated && utf8) {
        out = s;
      } else {
        out = "{\"str\":" + s;
        if (!utf8) out += ",\"encoding\":\"latin1\"";
        if (v.truncated) out += ",\"truncated\":true";
        out += '}';
      }
      break;
    }
    case K::Struct: {
      out = "{";
      bool first = true;
      size_t positional = 0;
      for (const auto& [name, field] : v.fields) {
        if (!first) out += ',';
        first = false;
        out += json_string(name.empty() ? fmt::format("_{}", positional++) : name) + ":" + value_to_json(field);
      }
      if (v.truncated) out += std::string(first ? "" : ",") + "\"...\":true";
      out += '}';
      break;
    }
    case K::Array: {
      out = "[";
      bool first = true;
      for (const auto& f : v.fields) {
        if (!first) out += ',';
        first = false;
        out += value_to_json(f.second);
      }
      if (v.truncated) out += std::string(first ? "" : ",") + "\"...\"";
      out += ']';
      break;
    }
    case K::Sigset: {
      std::string list = "[";
      for (size_t i = 0; i < v.names.size(); ++i) list += (i ? "," : "") + json_string(v.names[i]);
      list += ']';
      out = v.negated ? "{\"all_but\":" + list + "}" : list;
      break;
    }
    case K::Raw: out = json_string(render_value(v)); break;
  }
  return out;
}

namespace {

// The raw register as the prototype's type sees it: an int argument is the
// low 32 bits, sign-extended (AT_FDCWD is -100, not 4294967196).
int64_t raw_argument(const ArgSpec& spec, uint64_t reg) {
  switch (spec.kind) {
    case ArgKind::Int:
    case ArgKind::Fd:
    case ArgKind::DirFd:
    case ArgKind::Pid:
    case ArgKind::Uid:
    case ArgKind::Signal:
    case ArgKind::Clockid: return static_cast<int32_t>(reg);
    case ArgKind::Uint: return static_cast<uint32_t>(reg);
    default: return static_cast<int64_t>(reg);
  }
}

}  // namespace

void JsonSink::emit_call(const SyscallCall& call, const EventTime& start, const EventTime* end) {
  std::string line = fmt::format("{{\"pid\":{},\"syscall\":", call.tid);
  line += call.name() ? json_string(call.name()) : json_string(fmt::format("syscall_{:#x}", call.nr));
  line += ",\"args\":[";
  const SyscallRow* row = call.row && call.row->name ? call.row : nullptr;
  // Decoders print arguments in the row's order, sometimes omitting trailing
  // ones (openat's mode without O_CREAT): names and raw registers then line up.
  bool aligned = row && call.decoded.size() <= row->nargs;
  for (size_t i = 0; i < call.decoded.size(); ++i) {
    const Value& v = call.decoded[i];
    if (i) line += ',';
    line += '{';
    if (aligned) line += "\"name\":" + json_string(row->args[i].name ? row->args[i].name : "") + ",";
    line += "\"value\":" + value_to_json(v);
    if (aligned && (v.kind == Value::Kind::Sym || v.kind == Value::Kind::Flags || v.kind == Value::Kind::Sigset))
      line += fmt::format(",\"raw\":{}", raw_argument(row->args[i], call.args[i]));
    if (v.is_fd && v.fd_path) line += ",\"path\":" + json_string(*v.fd_path);
    if (!v.comment.empty()) line += ",\"comment\":" + json_string(v.comment);
    line += '}';
  }
  line += ']';
  if (!end) {
    line += ",\"return\":null,\"unfinished\":true";
  } else if (call.no_return) {
    line += ",\"return\":null";
  } else if (call.failed()) {
    line += ",\"return\":-1";
    const char* name = errno_name(call.error);
    line += ",\"errno\":" + (name ? json_string(name) : fmt::format("{}", call.error));
  } else {
    line += fmt::format(",\"return\":{}", call.ret);
    if (call.retval) line += ",\"return_value\":" + value_to_json(*call.retval);
    if (!call.ret_comment.empty()) line += ",\"return_comment\":" + json_string(call.ret_comment);
  }
  line += fmt::format(",\"start\":{}.{:06}", start.wall_ns / 1000000000, (start.wall_ns % 1000000000) / 1000);
  if (end) {
    int64_t d = end->mono_ns - start.mono_ns;
    line += fmt::format(",\"duration\":{}.{:06}", d / 1000000000, (d % 1000000000) / 1000);
  }
  line += "}\n";
  fwrite(line.data(), 1, line.size(), out_);
}

void JsonSink::syscall_entry(const SyscallCall& call, const EventContext& ctx) {
  pending_[call.tid] = {call, ctx.time};
}

void JsonSink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) {
  pending_.erase(call.tid);
  emit_call(call, entry_time, &ctx.time);
}

void JsonSink::signal_delivered(pid_t tid, const siginfo_t& si, const EventContext&) {
  std::string line = fmt::format("{{\"pid\":{},\"signal\":{}", tid, json_string(signal_name_or_number(si.si_signo)));
#ifdef SCT_HAVE_SIGINFO
  line += ",\"siginfo\":" + value_to_json(decode_siginfo(si));
#endif
  line += "}\n";
  fwrite(line.data(), 1, line.size(), out_);
}

void JsonSink::task_exited(pid_t tid, int status, const EventContext&) {
  auto it = pending_.find(tid);
  if (it != pending_.end()) {
    SyscallCall call = it->second.first;
    bool exits = call.row && call.row->ret == RetKind::NoReturn;
    call.no_return = exits;
    emit_call(call, it->second.second, exits ? &it->second.second : nullptr);
    pending_.erase(it);
  }
  std::string line;
  if (WIFEXITED(status))
    line = fmt::format("{{\"pid\":{},\"exit_code\":{}}}\n", tid, WEXITSTATUS(status));
  else
    line = fmt::format("{{\"pid\":{},\"killed_by\":{},\"core_dumped\":{}}}\n", tid,
                       json_string(signal_name_or_number(WTERMSIG(status))), WCOREDUMP(status) ? "true" : "false");
  fwrite(line.data(), 1, line.size(), out_);
}

void JsonSink::report_lost(uint64_t n) {
  std::string line = fmt::format("{{\"lost_events\":{}}}\n", n);
  fwrite(line.data(), 1, line.size(), out_);
}

void JsonSink::finish() { fflush(out_); }

}  // namespace sct
