#include "backend/bpf/backend_choice.h"

#include <cstdio>

#include "backend/bpf/bpf_engine.h"

namespace sct {

bool choose_bpf_backend(const std::string& backend, const std::string& progname, bool* fatal) {
  *fatal = false;
  if (backend != "bpf" && backend != "auto") return false;
  std::string why;
  bool ok = bpf_engine_available(&why);
  if (backend == "bpf") {
    if (!ok) {
      fprintf(stderr, "%s: --backend=bpf: %s\n", progname.c_str(), why.c_str());
      *fatal = true;
    }
    return ok;
  }
  if (ok)
    fprintf(stderr, "%s: --backend=auto: using the eBPF engine\n", progname.c_str());
  else
    fprintf(stderr, "%s: --backend=auto: using ptrace (%s)\n", progname.c_str(), why.c_str());
  return ok;
}

}  // namespace sct
