// One binary, three faces: the first word (or the name it was invoked by)
// picks strace's, dtruss's or DTrace's command line.
#include <cstring>
#include <string_view>

#include "cli/strace_main.h"
#include "dtruss/dtruss_main.h"
#if __has_include("dtrace/dtrace_main.h")
#include "dtrace/dtrace_main.h"
#define SCT_HAVE_DTRACE 1
#endif

namespace {

std::string_view basename_of(const char* path) {
  std::string_view p(path ? path : "");
  size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string_view self = basename_of(argv[0]);
#ifdef SCT_HAVE_DTRACE
  if (self == "dtrace") return sct::dtrace_main(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "dtrace") == 0) return sct::dtrace_main(argc - 1, argv + 1);
#endif
  if (self == "dtruss") return sct::dtruss_main(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "dtruss") == 0) return sct::dtruss_main(argc - 1, argv + 1);
  (void)self;
  return sct::strace_main(argc, argv);
}
