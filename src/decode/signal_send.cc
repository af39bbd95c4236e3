// Sending signals: kill, tkill, tgkill. All arguments are inputs.
#include "decode/decoder.h"
#include "decode/misc_helpers.h"

using sct::Value;
namespace proc = sct::proc;

// -Y marks the pids: kill's is a process or (negative) a process group.
SCT_DECODER(kill) {
  if (!ctx.entering()) return;
  call.arg(Value::pid_or_pgid(static_cast<int32_t>(call.args[0])));
  call.arg(proc::signal(static_cast<int32_t>(call.args[1])));
}

SCT_DECODER(tkill) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  call.arg(proc::signal(static_cast<int32_t>(call.args[1])));
}

SCT_DECODER(tgkill) {
  if (!ctx.entering()) return;
  call.arg(Value::pid(static_cast<int32_t>(call.args[0])));
  call.arg(Value::pid(static_cast<int32_t>(call.args[1])));
  call.arg(proc::signal(static_cast<int32_t>(call.args[2])));
}
