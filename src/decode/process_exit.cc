// exit and exit_group never return: strace prints "= ?".
#include "decode/decoder.h"

SCT_DECODER(exit) {
  if (!ctx.entering()) return;
  call.arg(sct::Value::integer(static_cast<int32_t>(call.args[0])));
  call.no_return = true;
}

SCT_DECODER(exit_group) {
  if (!ctx.entering()) return;
  call.arg(sct::Value::integer(static_cast<int32_t>(call.args[0])));
  call.no_return = true;
}
