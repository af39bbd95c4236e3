// The eBPF engine: the same events as the ptrace engine, from BPF programs
// attached to the syscall tracepoints (progs/sctrace.bpf.c). Root only.
#pragma once

#include <string>

#include "backend/engine.h"

namespace sct {

// Whether this machine and build can run the engine; else *why says what is
// missing ("not built with eBPF support", "needs root", "no BTF at
// /sys/kernel/btf/vmlinux", "the kernel refuses BPF programs: ...").
bool bpf_engine_available(std::string* why);

// Traces spec.command (started stopped, selected in the kernel before it
// runs), spec.attach_pids (with their threads when spec.attach_threads) and
// every process named in spec.comms, following forks in the kernel under
// spec.follow_forks. Runs until the traced tasks are gone, or until
// interrupted (g_interrupt_signal) when only --comm names select.
//
// Syscalls arrive whole (entry and exit in one record, written at exit), so
// each is reported as syscall_entry then syscall_exit at once; execve and
// exit_group are reported at entry. Memory the decoders read is what the
// kernel captured for them (TraceeMemory over the copied bytes); anything
// else reads as unavailable and prints as its address.
//
// spec.counts_only: syscalls are only counted, in the kernel; the totals are
// in EngineResult::counts and sink.finish() is left to the caller, which adds
// them to its summary first. Lost records are reported on stderr at the end
// ("sctrace: N events lost").
EngineResult run_bpf_engine(const TraceSpec& spec, EventSink& sink);

}  // namespace sct
