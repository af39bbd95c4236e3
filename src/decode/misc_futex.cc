// futex: which arguments exist depends on the operation, as in strace's
// futex.c: FUTEX_WAKE has three, FUTEX_WAIT four (the timeout), the bitset
// operations add the bitset, the requeue operations a second count and
// address, FUTEX_WAKE_OP its encoded operation.
#include <linux/futex.h>

#include <fmt/format.h>

#include "decode/decoder.h"
#include "decode/misc_helpers.h"
#include "xlat/misc_flags.h"

#ifndef FUTEX_LOCK_PI2
#define FUTEX_LOCK_PI2 13
#endif

namespace sct {

namespace {

Value futex_op_value(uint32_t op) {
  std::string text = proc::text_of(xlat_enum_value(xlat::futex_ops, op & ~FUTEX_CLOCK_REALTIME));
  if (op & FUTEX_CLOCK_REALTIME) text += "|FUTEX_CLOCK_REALTIME";
  return Value::constant(text, op);
}

std::string hex0(uint32_t v) { return v ? fmt::format("{:#x}", v) : "0"; }

// One field of FUTEX_OP and its shift, "FUTEX_OP_ADD<<28", as strace 6.1
// prints it under each -X style. strace adds the "???" comment whenever no
// name was printed, so -X raw comments even known values:
// "0x1<<28 /* FUTEX_OP_??? */", while -X verbose gives "0x1 /* FUTEX_OP_ADD */<<28".
Value wake_op_field(const Xlat& x, uint32_t v, const char* shift, const char* unknown) {
  const char* name = xlat_name(x, v);
  std::string number = hex0(v) + shift + " /* " + unknown + " */";
  if (!name) return Value::raw(number);
  return Value::styled(Value::raw(std::string(name) + shift), Value::raw(number),
                       Value::raw(fmt::format("{} /* {} */{}", hex0(v), name, shift)));
}

// FUTEX_OP(op, oparg, cmp, cmparg) packed in val3.
Value wake_op_value(uint32_t v) {
  std::vector<Value> parts;
  if ((v >> 28) & FUTEX_OP_OPARG_SHIFT) {
    parts.push_back(Value::sym("FUTEX_OP_OPARG_SHIFT", FUTEX_OP_OPARG_SHIFT));
    parts.push_back(Value::raw("<<28|"));
  }
  parts.push_back(wake_op_field(xlat::futex_wake_ops, (v >> 28) & 0x7, "<<28", "FUTEX_OP_???"));
  parts.push_back(Value::raw("|" + hex0((v >> 12) & 0xfff) + "<<12|"));
  parts.push_back(wake_op_field(xlat::futex_wake_cmps, (v >> 24) & 0xf, "<<24", "FUTEX_OP_CMP_???"));
  parts.push_back(Value::raw("|" + hex0(v & 0xfff)));
  return proc::glued_parts("", std::move(parts));
}

Value bitset(uint32_t v) {
  if (v == FUTEX_BITSET_MATCH_ANY) return Value::sym("FUTEX_BITSET_MATCH_ANY", v);
  return Value::hex(v);
}

}  // namespace

}  // namespace sct

using sct::Value;
namespace proc = sct::proc;

// Everything is printed at entry: the kernel writes nothing back.
SCT_DECODER(futex) {
  if (!ctx.entering()) return;
  uint64_t uaddr = call.args[0];
  uint32_t op = static_cast<uint32_t>(call.args[1]);
  int32_t val = static_cast<int32_t>(call.args[2]);
  uint64_t timeout = call.args[3];
  uint64_t uaddr2 = call.args[4];
  uint32_t val3 = static_cast<uint32_t>(call.args[5]);
  call.arg(ctx.addr(uaddr));
  call.arg(sct::futex_op_value(op));
  switch (op & FUTEX_CMD_MASK) {
    case FUTEX_WAIT:
      call.arg(Value::integer(val));
      call.arg(proc::timespec_at(ctx, timeout));
      break;
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
      call.arg(proc::timespec_at(ctx, timeout));
      break;
    case FUTEX_WAIT_BITSET:
      call.arg(Value::integer(val));
      call.arg(proc::timespec_at(ctx, timeout));
      call.arg(sct::bitset(val3));
      break;
    case FUTEX_WAKE_BITSET:
      call.arg(Value::integer(val));
      call.arg(sct::bitset(val3));
      break;
    case FUTEX_REQUEUE:
      call.arg(Value::integer(val));
      call.arg(Value::integer(static_cast<int32_t>(timeout)));
      call.arg(ctx.addr(uaddr2));
      break;
    case FUTEX_CMP_REQUEUE:
    case FUTEX_CMP_REQUEUE_PI:
      call.arg(Value::integer(val));
      call.arg(Value::integer(static_cast<int32_t>(timeout)));
      call.arg(ctx.addr(uaddr2));
      call.arg(Value::integer(static_cast<int32_t>(val3)));
      break;
    case FUTEX_WAKE_OP:
      call.arg(Value::integer(val));
      call.arg(Value::integer(static_cast<int32_t>(timeout)));
      call.arg(ctx.addr(uaddr2));
      call.arg(sct::wake_op_value(val3));
      break;
    case FUTEX_WAIT_REQUEUE_PI:
      call.arg(Value::integer(val));
      call.arg(proc::timespec_at(ctx, timeout));
      call.arg(ctx.addr(uaddr2));
      break;
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI:
      break;
    case FUTEX_WAKE:
    case FUTEX_FD:
      call.arg(Value::integer(val));
      break;
    default:
      call.arg(Value::integer(val));
      call.arg(ctx.addr(timeout));
      call.arg(ctx.addr(uaddr2));
      call.arg(Value::hex(val3));
      break;
  }
  proc::entry_complete(call);
}
