// The strace face: `sctrace [strace options] CMD` and `sctrace -p PID`.
#pragma once

namespace sct {

int strace_main(int argc, char** argv);

}  // namespace sct
