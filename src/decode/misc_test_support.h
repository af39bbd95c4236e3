// Test harness for the proc decoders: runs a call's entry and exit phases
// over a FakeMemory and renders the line as the strace text sink writes it
// (entry values, the ", " the sink adds when more follow, exit values).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "decode/decoder.h"
#include "sinks/strace_render.h"

namespace sct::proc_test {

struct CallRunner {
  FakeMemory mem;
  DecodeOptions opt;

  std::string line(const char* name, std::initializer_list<uint64_t> args, int64_t ret, int error = 0) {
    SyscallCall call;
    call.nr = syscall_number(name);
    call.row = syscall_row(call.nr);
    int i = 0;
    for (uint64_t a : args) call.args[i++] = a;
    DecodeContext in(mem, opt, nullptr, call, true);
    decode_phase(call, in);
    std::string out = call_name(call) + "(";
    render_args(call, 0, call.entry_args, {}, out);
    size_t expected = call.total_args >= 0 ? static_cast<size_t>(call.total_args)
                                           : (call.row && call.row->name ? call.row->nargs : 6);
    if (call.entry_args > 0 && call.entry_args < expected) out += ", ";
    call.exited = true;
    call.ret = ret;
    call.error = error;
    DecodeContext ex(mem, opt, nullptr, call, false);
    decode_phase(call, ex);
    render_args(call, call.entry_args, call.decoded.size(), {}, out);
    out += ")";
    if (out.size() < 39) out.append(39 - out.size(), ' ');
    return out + " = " + render_return(call, {});
  }
};

}  // namespace sct::proc_test
