#include "cli/strace_output.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "backend/interrupt.h"

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

// The pipe to -o '|COMMAND', written through this cookie so that a reader
// that has gone is reported as strace reports it: with SIGPIPE ignored (-I
// 3, the default with a command), each line that cannot be written prints
// "PROG: |COMMAND: Broken pipe" and tracing goes on.
ssize_t StraceOutput::pipe_write(void* cookie, const char* data, size_t size) {
  auto* self = static_cast<StraceOutput*>(cookie);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::write(fileno(self->pipe_file_), data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      // strace reports a failed write of a line (its fputs of "\n"), not a
      // failed flush of a partial line before it waits for the tracees.
      if (data[size - 1] != '\n') return static_cast<ssize_t>(size);
      int err = errno;
      fflush(stderr);
      fprintf(stderr, "%s: %s: %s\n", self->progname_.c_str(), self->spec_.c_str(), strerror(err));
      fflush(stderr);
      // The data is dropped, as stdio drops it: the next line tries again.
      return static_cast<ssize_t>(size);
    }
    done += static_cast<size_t>(n);
  }
  return static_cast<ssize_t>(size);
}

bool StraceOutput::open(std::string* error) {
  if (spec_.empty() || per_task()) return true;  // stderr; or only FILE.PID files
  if (pipe_) {
    // popen runs "sh -c COMMAND"; "e": our end is not inherited by the tracee.
    pipe_file_ = popen(spec_.c_str() + 1, "we");
    if (!pipe_file_) {
      *error = "fork: " + std::string(strerror(errno));
      return false;
    }
    cookie_io_functions_t io = {nullptr, &StraceOutput::pipe_write, nullptr, nullptr};
    main_ = fopencookie(this, "w", io);
    if (!main_) {
      *error = "fopencookie: " + std::string(strerror(errno));
      main_ = stderr;
      return false;
    }
    // Line by line, as strace writes to a pipe.
    setvbuf(main_, nullptr, _IOLBF, 1 << 16);
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
    request_fatal_exit();  // strace dies: the command is killed, status 1
  }
  return f;
}

void StraceOutput::close_task(FILE* f) {
  if (f) fclose(f);
}

void StraceOutput::close() {
  if (main_ != stderr && main_) fclose(main_);
  main_ = stderr;
  if (pipe_file_) pclose(pipe_file_);  // waits for the command, as strace does
  pipe_file_ = nullptr;
}

}  // namespace sct
