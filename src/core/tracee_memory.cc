#include "core/tracee_memory.h"

#include <sys/uio.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace sct {

size_t TraceeMemory::read_partial(uint64_t addr, std::span<std::byte> out) {
  return read(addr, out) ? out.size() : 0;
}

std::optional<std::string> TraceeMemory::read_cstring(uint64_t addr, size_t max_len, bool* terminated) {
  // Read in page-bounded chunks: a string near the end of a mapping must not
  // fail just because the chunk after it is unmapped.
  std::string result;
  *terminated = false;
  constexpr size_t kPage = 4096;
  while (result.size() < max_len) {
    uint64_t cur = addr + result.size();
    size_t chunk = kPage - (cur % kPage);
    if (chunk > max_len - result.size() + 1) chunk = max_len - result.size() + 1;
    std::vector<std::byte> buf(chunk);
    size_t got = read_partial(cur, buf);
    if (got == 0) {
      if (result.empty()) return std::nullopt;
      return result;
    }
    const char* p = reinterpret_cast<const char*>(buf.data());
    const void* nul = std::memchr(p, 0, got);
    if (nul) {
      size_t n = static_cast<const char*>(nul) - p;
      if (result.size() + n > max_len) {
        result.append(p, max_len - result.size());
        return result;
      }
      result.append(p, n);
      *terminated = true;
      return result;
    }
    size_t take = got;
    if (result.size() + take > max_len) take = max_len - result.size();
    result.append(p, take);
    if (got < chunk) return result;  // hit unreadable memory
  }
  // max_len bytes and no NUL yet: peek one more to see if it ends exactly here.
  std::byte b{};
  if (read(addr + result.size(), std::span<std::byte>(&b, 1)) && b == std::byte{0}) *terminated = true;
  return result;
}

bool ProcessMemory::read(uint64_t addr, std::span<std::byte> out) {
  if (out.empty()) return true;
  return read_partial(addr, out) == out.size();
}

size_t ProcessMemory::read_partial(uint64_t addr, std::span<std::byte> out) {
  if (out.size() <= kCachedReadMax) return read_through_window(addr, out);
  return read_uncached(addr, out);
}

size_t ProcessMemory::read_through_window(uint64_t addr, std::span<std::byte> out) {
  size_t done = 0;
  while (done < out.size()) {
    uint64_t cur = addr + done;
    uint64_t window = cur & ~uint64_t{kWindow - 1};
    if (window != cached_window_) {
      // The window lies within one page, which is mapped whole or not at all,
      // so one read either fills the copy or tells that nothing from cur to
      // the window's end is readable.
      if (read_uncached(window, std::span<std::byte>(window_, kWindow)) != kWindow) {
        cached_window_ = kNoWindow;
        break;
      }
      cached_window_ = window;
    }
    size_t offset = cur - window;
    size_t n = std::min(kWindow - offset, out.size() - done);
    std::memcpy(out.data() + done, window_ + offset, n);
    done += n;
  }
  return done;
}

size_t ProcessMemory::read_uncached(uint64_t addr, std::span<std::byte> out) {
  size_t done = 0;
  while (done < out.size()) {
    struct iovec local = {out.data() + done, out.size() - done};
    struct iovec remote = {reinterpret_cast<void*>(addr + done), out.size() - done};
    ssize_t n = process_vm_readv(pid_, &local, 1, &remote, 1, 0);
    if (n <= 0) {
      // A read that spans an unmapped page fails whole; retry up to the page
      // boundary so that the readable prefix is still returned.
      uint64_t cur = addr + done;
      size_t to_boundary = 4096 - (cur % 4096);
      if (to_boundary >= out.size() - done) break;
      local.iov_len = remote.iov_len = to_boundary;
      n = process_vm_readv(pid_, &local, 1, &remote, 1, 0);
      if (n <= 0) break;
    }
    done += static_cast<size_t>(n);
  }
  return done;
}

bool FakeMemory::read(uint64_t addr, std::span<std::byte> out) {
  return read_partial(addr, out) == out.size();
}

size_t FakeMemory::read_partial(uint64_t addr, std::span<std::byte> out) {
  size_t done = 0;
  while (done < out.size()) {
    uint64_t cur = addr + done;
    auto it = regions_.upper_bound(cur);
    if (it == regions_.begin()) break;
    --it;
    uint64_t start = it->first;
    const std::string& bytes = it->second;
    if (cur >= start + bytes.size()) break;
    size_t off = cur - start;
    size_t n = std::min(bytes.size() - off, out.size() - done);
    std::memcpy(out.data() + done, bytes.data() + off, n);
    done += n;
  }
  return done;
}

}  // namespace sct
