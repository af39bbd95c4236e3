#include "sinks/strace_dumpio.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <cstring>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace sct {

namespace {

// Reads len bytes; nullopt-like empty result plus false when unreadable.
bool read_bytes(TraceeMemory& mem, uint64_t addr, uint64_t len, std::string* out) {
  if (len > (64u << 20)) return false;  // a bogus length: strace's allocation would fail too
  out->resize(len);
  return mem.read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(out->data()), len));
}

void dump_buffer(TraceeMemory& mem, uint64_t addr, uint64_t len, std::string& out) {
  std::string bytes;
  if (len == 0 || !read_bytes(mem, addr, len, &bytes)) return;
  append_hexdump(bytes, out);
}

// strace's dumpiov_upto(): each iovec in turn, at most data_size bytes in all;
// an empty iovec (or exhausted data) ends the dump.
void dump_iov(TraceeMemory& mem, uint64_t iov_addr, uint64_t count, uint64_t data_size, std::string& out) {
  if (count == 0 || count > 1024) return;
  std::vector<struct iovec> iov(count);
  if (!mem.read(iov_addr, std::span<std::byte>(reinterpret_cast<std::byte*>(iov.data()), count * sizeof(iovec))))
    return;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t len = iov[i].iov_len;
    if (len > data_size) len = data_size;
    if (len == 0) break;
    data_size -= len;
    fmt::format_to(std::back_inserter(out), " * {} bytes in buffer {}\n", len, i);
    dump_buffer(mem, reinterpret_cast<uint64_t>(iov[i].iov_base), len, out);
  }
}

void dump_msghdr(TraceeMemory& mem, uint64_t addr, uint64_t data_size, std::string& out) {
  struct msghdr msg;
  if (!mem.read_object(addr, &msg)) return;
  dump_iov(mem, reinterpret_cast<uint64_t>(msg.msg_iov), msg.msg_iovlen, data_size, out);
}

// sendmmsg/recvmmsg: each message the call handled (its return value),
// " = N buffers in vector K" and then its iovecs up to the message's length.
void dump_mmsghdr(TraceeMemory& mem, uint64_t addr, int64_t messages, std::string& out) {
  if (messages <= 0 || messages > 1024) return;
  for (int64_t i = 0; i < messages; ++i) {
    struct mmsghdr m;
    if (!mem.read_object(addr + static_cast<uint64_t>(i) * sizeof m, &m)) return;
    fmt::format_to(std::back_inserter(out), " = {} buffers in vector {}\n", m.msg_hdr.msg_iovlen, i);
    dump_iov(mem, reinterpret_cast<uint64_t>(m.msg_hdr.msg_iov), m.msg_hdr.msg_iovlen, m.msg_len, out);
  }
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  for (auto n : names)
    if (n == name) return true;
  return false;
}

}  // namespace

void append_hexdump(const std::string& bytes, std::string& out) {
  for (size_t off = 0; off < bytes.size(); off += 16) {
    fmt::format_to(std::back_inserter(out), " | {:05x}  ", off);
    std::string ascii;
    for (size_t i = 0; i < 16; ++i) {
      if (off + i < bytes.size()) {
        unsigned char c = static_cast<unsigned char>(bytes[off + i]);
        fmt::format_to(std::back_inserter(out), "{:02x} ", c);
        ascii += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.';
      } else {
        out += "   ";
        ascii += ' ';
      }
      if (i == 7) out += ' ';
    }
    out += ' ';
    out += ascii;
    out += " |\n";
  }
}

void append_dumpio(const SyscallCall& call, const FdSet& read_set, const FdSet& write_set, TraceeMemory& mem,
                   std::string& out) {
  const char* name = call.name();
  if (!name) return;
  const int fd = static_cast<int>(call.args[0]);
  if (fd < 0) return;
  const std::string_view n = name;
  if (write_set.contains(fd)) {
    if (one_of(n, {"write", "pwrite64", "send", "sendto", "mq_timedsend"}))
      dump_buffer(mem, call.args[1], call.args[2], out);
    else if (one_of(n, {"writev", "pwritev", "pwritev2", "vmsplice"}))
      dump_iov(mem, call.args[1], call.args[2], UINT64_MAX, out);
    else if (n == "sendmsg")
      dump_msghdr(mem, call.args[1], UINT64_MAX, out);
    else if (n == "sendmmsg" && !call.failed())
      dump_mmsghdr(mem, call.args[1], call.ret, out);
  }
  if (call.failed() || call.no_return) return;
  if (read_set.contains(fd)) {
    const uint64_t got = static_cast<uint64_t>(call.ret);
    if (one_of(n, {"read", "pread64", "recv", "recvfrom", "mq_timedreceive"}))
      dump_buffer(mem, call.args[1], got, out);
    else if (one_of(n, {"readv", "preadv", "preadv2"}))
      dump_iov(mem, call.args[1], call.args[2], got, out);
    else if (n == "recvmsg")
      dump_msghdr(mem, call.args[1], got, out);
    else if (n == "recvmmsg")
      dump_mmsghdr(mem, call.args[1], call.ret, out);
  }
}

}  // namespace sct
