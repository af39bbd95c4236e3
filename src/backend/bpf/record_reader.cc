#include "backend/bpf/record_reader.h"

#include <cstring>
#include <string>

namespace sct {

std::optional<sct_rec_hdr> read_record_header(const void* data, size_t size) {
  sct_rec_hdr h;
  if (size < sizeof h) return std::nullopt;
  memcpy(&h, data, sizeof h);
  if (h.size > size || h.size < sizeof h) return std::nullopt;
  return h;
}

void map_record_captures(const void* data, size_t size, FakeMemory& mem) {
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
    // A later capture at the same address replaces an earlier one.
    mem.map(c.addr, std::string(bytes + off, c.len));
    off += (c.len + 7) & ~size_t{7};
  }
}

}  // namespace sct
