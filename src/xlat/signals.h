// Signal names as strace prints them: SIGTERM; 32 is SIGRTMIN, 33.. SIGRT_1..
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sct {

// "SIGTERM", "SIGRTMIN", "SIGRT_3"; nullptr-equivalent (empty) when unknown.
std::string signal_name(int sig);
// The name, or the decimal number when there is none.
std::string signal_name_or_number(int sig);
// Parses "SIGTERM", "TERM", "term", "15", "SIGRT_3", "RTMIN".
std::optional<int> signal_parse(std::string_view name);
// The highest signal number (64 on x86_64).
constexpr int kMaxSignal = 64;

}  // namespace sct
