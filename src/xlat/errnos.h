// errno names and the messages strace prints beside them:
// "= -1 ENOENT (No such file or directory)", including the kernel-internal
// ERESTARTSYS family ("= ? ERESTARTSYS (To be restarted if SA_RESTART is set)").
#pragma once

#include <optional>
#include <string_view>

namespace sct {

// "ENOENT", or nullptr for a number with no name.
const char* errno_name(int err);
// strace's message: glibc's strerror for ordinary errnos, strace's own text
// for the kernel-internal ones (512..530).
const char* errno_message(int err);
std::optional<int> errno_parse(std::string_view name);
constexpr int kMaxErrno = 4095;

}  // namespace sct
