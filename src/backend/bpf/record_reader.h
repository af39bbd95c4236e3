// Reading one ring-buffer record (progs/records.h) back: its header, and its
// captured bytes as a TraceeMemory mapped at their original addresses, so
// that the decoders read the tracee's memory as the kernel saw it.
#pragma once

#include <linux/types.h>

#include <cstddef>
#include <optional>

#include "backend/bpf/progs/records.h"
#include "core/tracee_memory.h"

namespace sct {

// The header of a record of size bytes; nullopt when it is malformed.
std::optional<sct_rec_hdr> read_record_header(const void* data, size_t size);

// Adds every capture of the record to mem. A string cut by the copy is mapped
// without the NUL the kernel appended, so that the decoders see it go on.
void map_record_captures(const void* data, size_t size, FakeMemory& mem);

}  // namespace sct
