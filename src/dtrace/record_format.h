// How dtrace(1) prints recorded data: trace() by record size, byte records
// (strings) by dt_print_bytes' rules, and the %S escaping of strchr2esc.
// The formats are those quoted in the reference, section 2.3.
#pragma once

#include <string>

#include "dtrace/d_value.h"

namespace sct::dtrace {

// dt_print_bytes: a printable NUL-terminated record prints as a string
// (" " + " " + left-justified in -width columns when width < 0, "%s" when
// quiet); anything else (an empty string, stray bytes after the NUL,
// unprintable bytes) prints as a hex dump.
std::string print_bytes(const std::string& record, int width, bool quiet);

// trace(v): " %16lld" / " %8d" / " %5d" / " %3d" by size (quiet: no padding),
// strings through print_bytes with width -33.
std::string trace_output(const TypedValue& v, bool quiet, size_t strsize);

// An aggregation key field or scalar value by dt_print_datum's table:
// widths 3/5/8/16 by size, -50 for strings.
std::string datum_output(const TypedValue& v, size_t strsize);

// strchr2esc: C escapes, \ooo for other unprintable bytes, stops after the
// first NUL (printed as \0).
std::string escape_for_S(const std::string& record);

}  // namespace sct::dtrace
