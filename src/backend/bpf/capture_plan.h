// Which bytes the BPF programs copy for each syscall, derived from the
// syscall table's rows (DESIGN.md idea 1) and the decode options: paths in
// full, strings and buffers cut at -s (+1, so the decoders can tell a string
// that ends exactly there), output buffers sized by the return value, and
// structs by a fixed size when a custom decoder reads them. execve's strings
// are copied at entry (the old image is gone at exit), everything else at exit.
#pragma once

#include <linux/types.h>

#include <vector>

#include "backend/bpf/progs/records.h"
#include "decode/decoder.h"

namespace sct {

// The fixed size copied for a struct argument a custom decoder reads.
constexpr uint16_t kBpfStructCapture = 256;

// One plan per syscall number below SCT_MAX_SYSCALLS (index = number).
// whole_buffers: data buffers are copied up to SCT_CAP_MAX, not -s bytes.
std::vector<sct_plan> build_capture_plan(const DecodeOptions& opt, bool decode, bool whole_buffers = false);

}  // namespace sct
