#include "cli/strace_output.h"

#include <errno.h>
#include <string.h>

namespace sct {

StraceOutput::StraceOutput(std::string progname, std::string spec, bool append, bool separately)
    : progname_(std::move(progname)), spec_(std::move(spec)), append_(append), separately_(separately) {
  pipe_ = !spec_.empty() && (spec_[0] == '|' || spec_[0] == '!');
}

StraceOutput::~StraceOutput() { close(); }

FILE* StraceOutput::open_file(const std::string& path) {
  // Close-on-exec: the traced command must not inherit the trace file.
  FILE* f = fopen(path.c_str(), append_ ? "ae" : "we");
  if (f) setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return f;
}

bool StraceOutput::open(std::string* error) {
  if (spec_.empty() || per_task()) return true;  // stderr; or only FILE.PID files
  if (pipe_) {
    // popen runs "sh -c COMMAND"; "e": our end is not inherited by the tracee.
    main_ = popen(spec_.c_str() + 1, "we");
    if (!main_) {
      *error = "fork: " + std::string(strerror(errno));
      main_ = stderr;
      return false;
    }
    setvbuf(main_, nullptr, _IOFBF, 1 << 16);
    return true;
  }
  main_ = open_file(spec_);
  if (!main_) {
    *error = "Can't fopen '" + spec_ + "': " + strerror(errno);
    main_ = stderr;
    return false;
  }
  return true;
}

FILE* StraceOutput::open_task(pid_t tid) {
  std::string path = spec_ + "." + std::to_string(tid);
  FILE* f = open_file(path);
  if (!f) {
    // strace cannot go on without the task's file.
    fflush(nullptr);
    fprintf(stderr, "%s: Can't fopen '%s': %s\n", progname_.c_str(), path.c_str(), strerror(errno));
  }
  return f;
}

void StraceOutput::close_task(FILE* f) {
  if (f) fclose(f);
}

void StraceOutput::close() {
  if (main_ == stderr || !main_) return;
  if (pipe_)
    pclose(main_);
  else
    fclose(main_);
  main_ = stderr;
}

}  // namespace sct
