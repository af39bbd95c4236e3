// Reading one ring-buffer record (progs/records.h) back: its header, and its
// captured bytes as a TraceeMemory mapped at their original addresses, so
// that the decoders read the tracee's memory as the kernel saw it.
//
// A syscall with in/out arguments has two sets of captures: an entry copy
// (SCT_REC_ENTRY_COPY: the arguments before the kernel overwrote them) and
// its exit record. Decoding at entry reads the entry copy first, decoding at
// exit the exit record first; each falls back on the other for bytes it lacks
// (paths, for instance, are copied at exit only).
#pragma once

#include <linux/types.h>

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backend/bpf/fd_identity.h"
#include "backend/bpf/progs/records.h"
#include "core/tracee_memory.h"
#include "sinks/pid_comm.h"

namespace sct {

// The header of a record of size bytes; nullopt when it is malformed.
std::optional<sct_rec_hdr> read_record_header(const void* data, size_t size);

// Calls fn(record, size) for each record of one ring-buffer sample: the
// kernel sends syscall records in per-CPU batches, back to back (each record's
// size is in its header, a multiple of 8). Stops at a malformed one.
template <class Fn>
void for_each_record(const void* data, size_t size, Fn&& fn) {
  const auto* bytes = static_cast<const char*>(data);
  size_t off = 0;
  while (off < size) {
    auto h = read_record_header(bytes + off, size - off);
    if (!h) return;
    fn(static_cast<const void*>(bytes + off), static_cast<size_t>(h->size));
    off += h->size;
  }
}

// The captures of one record, or two (exit record and entry copy). It does
// not own the bytes: the record (and entry copy) must outlive its use.
class CaptureMemory final : public TraceeMemory {
 public:
  void clear();
  // Adds every capture of the record. A string cut by the copy is mapped
  // without the NUL the kernel appended, so that the decoders see it go on.
  void add_record(const void* data, size_t size, bool entry_copy);
  // Which captures win where both hold an address.
  void set_entering(bool entering) { entering_ = entering; }
  // The stack pointer at entry, when a capture was taken there (SCT_CAP_STACK).
  uint64_t stack_pointer() const { return stack_pointer_; }
  // execve's strings copied from the new image at exit (SCT_CAP_EXECFN,
  // SCT_CAP_ARGV_STRINGS): mapped where the call's arguments pointed, the
  // file name at path and argv's strings at the pointers of the argv array
  // (as captured at entry), so that its entry decodes as if copied then.
  void map_exec_strings(uint64_t path, uint64_t argv);

  // The descriptor identities (SCT_CAP_FDINFO captures, not memory) of the
  // records added, in their order.
  const std::vector<FdIdentity>& fd_identities() const { return fd_identities_; }

  bool read(uint64_t addr, std::span<std::byte> out) override;
  size_t read_partial(uint64_t addr, std::span<std::byte> out) override;
  // SCT_CAP_COUNT captures (getdents: entries counted by the kernel).
  std::optional<uint64_t> counted_entries(uint64_t addr) const override;

 private:
  struct Region {
    uint64_t addr;
    const char* bytes;
    size_t len;
    bool entry_copy;
    uint32_t flags;
  };
  void add_owned(uint64_t addr, std::string bytes);
  // Higher wins: the current phase's captures, then the later one.
  size_t rank(size_t i) const {
    return (regions_[i].entry_copy == entering_ ? regions_.size() : 0) + i;
  }
  std::vector<Region> regions_;
  std::deque<std::string> owned_;  // bytes made here (map_exec_strings)
  std::map<uint64_t, uint64_t> counts_;  // SCT_CAP_COUNT: by buffer address
  bool entering_ = false;
  uint64_t stack_pointer_ = 0;
  std::vector<FdIdentity> fd_identities_;
};

// The entry copies waiting for their syscall's exit record, per task.
class EntryCopies {
 public:
  void keep(const sct_rec_hdr& h, const void* data, size_t size);
  // The entry copy of the syscall whose exit record h is, added to mem;
  // forgets it (and any older one of the task).
  void take(const sct_rec_hdr& h, CaptureMemory& mem);
  void forget(pid_t tid) { copies_.erase(tid); }
  // Whether tid has an entry copy waiting (a syscall in progress).
  bool waiting(pid_t tid) const { return copies_.count(tid) != 0; }

 private:
  struct Copy {
    int64_t nr;
    uint64_t enter_ns;
    std::string bytes;
  };
  std::map<pid_t, Copy> copies_;
  std::string taken_;  // the copy handed to a CaptureMemory last (it reads from it)
};

// -Y: the comms the kernel recorded with one record (SCT_CAP_COMM,
// progs/comm_capture.h), by tid: as they were at the syscall's entry and at
// the record's time (its exit). While the entry half is printed, the entry
// comms come first (a later rename or reap is not seen), then those taken at
// exit; the exit half sees only the latter. Unknown tids: nullopt (/proc).
class RecordComms final : public CommSource {
 public:
  // skip: bytes between the header and the captures (a signal's siginfo).
  void read(const void* data, size_t size, size_t skip = 0);
  void clear() { entry_.clear(), exit_.clear(); }
  void set_entering(bool entering) { entering_ = entering; }
  std::optional<std::string> comm(int64_t pid) const override;

 private:
  std::map<int64_t, std::string> entry_, exit_;
  bool entering_ = false;
};

}  // namespace sct
