// --json: JSON Lines, one object per syscall, signal and exit, rendered from
// the same decoded Values as the strace text (never by re-parsing text).
// The schema is documented in docs/json.md.
#pragma once

#include <cstdio>
#include <map>
#include <string>

#include "core/events.h"

namespace sct {

class JsonSink final : public EventSink {
 public:
  explicit JsonSink(FILE* out) : out_(out) {}
  void syscall_entry(const SyscallCall& call, const EventContext& ctx) override;
  void syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) override;
  void signal_delivered(pid_t tid, const siginfo_t& si, const EventContext& ctx) override;
  void task_exited(pid_t tid, int wait_status, const EventContext& ctx) override;
  void finish() override;
  // The eBPF engine's lost-event count, reported as {"lost_events":N}.
  void report_lost(uint64_t n);

 private:
  void emit_call(const SyscallCall& call, const EventTime& start, const EventTime* end);
  FILE* out_;
  // Calls that have entered but not exited: printed as unfinished if the task dies.
  std::map<pid_t, std::pair<SyscallCall, EventTime>> pending_;
};

// Renders one Value as JSON (exposed for tests).
std::string value_to_json(const Value& v);
// A JSON string literal for arbitrary bytes; *lossless_utf8 false when the
// bytes were not UTF-8 (then each byte became U+0000..U+00FF: latin-1).
std::string json_string(const std::string& bytes, bool* was_utf8 = nullptr);

}  // namespace sct
