// The DTrace face: `sctrace dtrace ...`, or the binary invoked as `dtrace`.
// argv[0] is the word "dtrace" (or the program's path).
//
// Testing switch: with the environment variable _DTRACE_TESTING set (as in
// DTrace's own test suite), the CPU and ID columns are dropped from the
// header ("%32s\n") and from each record's prefix ("%32s "), and the
// newline printed on ^C is suppressed, so tests can compare output bytes.
#pragma once

namespace sct {

int dtrace_main(int argc, char** argv);

}  // namespace sct
