// ioctl request names, as strace 6.1 prints them on x86_64.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sct {

// Every name strace knows for this request number, in strace's order
// (usually one; TCSETS is "SNDCTL_TMR_START or TCSETS"). Empty if unknown.
std::vector<const char*> ioctl_names(uint32_t code);
// The number of a request name (for filters and D predicates).
std::optional<uint32_t> ioctl_code(std::string_view name);

}  // namespace sct
