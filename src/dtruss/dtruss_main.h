// The dtruss face: `sctrace dtruss [options] CMD`, or sctrace invoked as
// `dtruss` (argv[0] is "dtruss" either way).
#pragma once

namespace sct {

int dtruss_main(int argc, char** argv);

}  // namespace sct
