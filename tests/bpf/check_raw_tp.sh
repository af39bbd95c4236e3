#!/bin/bash
# The raw-tracepoint fallback (for kernels without tp_btf), forced with
# SCTRACE_BPF_FORCE_RAW_TP=1: it is the one loaded, and it follows forks,
# exec, signals and exits (what the bpf_rawtp_diff_* cases do not all reach).
#   check_raw_tp.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
out=$(SCTRACE_BPF_FORCE_RAW_TP=1 SCTRACE_BPF_TIMING=1 "$sctrace" --backend=bpf -f -e trace=execve,exit_group,kill \
  /bin/sh -c '/bin/true; kill -USR1 $$' 2>&1 >/dev/null)
echo "$out"
fail() { echo "FAIL: $1"; exit 1; }
echo "$out" | grep -q '^bpf programs: raw tracepoints' || fail "the raw-tracepoint programs were not the ones loaded"
echo "$out" | grep -q 'execve("/bin/true"' || fail "no execve of the forked /bin/true"
echo "$out" | grep -q 'exit_group(0)' || fail "no exit_group of /bin/true"
echo "$out" | grep -q -- '--- SIGUSR1 {si_signo=SIGUSR1' || fail "no SIGUSR1 delivery"
echo "$out" | grep -q '+++ killed by SIGUSR1 +++' || fail "no death by SIGUSR1"
echo "ok"
