// --backend=ptrace|bpf|auto: which engine runs. A small decision with
// user-visible wording, kept out of main so that every face words it alike.
#pragma once

#include <string>

namespace sct {

// True to run the eBPF engine. "bpf" that cannot run here prints what is
// missing and sets *fatal (the tracer must stop before tracing anything);
// "auto" prints a one-line note of its choice; "ptrace" is silent.
bool choose_bpf_backend(const std::string& backend, const std::string& progname, bool* fatal);

}  // namespace sct
