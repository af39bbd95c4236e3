// All reads of a tracee's memory go through TraceeMemory (DESIGN.md idea 5):
// process_vm_readv for the ptrace engine, the captured payload for eBPF, a
// fake for unit tests. A failed read is reported, never papered over: the
// decoders then print the address, as strace does.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>

namespace sct {

class TraceeMemory {
 public:
  virtual ~TraceeMemory() = default;
  // Reads exactly out.size() bytes at addr. False if any byte is unreadable.
  virtual bool read(uint64_t addr, std::span<std::byte> out) = 0;
  // Reads up to out.size() bytes; returns how many were readable from addr on
  // (a read that crosses into an unmapped page stops there).
  virtual size_t read_partial(uint64_t addr, std::span<std::byte> out);
  // Reads a NUL-terminated string of at most max_len bytes (not counting the
  // NUL). nullopt if addr itself is unreadable. *terminated says whether the
  // NUL was found within max_len bytes.
  std::optional<std::string> read_cstring(uint64_t addr, size_t max_len, bool* terminated);

  template <typename T>
  bool read_object(uint64_t addr, T* out) {
    return read(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(out), sizeof(T)));
  }

  // The number of entries the tracer counted in the buffer at addr where it
  // could not copy the buffer whole (the eBPF engine's getdents counts);
  // nullopt otherwise (read the buffer instead).
  virtual std::optional<uint64_t> counted_entries(uint64_t) const { return std::nullopt; }
};

// process_vm_readv on a live task; the ptrace engine's memory.
//
// Small reads are served from a copy of the 512-byte aligned window around
// them, fetched once per stop: decoding one execve reads its envp pointer by
// pointer (40+ reads of 8 bytes), and argv strings sit side by side. strace
// 6.1 caches similarly (ucopy.c), by page; a whole page per stop made the
// 1-byte buffers of a syscall storm ~10% slower, a window does not. The tracee
// may run between two stops, so the copy is dropped by begin_stop(), which
// the engine calls at every stop.
class ProcessMemory final : public TraceeMemory {
 public:
  explicit ProcessMemory(pid_t pid) : pid_(pid) {}
  // The task whose memory the next reads are from; forgets the cached window.
  void begin_stop(pid_t pid) {
    pid_ = pid;
    cached_window_ = kNoWindow;
  }
  bool read(uint64_t addr, std::span<std::byte> out) override;
  size_t read_partial(uint64_t addr, std::span<std::byte> out) override;

 private:
  // A power of two that divides the page size, so a window never spans two
  // pages (a page is mapped whole or not at all).
  static constexpr size_t kWindow = 512;
  static constexpr uint64_t kNoWindow = ~uint64_t{0};
  // Reads that go through the window copy; larger ones (buffers) go straight
  // to the tracee.
  static constexpr size_t kCachedReadMax = 512;

  size_t read_uncached(uint64_t addr, std::span<std::byte> out);
  size_t read_through_window(uint64_t addr, std::span<std::byte> out);

  pid_t pid_;
  uint64_t cached_window_ = kNoWindow;  // address of the window in window_
  std::byte window_[kWindow];
};

// A sparse address space for unit tests and for the eBPF engine's captured
// bytes: regions of bytes at given addresses; everything else is unreadable.
class FakeMemory final : public TraceeMemory {
 public:
  void map(uint64_t addr, std::string bytes) { regions_[addr] = std::move(bytes); }
  template <typename T>
  void map_object(uint64_t addr, const T& obj) {
    map(addr, std::string(reinterpret_cast<const char*>(&obj), sizeof(T)));
  }
  void clear() { regions_.clear(); }
  bool read(uint64_t addr, std::span<std::byte> out) override;
  size_t read_partial(uint64_t addr, std::span<std::byte> out) override;

 private:
  std::map<uint64_t, std::string> regions_;
};

}  // namespace sct
