// TEMPORARY stub: replaced by the full table.
#include "xlat/errnos.h"
#include <string.h>
namespace sct {
const char* errno_name(int e) { return strerrorname_np(e); }
const char* errno_message(int e) { return strerror(e); }
std::optional<int> errno_parse(std::string_view) { return std::nullopt; }
}
