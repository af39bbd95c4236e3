// poll, ppoll, select, pselect6 and the epoll family. The descriptor sets
// and pollfd arrays print at entry; the ready ones go in the return comment
// at exit: "= 2 ([{fd=3, revents=POLLIN}, ...], left {...})", "= 0 (Timeout)".
#include <poll.h>
#include <sys/epoll.h>

#include <cstring>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/fs_common.h"
#include "sinks/strace_render.h"
#include "xlat/fs_flags.h"

namespace sct {
namespace {

int32_t as_int(uint64_t raw) { return static_cast<int32_t>(raw); }

Value pollfd_array(DecodeContext& ctx, uint64_t addr, uint32_t nfds) {
  return fs::array(ctx, addr, nfds, sizeof(struct pollfd), [&](const std::string& bytes) {
    struct pollfd p;
    memcpy(&p, bytes.data(), sizeof p);
    Value v = Value::structure();
    v.add("fd", ctx.fd(p.fd));
    if (p.fd >= 0) v.add("events", fs::flags(xlat::poll_events, static_cast<uint16_t>(p.events)));
    return v;
  });
}

// The exit comment of poll/ppoll: the pollfds with events, then the time left.
void poll_exit(SyscallCall& call, DecodeContext& ctx, uint64_t timeout_addr) {
  if (call.failed()) return;
  if (call.ret == 0) {
    call.ret_comment = "(Timeout)";
    return;
  }
  // -e verbose=none: strace prints no comment at all.
  if (!ctx.options().deref) return;
  uint64_t start = call.args[0];
  uint32_t nfds = static_cast<uint32_t>(call.args[1]);
  // Kept as parts (a note, not text) so that -X reaches the revents.
  std::vector<Value> parts;
  auto text = [&parts](std::string t) { parts.push_back(Value::raw(std::move(t))); };
  if (start && nfds) {
    bool any = false;
    size_t printed = 0;
    const DecodeOptions& opt = ctx.options();
    bool abbrev = opt.abbrev && !opt.verbose;
    for (uint32_t i = 0; i < nfds; ++i) {
      uint64_t cur = start + i * sizeof(struct pollfd);
      auto p = ctx.object<struct pollfd>(cur);
      if (p && !p->revents) continue;
      text(any ? ", " : "[");
      any = true;
      if (!p) {
        text(fmt::format("{:#x}", cur));
        break;
      }
      if (abbrev && printed + 1 > opt.string_limit) {
        text("...");
        break;
      }
      text(fmt::format("{{fd={}, revents=", p->fd));
      parts.push_back(fs::flags_plain(xlat::poll_events, static_cast<uint16_t>(p->revents)));
      text("}");
      ++printed;
    }
    if (any) text("]");
  }
  if (timeout_addr) {
    auto ts = ctx.object<struct timespec>(timeout_addr);
    text(parts.empty() ? "left " : ", left ");
    text(ts ? render_value(fs::timespec_value(ts->tv_sec, ts->tv_nsec)) : fmt::format("{:#x}", timeout_addr));
  }
  if (parts.empty()) return;
  text(")");
  Value note = Value::raw("(");
  for (auto& part : parts) note.fields.emplace_back("", std::move(part));
  call.ret_note = std::move(note);
}

// A select fd_set: [3 4], NULL, or the address.
Value fdset_value(DecodeContext& ctx, uint64_t addr, int nfds) {
  if (addr == 0) return Value::addr(0);
  size_t size = nfds > 0 ? ((static_cast<size_t>(nfds) + 7) / 8 + 7) & ~size_t{7} : 0;
  if (size == 0) return Value::addr(addr);
  std::string bits(size, '\0');
  if (!ctx.mem().read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(bits.data()), size)))
    return Value::unavailable(addr);
  std::string text = "[";
  bool first = true;
  for (int fd = 0; fd < nfds; ++fd) {
    if (!(static_cast<unsigned char>(bits[fd / 8]) & (1u << (fd % 8)))) continue;
    if (!first) text += ' ';
    first = false;
    text += render_value(ctx.fd(fd));
  }
  text += ']';
  return Value::raw(text);
}

void select_entry(SyscallCall& call, DecodeContext& ctx, bool timespec) {
  int nfds = as_int(call.args[0]);
  int capped = nfds > 1024 * 1024 ? 1024 * 1024 : nfds;
  call.arg(Value::integer(nfds));
  for (int i = 1; i <= 3; ++i) call.arg(fdset_value(ctx, call.args[i], capped));
  call.arg(timespec ? fs::timespec_at(ctx, call.args[4]) : fs::timeval_at(ctx, call.args[4]));
}

void select_exit(SyscallCall& call, DecodeContext& ctx, bool timespec) {
  if (call.failed()) return;
  if (call.ret == 0) {
    call.ret_comment = "(Timeout)";
    return;
  }
  int nfds = as_int(call.args[0]);
  if (nfds > 1024 * 1024) nfds = 1024 * 1024;
  size_t size = nfds > 0 ? ((static_cast<size_t>(nfds) + 7) / 8 + 7) & ~size_t{7} : 0;
  int64_t ready = call.ret;
  std::string out, sep;
  static const char* const kNames[] = {"in", "out", "except"};
  for (int i = 0; i < 3 && ready > 0; ++i) {
    uint64_t addr = call.args[i + 1];
    std::string bits(size, '\0');
    if (!addr || !size ||
        !ctx.unfiltered_mem().read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(bits.data()), size)))
      continue;
    bool first = true;
    for (int fd = 0; fd < nfds; ++fd) {
      if (!(static_cast<unsigned char>(bits[fd / 8]) & (1u << (fd % 8)))) continue;
      if (first) {
        out += fmt::format("{}{} [{}", sep, kNames[i], fd);
        first = false;
        sep = ", ";
      } else {
        out += fmt::format(" {}", fd);
      }
      if (--ready == 0) break;
    }
    if (!first) out += ']';
  }
  if (uint64_t t = call.args[4]) {
    std::string left;
    if (timespec) {
      auto ts = ctx.object<struct timespec>(t);
      left = ts ? render_value(fs::timespec_value(ts->tv_sec, ts->tv_nsec)) : fmt::format("{:#x}", t);
    } else {
      auto tv = ctx.object<struct timeval>(t);
      left = tv ? render_value(fs::timeval_value(tv->tv_sec, tv->tv_usec)) : fmt::format("{:#x}", t);
    }
    out += sep + "left " + left;
  }
  call.ret_comment = "(" + out + ")";
}

// struct epoll_event: {events=EPOLLIN, data={u32=3, u64=3}}.
Value epoll_event_value(const struct epoll_event& ev) {
  Value d = Value::structure();
  d.add("u32", Value::uinteger(ev.data.u32));
  d.add("u64", Value::uinteger(ev.data.u64));
  Value v = Value::structure();
  v.add("events", fs::flags(xlat::epoll_events, ev.events));
  v.add("data", d);
  return v;
}

Value epoll_events_out(DecodeContext& ctx, uint64_t addr, int64_t n) {
  if (ctx.call().failed()) return ctx.addr(addr);
  return fs::array(ctx, addr, static_cast<uint64_t>(n), sizeof(struct epoll_event), [](const std::string& b) {
    struct epoll_event ev;
    memcpy(&ev, b.data(), sizeof ev);
    return epoll_event_value(ev);
  });
}

}  // namespace

SCT_DECODER(poll) {
  if (ctx.entering()) {
    call.arg(pollfd_array(ctx, call.args[0], static_cast<uint32_t>(call.args[1])));
    call.arg(Value::uinteger(static_cast<uint32_t>(call.args[1])));
    call.arg(Value::integer(as_int(call.args[2])));
    fs::finish(call);
    return;
  }
  poll_exit(call, ctx, 0);
}

SCT_DECODER(ppoll) {
  if (ctx.entering()) {
    call.arg(pollfd_array(ctx, call.args[0], static_cast<uint32_t>(call.args[1])));
    call.arg(Value::uinteger(static_cast<uint32_t>(call.args[1])));
    call.arg(fs::timespec_at(ctx, call.args[2]));
    call.arg(ctx.sigset(call.args[3], call.args[4]));
    call.arg(Value::uinteger(call.args[4]));
    fs::finish(call);
    return;
  }
  poll_exit(call, ctx, call.args[2]);
}

SCT_DECODER(select) {
  if (ctx.entering()) {
    select_entry(call, ctx, false);
    fs::finish(call);
    return;
  }
  select_exit(call, ctx, false);
}

// pselect6's sixth argument points to {const sigset_t *ss; size_t ss_len}.
SCT_DECODER(pselect6) {
  if (ctx.entering()) {
    select_entry(call, ctx, true);
    uint64_t addr = call.args[5];
    struct {
      uint64_t ss, len;
    } data;
    if (addr == 0) {
      call.arg(Value::addr(0));
    } else if (!ctx.mem().read_object(addr, &data)) {
      call.arg(Value::unavailable(addr));
    } else {
      Value v = Value::structure();
      v.add("sigmask", ctx.sigset(data.ss, data.len));
      v.add("sigsetsize", Value::uinteger(data.len));
      call.arg(v);
    }
    fs::finish(call);
    return;
  }
  select_exit(call, ctx, true);
}

SCT_DECODER(epoll_create) {
  if (!ctx.entering()) return;
  call.arg(Value::integer(as_int(call.args[0])));
  fs::finish(call);
}

SCT_DECODER(epoll_create1) {
  if (!ctx.entering()) return;
  call.arg(fs::flags(xlat::epoll_create_flags, static_cast<uint32_t>(call.args[0])));
  fs::finish(call);
}

SCT_DECODER(epoll_ctl) {
  if (!ctx.entering()) return;
  call.arg(ctx.fd(as_int(call.args[0])));
  call.arg(fs::xval(xlat::epoll_ctl_ops, static_cast<uint32_t>(call.args[1])));
  call.arg(ctx.fd(as_int(call.args[2])));
  uint64_t addr = call.args[3];
  if (addr == 0) {
    call.arg(Value::addr(0));
  } else if (auto ev = ctx.object<struct epoll_event>(addr)) {
    call.arg(epoll_event_value(*ev));
  } else {
    call.arg(Value::unavailable(addr));
  }
  fs::finish(call);
}

// epoll_wait, epoll_pwait, epoll_pwait2: everything after the descriptor is
// printed at exit, as strace does.
SCT_DECODER(epoll_wait) {
  if (ctx.entering()) {
    call.arg(ctx.fd(as_int(call.args[0])));
    call.total_args = 4;
    return;
  }
  call.arg(epoll_events_out(ctx, call.args[1], call.ret));
  call.arg(Value::integer(as_int(call.args[2])));
  call.arg(Value::integer(as_int(call.args[3])));
}

SCT_DECODER(epoll_pwait) {
  if (ctx.entering()) {
    call.arg(ctx.fd(as_int(call.args[0])));
    call.total_args = 6;
    return;
  }
  call.arg(epoll_events_out(ctx, call.args[1], call.ret));
  call.arg(Value::integer(as_int(call.args[2])));
  call.arg(Value::integer(as_int(call.args[3])));
  call.arg(ctx.sigset(call.args[4], call.args[5]));
  call.arg(Value::uinteger(call.args[5]));
}

SCT_DECODER(epoll_pwait2) {
  if (ctx.entering()) {
    call.arg(ctx.fd(as_int(call.args[0])));
    call.total_args = 6;
    return;
  }
  call.arg(epoll_events_out(ctx, call.args[1], call.ret));
  call.arg(Value::integer(as_int(call.args[2])));
  uint64_t t = call.args[3];
  Value tv = Value::addr(0);
  if (t) {
    auto ts = ctx.object<struct timespec>(t);
    tv = ts ? fs::timespec_value(ts->tv_sec, ts->tv_nsec) : Value::unavailable(t);
  }
  call.arg(tv);
  call.arg(ctx.sigset(call.args[4], call.args[5]));
  call.arg(Value::uinteger(call.args[5]));
}

}  // namespace sct
