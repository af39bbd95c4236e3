// Where the strace face's trace goes, as strace 6.1 opens it: stderr;
// -o FILE (truncated, or appended to with -A); -o '|COMMAND' or
// -o '!COMMAND' (the stdin of "sh -c COMMAND", waited for at the end);
// -ff / --output-separately with -o FILE: one FILE.PID per task.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <string>

namespace sct {

class StraceOutput {
 public:
  StraceOutput(std::string progname, std::string spec, bool append, bool separately);
  ~StraceOutput();
  StraceOutput(const StraceOutput&) = delete;
  StraceOutput& operator=(const StraceOutput&) = delete;

  // Opens the main output. False (with *error, strace's wording) on failure.
  bool open(std::string* error);
  FILE* main() const { return main_; }
  bool to_file() const { return !spec_.empty(); }
  bool is_pipe() const { return pipe_; }
  // -ff with -o FILE: each task's own file. False: all tasks share main().
  bool per_task() const { return separately_ && !spec_.empty() && !pipe_; }
  FILE* open_task(pid_t tid);
  void close_task(FILE* f);
  // Flushes and closes; a pipe's command is waited for, as strace does.
  void close();

 private:
  FILE* open_file(const std::string& path);
  static ssize_t pipe_write(void* cookie, const char* data, size_t size);

  std::string progname_;
  std::string spec_;
  bool append_;
  bool separately_;
  bool pipe_ = false;
  FILE* main_ = stderr;
  FILE* pipe_file_ = nullptr;  // popen's end of -o '|COMMAND'; main_ writes to it
};

}  // namespace sct
