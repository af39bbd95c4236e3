#include "dtrace/dtrace_options.h"

#include <cctype>
#include <cstdlib>
#include <set>

namespace sct::dtrace {

bool parse_size(const std::string& s, uint64_t* out) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  char* end = nullptr;
  uint64_t v = std::strtoull(s.c_str(), &end, 0);
  std::string suffix = end;
  uint64_t mult = 1;
  if (suffix.empty()) mult = 1;
  else if (suffix == "k" || suffix == "K") mult = 1ull << 10;
  else if (suffix == "m" || suffix == "M") mult = 1ull << 20;
  else if (suffix == "g" || suffix == "G") mult = 1ull << 30;
  else if (suffix == "t" || suffix == "T") mult = 1ull << 40;
  else return false;
  *out = v * mult;
  return true;
}

bool parse_rate(const std::string& s, int64_t* out_ns) {
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  char* end = nullptr;
  int64_t v = std::strtoll(s.c_str(), &end, 10);
  std::string unit = end;
  struct Unit { const char* name; int64_t ns; };
  static const Unit units[] = {{"ns", 1}, {"nsec", 1}, {"us", 1000}, {"usec", 1000}, {"ms", 1000000}, {"msec", 1000000},
                               {"s", 1000000000}, {"sec", 1000000000}, {"m", 60000000000}, {"min", 60000000000},
                               {"h", 3600000000000}, {"hour", 3600000000000}, {"d", 86400000000000}, {"day", 86400000000000}};
  if (unit.empty()) {
    *out_ns = v;
    return true;
  }
  if (unit == "hz") {
    if (v <= 0) return false;
    *out_ns = 1000000000 / v;
    return true;
  }
  for (const Unit& u : units) {
    if (unit == u.name) {
      *out_ns = v * u.ns;
      return true;
    }
  }
  return false;
}

std::string set_option(DtraceOptions* opt, const std::string& name, const std::string& value) {
  static const std::string kBadValue = "Invalid value for specified option";
  auto boolean = [&](bool* field) {
    *field = true;
    return std::string();
  };
  if (name == "quiet") return boolean(&opt->quiet);
  if (name == "destructive") return boolean(&opt->destructive);
  if (name == "zdefs") return boolean(&opt->zdefs);
  if (name == "defaultargs") return boolean(&opt->defaultargs);
  if (name == "aggsortkey") return boolean(&opt->aggsortkey);
  if (name == "aggsortrev") return boolean(&opt->aggsortrev);
  if (name == "flowindent") return boolean(&opt->flowindent);
  if (name == "strsize") {
    uint64_t v;
    if (!parse_size(value, &v) || v < 2) return kBadValue;
    opt->strsize = v;
    return {};
  }
  static const std::set<std::string> sizes = {"bufsize", "aggsize", "dynvarsize", "specsize", "nspec", "cpu", "jstackframes",
                                              "jstackstrsize", "stackframes", "ustackframes", "stackindent", "aggsortkeypos",
                                              "aggsortpos", "temporal", "maxframes"};
  if (sizes.count(name)) {
    uint64_t v;
    if (!parse_size(value, &v)) return kBadValue;
    if (name == "bufsize") opt->bufsize = v;
    return {};
  }
  static const std::set<std::string> rates = {"switchrate", "aggrate", "cleanrate", "statusrate"};
  if (rates.count(name)) {
    int64_t ns;
    if (!parse_rate(value, &ns)) return kBadValue;
    if (name == "switchrate") opt->switchrate_ns = ns;
    return {};
  }
  if (name == "evaltime") {
    if (value != "exec" && value != "preinit" && value != "postinit" && value != "main") return kBadValue;
    opt->evaltime = value;
    return {};
  }
  static const std::set<std::string> accepted = {"rawbytes", "bufpolicy", "bufresize", "aggpercpu", "aggzoom", "aggpack",
                                                 "aggHist", "encoding", "linkmode", "linktype", "incdir", "libdir", "cpp",
                                                 "cpppath", "ctypes", "dtypes", "droptags", "errtags", "iregs", "knodefs",
                                                 "late", "lazyload", "ldpath", "modpath", "nolibs", "pgmax", "procfs", "pspec",
                                                 "stdc", "syslibdir", "tree", "tregs", "udefs", "unodefs", "verbose",
                                                 "version", "grabanon", "disasm", "core", "amin", "argref", "debug", "define",
                                                 "empty", "errtags", "evaltime", "noresolve", "strip", "undef", "zone",
                                                 "dynvarsize"};
  if (accepted.count(name)) return {};
  return "Invalid option name";
}

}  // namespace sct::dtrace
