// ProcessMemory against this very process (process_vm_readv on one's own pid
// needs no privilege): hits in the per-stop window copy, reads across page boundaries, the
// readable prefix before an unmapped page, and that begin_stop() forgets.
#include "core/tracee_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

#include <gtest/gtest.h>

namespace sct {
namespace {

constexpr size_t kPage = 4096;

// Two readable pages followed by an unmapped one.
struct Pages {
  Pages() {
    base = static_cast<char*>(mmap(nullptr, 3 * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    munmap(base + 2 * kPage, kPage);
    for (size_t i = 0; i < 2 * kPage; ++i) base[i] = static_cast<char>('a' + i % 26);
  }
  ~Pages() { munmap(base, 2 * kPage); }
  uint64_t at(size_t off) const { return reinterpret_cast<uint64_t>(base + off); }
  char* base;
};

TEST(ProcessMemoryTest, SmallReadsAcrossAPageBoundary) {
  Pages p;
  ProcessMemory mem(getpid());
  mem.begin_stop(getpid());
  char out[16];
  ASSERT_TRUE(mem.read(p.at(kPage - 8), std::as_writable_bytes(std::span(out))));
  EXPECT_EQ(0, std::memcmp(out, p.base + kPage - 8, sizeof out));
}

TEST(ProcessMemoryTest, ReadablePrefixBeforeAnUnmappedPage) {
  Pages p;
  ProcessMemory mem(getpid());
  mem.begin_stop(getpid());
  char out[64];
  EXPECT_EQ(24u, mem.read_partial(p.at(2 * kPage - 24), std::as_writable_bytes(std::span(out))));
  EXPECT_FALSE(mem.read(p.at(2 * kPage - 24), std::as_writable_bytes(std::span(out))));
  char big[1024];  // the uncached path reports the same prefix
  EXPECT_EQ(24u, mem.read_partial(p.at(2 * kPage - 24), std::as_writable_bytes(std::span(big))));
}

TEST(ProcessMemoryTest, ACopyLastsOneStop) {
  Pages p;
  ProcessMemory mem(getpid());
  mem.begin_stop(getpid());
  uint64_t word = 0;
  ASSERT_TRUE(mem.read_object(p.at(8), &word));
  uint64_t changed = 0x1122334455667788;
  std::memcpy(p.base + 8, &changed, sizeof changed);
  ASSERT_TRUE(mem.read_object(p.at(8), &word));
  EXPECT_NE(changed, word) << "within one stop the page copy is served";
  mem.begin_stop(getpid());
  ASSERT_TRUE(mem.read_object(p.at(8), &word));
  EXPECT_EQ(changed, word) << "a new stop reads the tracee again";
}

TEST(ProcessMemoryTest, StringsSpanningPages) {
  Pages p;
  std::memset(p.base + kPage - 10, 'x', 20);
  p.base[kPage + 10] = '\0';
  ProcessMemory mem(getpid());
  mem.begin_stop(getpid());
  bool terminated = false;
  auto s = mem.read_cstring(p.at(kPage - 10), 4096, &terminated);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(std::string(20, 'x'), *s);
  EXPECT_TRUE(terminated);
}

}  // namespace
}  // namespace sct
