#!/usr/bin/env bash
# An excluded syscall never stops: with -f -e trace=openat, 20000 getppid()
# calls must not cost 20000 ptrace stops (the seccomp filter lets them run);
# without the filter they must (so the count is real).
set -u
sctrace=$1 progs=$2
filtered=$(SCTRACE_STATS=1 "$sctrace" -f -e trace=openat -o /dev/null "$progs/core_storm" 20000 2>&1 | sed -n 's/.*: \([0-9]*\) ptrace stops/\1/p')
plain=$(SCTRACE_STATS=1 "$sctrace" -f --no-seccomp-bpf -e trace=openat -o /dev/null "$progs/core_storm" 20000 2>&1 | sed -n 's/.*: \([0-9]*\) ptrace stops/\1/p')
echo "stops with seccomp filter: $filtered; without: $plain"
[ -n "$filtered" ] && [ -n "$plain" ] || { echo "FAIL: no stop counts"; exit 1; }
[ "$filtered" -lt 200 ] || { echo "FAIL: filtered-out syscalls stopped"; exit 1; }
[ "$plain" -gt 40000 ] || { echo "FAIL: the unfiltered run should stop twice per syscall"; exit 1; }
echo PASS
