#include "backend/bpf/record_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

namespace sct {
namespace {

// A record as the BPF program writes it: the header, then each capture's
// header and bytes padded to 8.
struct RecordBuilder {
  std::string bytes = std::string(sizeof(sct_rec_hdr), '\0');
  RecordBuilder& cap(uint64_t addr, const std::string& data, uint32_t flags = 0) {
    sct_cap_hdr c{addr, static_cast<uint32_t>(data.size()), flags};
    bytes.append(reinterpret_cast<const char*>(&c), sizeof c);
    bytes += data;
    bytes.append((8 - data.size() % 8) % 8, '\0');
    return *this;
  }
  std::string done(uint32_t type = SCT_REC_SYSCALL) {
    sct_rec_hdr h{};
    h.type = type;
    h.size = static_cast<uint32_t>(bytes.size());
    memcpy(bytes.data(), &h, sizeof h);
    return bytes;
  }
};

std::string read_str(TraceeMemory& mem, uint64_t addr, size_t n) {
  std::string out(n, '\0');
  size_t got = mem.read_partial(addr, std::span<std::byte>(reinterpret_cast<std::byte*>(out.data()), n));
  out.resize(got);
  return out;
}

TEST(ForEachRecord, ABatchIsSplitIntoItsRecordsAndAMalformedTailIsDropped) {
  std::string a = RecordBuilder().cap(0x1000, "abc").done();
  std::string b = RecordBuilder().done(SCT_REC_EXIT);
  std::string batch = a + b + std::string(8, '\0');  // a tail too short for a header
  std::vector<std::pair<uint32_t, size_t>> seen;
  for_each_record(batch.data(), batch.size(), [&](const void* rec, size_t n) {
    seen.emplace_back(read_record_header(rec, n)->type, n);
  });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], std::make_pair(uint32_t{SCT_REC_SYSCALL}, a.size()));
  EXPECT_EQ(seen[1], std::make_pair(uint32_t{SCT_REC_EXIT}, b.size()));
}

TEST(CaptureMemory, EachPhasePrefersItsOwnCopyAndFallsBackOnTheOther) {
  // sendfile's offset: 2 at entry, 7 at exit; a path captured at exit only.
  std::string exit_rec = RecordBuilder().cap(0x1000, "7").cap(0x2000, "/etc").done();
  std::string entry_rec = RecordBuilder().cap(0x1000, "2").done(SCT_REC_ENTRY_COPY);
  CaptureMemory mem;
  mem.add_record(exit_rec.data(), exit_rec.size(), false);
  mem.add_record(entry_rec.data(), entry_rec.size(), true);
  mem.set_entering(true);
  EXPECT_EQ(read_str(mem, 0x1000, 1), "2");
  EXPECT_EQ(read_str(mem, 0x2000, 4), "/etc");
  mem.set_entering(false);
  EXPECT_EQ(read_str(mem, 0x1000, 1), "7");
}

TEST(CaptureMemory, ANestedCaptureOverlaysItsArrayWithoutCuttingItsTail) {
  // A 16-byte region, and a later 2-byte capture inside it: reads across the
  // inner one see the later bytes there and the outer ones after it.
  std::string rec = RecordBuilder().cap(0x1000, "aaaaaaaaaaaaaaaa").cap(0x1004, "BB").done();
  CaptureMemory mem;
  mem.add_record(rec.data(), rec.size(), false);
  EXPECT_EQ(read_str(mem, 0x1000, 16), "aaaaBBaaaaaaaaaa");
  EXPECT_EQ(read_str(mem, 0x1005, 4), "Baaa");
  EXPECT_EQ(read_str(mem, 0x1010, 4), "");
  EXPECT_EQ(read_str(mem, 0x0fff, 4), "");
}

TEST(CaptureMemory, TheStackCaptureGivesTheStackPointer) {
  std::string rec = RecordBuilder().cap(0x7ff0, std::string(16, 'x'), SCT_CAP_AT_SP).done(SCT_REC_ENTRY_COPY);
  CaptureMemory mem;
  EXPECT_EQ(mem.stack_pointer(), 0u);
  mem.add_record(rec.data(), rec.size(), true);
  EXPECT_EQ(mem.stack_pointer(), 0x7ff0u);
}

TEST(CaptureMemory, ExecStringsFromTheNewImageGoWhereTheArgumentsPointed) {
  // Entry: the argv array (two pointers and NULL) was copied, its strings
  // and the path were not mapped. Exit: the new image's strings.
  uint64_t argv[3] = {0x5000, 0x6000, 0};
  std::string entry_rec = RecordBuilder().cap(0x4000, std::string(reinterpret_cast<const char*>(argv), sizeof argv))
                              .done(SCT_REC_ENTRY);
  std::string exit_rec = RecordBuilder()
                             .cap(0x7ff000, std::string("/bin/true\0", 10), SCT_CAP_EXECFN)
                             .cap(0x7fe000, std::string("true\0-x\0", 8), SCT_CAP_ARGV_STRINGS)
                             .done();
  CaptureMemory mem;
  mem.add_record(entry_rec.data(), entry_rec.size(), true);
  mem.add_record(exit_rec.data(), exit_rec.size(), false);
  mem.map_exec_strings(0x3000, 0x4000);
  mem.set_entering(true);
  EXPECT_EQ(read_str(mem, 0x3000, 10), std::string("/bin/true\0", 10));
  EXPECT_EQ(read_str(mem, 0x5000, 5), std::string("true\0", 5));
  EXPECT_EQ(read_str(mem, 0x6000, 3), std::string("-x\0", 3));
}

TEST(EntryCopies, PairedByTaskNumberAndEntryTime) {
  EntryCopies copies;
  sct_rec_hdr h{};
  h.tid = 42;
  h.nr = 40;
  h.enter_ns = 1000;
  std::string entry_rec = RecordBuilder().cap(0x1000, "2").done(SCT_REC_ENTRY_COPY);
  copies.keep(h, entry_rec.data(), entry_rec.size());
  sct_rec_hdr other = h;
  other.enter_ns = 2000;  // a later call of the task: the copy was not its own
  CaptureMemory mem;
  copies.take(other, mem);
  EXPECT_EQ(read_str(mem, 0x1000, 1), "");
  EXPECT_FALSE(copies.waiting(42));
  copies.keep(h, entry_rec.data(), entry_rec.size());
  copies.take(h, mem);
  mem.set_entering(true);
  EXPECT_EQ(read_str(mem, 0x1000, 1), "2");
}

TEST(CaptureMemory, CommsAndCountsAreNotMemory) {
  // A comm capture names a tid, a count capture a buffer: neither is mapped.
  std::string comm(16, '\0');
  memcpy(comm.data(), "kid", 3);
  uint64_t n = 208;
  std::string count(reinterpret_cast<const char*>(&n), 8);
  std::string rec = RecordBuilder()
                        .cap(0x1000, "abc")
                        .cap(1234, comm, SCT_CAP_COMM)
                        .cap(0x2000, count, SCT_CAP_COUNT)
                        .done();
  CaptureMemory mem;
  mem.add_record(rec.data(), rec.size(), false);
  EXPECT_EQ(read_str(mem, 0x1000, 3), "abc");
  EXPECT_EQ(read_str(mem, 1234, 3), "");
  EXPECT_EQ(read_str(mem, 0x2000, 8), "");
  EXPECT_EQ(mem.counted_entries(0x2000), std::optional<uint64_t>(208));
  EXPECT_EQ(mem.counted_entries(0x1000), std::nullopt);
}

TEST(RecordComms, TheEntryHalfSeesEntryCommsFirstTheExitHalfOnlyExitOnes) {
  auto comm16 = [](const char* s) {
    std::string c(16, '\0');
    memcpy(c.data(), s, strlen(s));
    return c;
  };
  // prctl(PR_SET_NAME) by 10: "old" at entry, "new" at exit; wait4 on 11,
  // alive at entry ("kid") and reaped at exit (len 0: no such task).
  std::string rec = RecordBuilder()
                        .cap(10, comm16("old"), SCT_CAP_COMM | SCT_CAP_COMM_ENTRY)
                        .cap(11, comm16("kid"), SCT_CAP_COMM | SCT_CAP_COMM_ENTRY)
                        .cap(10, comm16("new"), SCT_CAP_COMM)
                        .cap(11, "", SCT_CAP_COMM)
                        .cap(12, std::string("full_fifteen_ch") + '\0', SCT_CAP_COMM)
                        .done();
  RecordComms comms;
  comms.read(rec.data(), rec.size());
  comms.set_entering(true);
  EXPECT_EQ(comms.comm(10), std::optional<std::string>("old"));
  EXPECT_EQ(comms.comm(11), std::optional<std::string>("kid"));
  EXPECT_EQ(comms.comm(12), std::optional<std::string>("full_fifteen_ch"));
  EXPECT_EQ(comms.comm(13), std::nullopt);
  comms.set_entering(false);
  EXPECT_EQ(comms.comm(10), std::optional<std::string>("new"));
  EXPECT_EQ(comms.comm(11), std::optional<std::string>(""));
  // proc_comm asks the source set first.
  set_comm_source(&comms);
  EXPECT_EQ(proc_comm(10), "new");
  set_comm_source(nullptr);
}

}  // namespace
}  // namespace sct
