#include "backend/bpf/record_reader.h"

#include <algorithm>
#include <cstring>

namespace sct {

std::optional<sct_rec_hdr> read_record_header(const void* data, size_t size) {
  sct_rec_hdr h;
  if (size < sizeof h) return std::nullopt;
  memcpy(&h, data, sizeof h);
  if (h.size > size || h.size < sizeof h) return std::nullopt;
  return h;
}

void CaptureMemory::clear() {
  regions_.clear();
  owned_.clear();
  counts_.clear();
  stack_pointer_ = 0;
  entering_ = false;
  fd_identities_.clear();
}

void CaptureMemory::add_record(const void* data, size_t size, bool entry_copy) {
  const auto* bytes = static_cast<const char*>(data);
  sct_rec_hdr h;
  if (size < sizeof h) return;
  memcpy(&h, data, sizeof h);
  size_t end = h.size <= size ? h.size : size;
  size_t off = sizeof h;
  while (off + sizeof(sct_cap_hdr) <= end) {
    sct_cap_hdr c;
    memcpy(&c, bytes + off, sizeof c);
    off += sizeof c;
    if (c.len > end - off) return;
    if (c.flags & SCT_CAP_FDINFO) {
      if (c.len == sizeof(sct_fdinfo)) {
        FdIdentity id;
        memcpy(&id.info, bytes + off, sizeof id.info);
        id.at_entry = c.flags & SCT_CAP_FD_AT_ENTRY;
        fd_identities_.push_back(id);
      }
      off += (c.len + 7) & ~size_t{7};
      continue;
    }
    if (c.flags & (SCT_CAP_COMM | SCT_CAP_COUNT)) {  // not memory
      if ((c.flags & SCT_CAP_COUNT) && c.len == 8) {
        uint64_t n;
        memcpy(&n, bytes + off, 8);
        counts_[c.addr] = n;
      }
      off += (c.len + 7) & ~size_t{7};
      continue;
    }
    regions_.push_back({c.addr, bytes + off, c.len, entry_copy, c.flags});
    if (c.flags & SCT_CAP_AT_SP) stack_pointer_ = c.addr;
    off += (c.len + 7) & ~size_t{7};
  }
}

void CaptureMemory::add_owned(uint64_t addr, std::string bytes) {
  owned_.push_back(std::move(bytes));
  // Made to stand for the entry's memory: ranked as an entry copy, and above
  // every capture so far.
  regions_.push_back({addr, owned_.back().data(), owned_.back().size(), true, 0});
}

void CaptureMemory::map_exec_strings(uint64_t path, uint64_t argv) {
  std::string file, strings;
  bool have_file = false, have_strings = false;
  for (const Region& r : regions_) {
    if (r.flags & SCT_CAP_EXECFN) file.assign(r.bytes, r.len), have_file = true;
    if (r.flags & SCT_CAP_ARGV_STRINGS) strings.assign(r.bytes, r.len), have_strings = true;
  }
  if (have_file && path) {
    // With its NUL: the decoders read the name up to it.
    if (file.empty() || file.back() != '\0') file.push_back('\0');
    add_owned(path, file);
  }
  if (!have_strings || !argv) return;
  size_t at = 0;
  for (uint64_t i = 0; at < strings.size() && i < SCT_ARRAY_MAX; ++i) {
    uint64_t ptr = 0;
    if (!read_object(argv + i * sizeof ptr, &ptr) || ptr == 0) break;
    size_t end = strings.find('\0', at);
    if (end == std::string::npos) end = strings.size() - 1;
    // A string already captured at entry stays as it is.
    char probe;
    if (!read_object(ptr, &probe)) add_owned(ptr, strings.substr(at, end + 1 - at));
    at = end + 1;
  }
}

bool CaptureMemory::read(uint64_t addr, std::span<std::byte> out) { return read_partial(addr, out) == out.size(); }

size_t CaptureMemory::read_partial(uint64_t addr, std::span<std::byte> out) {
  size_t done = 0;
  while (done < out.size()) {
    uint64_t cur = addr + done;
    // The best-ranked capture holding cur...
    size_t best = regions_.size();
    for (size_t i = 0; i < regions_.size(); ++i) {
      const Region& r = regions_[i];
      if (cur >= r.addr && cur - r.addr < r.len && (best == regions_.size() || rank(i) > rank(best))) best = i;
    }
    if (best == regions_.size()) break;
    const Region& r = regions_[best];
    // ...up to its end, or to where a better-ranked one begins.
    uint64_t stop = std::min<uint64_t>(r.addr + r.len, addr + out.size());
    for (size_t i = 0; i < regions_.size(); ++i)
      if (regions_[i].addr > cur && regions_[i].addr < stop && regions_[i].len && rank(i) > rank(best))
        stop = regions_[i].addr;
    size_t n = static_cast<size_t>(stop - cur);
    memcpy(out.data() + done, r.bytes + (cur - r.addr), n);
    done += n;
  }
  return done;
}

void EntryCopies::keep(const sct_rec_hdr& h, const void* data, size_t size) {
  copies_[static_cast<pid_t>(h.tid)] = {h.nr, h.enter_ns, std::string(static_cast<const char*>(data), size)};
}

void EntryCopies::take(const sct_rec_hdr& h, CaptureMemory& mem) {
  auto it = copies_.find(static_cast<pid_t>(h.tid));
  if (it == copies_.end()) return;
  if (it->second.nr == h.nr && it->second.enter_ns == h.enter_ns) {
    taken_ = std::move(it->second.bytes);
    mem.add_record(taken_.data(), taken_.size(), true);
  }
  copies_.erase(it);
}

std::optional<uint64_t> CaptureMemory::counted_entries(uint64_t addr) const {
  auto it = counts_.find(addr);
  if (it == counts_.end()) return std::nullopt;
  return it->second;
}

void RecordComms::read(const void* data, size_t size, size_t skip) {
  entry_.clear();
  exit_.clear();
  entering_ = false;
  const auto* bytes = static_cast<const char*>(data);
  sct_rec_hdr h;
  if (size < sizeof h) return;
  memcpy(&h, data, sizeof h);
  size_t end = h.size <= size ? h.size : size;
  size_t off = sizeof h + skip;
  while (off + sizeof(sct_cap_hdr) <= end) {
    sct_cap_hdr c;
    memcpy(&c, bytes + off, sizeof c);
    off += sizeof c;
    if (c.len > end - off) return;
    if (c.flags & SCT_CAP_COMM) {
      // The kernel's comm: up to 16 bytes, NUL-terminated when shorter.
      std::string comm(bytes + off, strnlen(bytes + off, std::min<size_t>(c.len, 16)));
      auto& table = (c.flags & SCT_CAP_COMM_ENTRY) ? entry_ : exit_;
      table[static_cast<int64_t>(c.addr)] = std::move(comm);
    }
    off += (c.len + 7) & ~size_t{7};
  }
}

std::optional<std::string> RecordComms::comm(int64_t pid) const {
  if (entering_)
    if (auto it = entry_.find(pid); it != entry_.end()) return it->second;
  if (auto it = exit_.find(pid); it != exit_.end()) return it->second;
  return std::nullopt;
}

}  // namespace sct
