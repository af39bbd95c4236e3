#!/bin/bash
# Ctrl-C while attached loses no record and leaves the target running. The
# eBPF engine keeps syscall records in per-CPU batches that a CPU sends when
# it switches tasks, and a task computing on its CPU does not switch; so on
# detach (and when the ring is quiet) sctrace runs a flush program on every
# CPU. The target writes a line, then computes; sctrace is interrupted right
# after the write, and the write must be in the trace. sctrace and this
# script stay on CPU 0 and the target on CPU 1, so that our own wake-ups do
# not switch the target's CPU. Measured here: with the flush calls removed
# the test still passed (other work on CPU 1 switched tasks within the few
# milliseconds), so it guards the end result, not the flush alone.
#   check_detach_flush.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
progs=$2
tmp=$(mktemp -d)
trap 'kill "${target:-0}" "${tracer:-0}" 2>/dev/null; rm -rf "$tmp"' EXIT
if [ "$(nproc)" -lt 2 ]; then
  echo "SKIPPED: needs two CPUs (on one, sctrace's wake-ups switch the target out)"
  exit 77
fi

wait_for() {  # wait_for FILE: until it is not empty, up to 20 s
  for _ in $(seq 2000); do [ -s "$1" ] && return 0; sleep 0.01; done
  echo "FAIL: timed out waiting for $1"; exit 1
}

taskset -cp 0 $$ >/dev/null   # this script and sctrace on CPU 0: nothing of ours switches CPU 1
taskset -c 1 "$progs/write_then_compute" "$tmp" >"$tmp/out" &
target=$!
"$sctrace" --backend=bpf -e trace=write -o "$tmp/trace" -p "$target" 2>"$tmp/err" &
tracer=$!
wait_for "$tmp/err"        # "Process N attached"
touch "$tmp/go"
wait_for "$tmp/out"        # the target's write (no other syscall of its may switch CPU 1)
kill -INT "$tracer"
wait "$tracer"
if ! kill -0 "$target" 2>/dev/null; then echo "FAIL: the target did not survive the detach"; exit 1; fi
if grep -q '^write(1, "computing\\n", 10) *= 10$' "$tmp/trace"; then
  echo "write line kept across the detach"
  exit 0
fi
echo "FAIL: the write before Ctrl-C is missing from the trace:"
cat "$tmp/trace" "$tmp/err"
exit 1
