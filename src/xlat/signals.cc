// TEMPORARY stub: replaced by the full table.
#include "xlat/signals.h"
#include <string.h>
namespace sct {
std::string signal_name(int sig) { const char* a = sigabbrev_np(sig); return a ? std::string("SIG") + a : std::string(); }
std::string signal_name_or_number(int sig) { auto n = signal_name(sig); return n.empty() ? std::to_string(sig) : n; }
std::optional<int> signal_parse(std::string_view) { return std::nullopt; }
}
