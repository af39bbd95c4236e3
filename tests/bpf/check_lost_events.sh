#!/bin/bash
# A deliberately tiny ring buffer (one page) that nobody drains must lose
# records and say how many; the default buffer must lose none.
#   check_lost_events.sh SCTRACE PROGS_DIR
#
# Losses are made certain rather than hoped for: sctrace itself is SIGSTOPped
# while the traced storm runs (eBPF does not stop the tracee, so the storm goes
# on at full speed into a ring nobody reads). On an idle, fast machine a live
# consumer can keep pace even with one page, which made the older version of
# this test flaky.
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'kill -CONT "${tracer:-0}" 2>/dev/null; rm -rf "$tmp"' EXIT

wait_for() {  # wait_for FILE: up to 20 s
  for _ in $(seq 2000); do [ -e "$1" ] && return 0; sleep 0.01; done
  echo "FAIL: timed out waiting for $1"; exit 1
}

"$sctrace" --backend=bpf --bpf-buffer 4096 -f -o "$tmp/tiny.out" sh -c '
  touch "$1/ready"
  while [ ! -e "$1/go" ]; do sleep 0.01; done
  dd if=/dev/zero of=/dev/null bs=1 count=20000 2>/dev/null
  touch "$1/done"' sh "$tmp" 2>"$tmp/tiny.err" &
tracer=$!
wait_for "$tmp/ready"
kill -STOP "$tracer"
touch "$tmp/go"
wait_for "$tmp/done"
kill -CONT "$tracer"
wait "$tracer"

lost=$(sed -n 's/^.*: \([0-9][0-9]*\) events lost$/\1/p' "$tmp/tiny.err")
if [ -z "$lost" ] || [ "$lost" -eq 0 ]; then
  echo "FAIL: no 'N events lost' with a 4096-byte buffer"; cat "$tmp/tiny.err"; exit 1
fi
reads=$(grep -c "read(0" "$tmp/tiny.out")
echo "tiny undrained buffer: $lost events lost, $reads of dd's reads traced"
# Every one of dd's ~40000 syscalls is either traced or counted as lost.
total=$(grep -c '' "$tmp/tiny.out")
if [ $((total + lost)) -lt 40000 ]; then
  echo "FAIL: $total lines + $lost lost < 40000 syscalls"; exit 1
fi

"$sctrace" --backend=bpf -o "$tmp/big.out" dd if=/dev/zero of=/dev/null bs=1 count=20000 2>"$tmp/big.err"
if grep -q 'events lost' "$tmp/big.err"; then
  echo "FAIL: the default buffer lost events"; cat "$tmp/big.err"; exit 1
fi
reads=$(grep -c '^read(0, "\\0", 1) *= 1$' "$tmp/big.out")
if [ "$reads" -ne 20000 ]; then
  echo "FAIL: $reads of 20000 reads traced with the default buffer"; exit 1
fi
echo "default buffer: 0 lost, $reads reads"
