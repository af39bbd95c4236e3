// -y/-yy: what a descriptor refers to, read from /proc/<tid>/fd.
#pragma once

#include "decode/decoder.h"

namespace sct {

class ProcFdResolver final : public FdResolver {
 public:
  std::optional<std::string> fd_path(pid_t tid, int fd) override;
  std::optional<std::string> fd_detail(pid_t tid, int fd, int classes) override;
};

}  // namespace sct
