#!/bin/bash
# A deliberately tiny ring buffer (one page) that nobody drains must lose
# records and say how many; the default buffer must lose none.
#   check_lost_events.sh SCTRACE PROGS_DIR
#
# Losses are made certain rather than hoped for (overflow_storm.sh: sctrace
# is stopped while the storm fills a ring nobody reads); on an idle, fast
# machine a live consumer kept pace, which made the older version flaky.
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'kill -CONT "${tracer:-0}" 2>/dev/null; rm -rf "$tmp"' EXIT

. "$(dirname "$0")/overflow_storm.sh"
overflow_storm 20000 "$tmp/tiny.out" "$tmp/tiny.err"

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
