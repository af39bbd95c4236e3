// dtrace(1)'s run-time options, set by -x name[=value], by the short
// options (-q, -w, -Z, -b) and by "#pragma D option" lines (dt_options.c).
// Every option DTrace documents is accepted; the ones that change what this
// implementation does are kept as fields.
#pragma once

#include <cstdint>
#include <string>

namespace sct::dtrace {

struct DtraceOptions {
  bool quiet = false;
  bool destructive = false;
  bool zdefs = false;
  bool defaultargs = false;
  bool aggsortkey = false;
  bool aggsortrev = false;
  bool flowindent = false;
  uint64_t strsize = 256;
  uint64_t bufsize = 4 << 20;
  int64_t switchrate_ns = 1000000000;
  std::string evaltime = "exec";
};

// Empty on success, else the reason (DTrace's "Invalid option name" or
// "Invalid value for specified option").
std::string set_option(DtraceOptions* opt, const std::string& name, const std::string& value);

// "4m" -> 4194304 (k/m/g/t, each x1024); false if malformed.
bool parse_size(const std::string& s, uint64_t* out);
// "10ms", "5hz", "100" (ns) -> nanoseconds; false if malformed.
bool parse_rate(const std::string& s, int64_t* out_ns);

}  // namespace sct::dtrace
