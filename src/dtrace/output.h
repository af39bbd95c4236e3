// Where the interpreter writes: dtrace(1)'s output (stdout or -o FILE) and
// its messages (stderr, prefixed "dtrace: " by the caller's formats).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace sct::dtrace {

class Output {
 public:
  virtual ~Output() = default;
  virtual void out(std::string_view s) = 0;
  virtual void err(std::string_view s) = 0;
  virtual void flush() {}
};

class FileOutput final : public Output {
 public:
  FileOutput(std::FILE* out, std::FILE* err) : out_(out), err_(err) {}
  void out(std::string_view s) override { std::fwrite(s.data(), 1, s.size(), out_); }
  void err(std::string_view s) override {
    std::fflush(out_);
    std::fwrite(s.data(), 1, s.size(), err_);
    std::fflush(err_);
  }
  void flush() override { std::fflush(out_); }

 private:
  std::FILE* out_;
  std::FILE* err_;
};

// For tests: everything kept in strings.
class StringOutput final : public Output {
 public:
  void out(std::string_view s) override { stdout_text.append(s); }
  void err(std::string_view s) override { stderr_text.append(s); }
  std::string stdout_text;
  std::string stderr_text;
};

}  // namespace sct::dtrace
