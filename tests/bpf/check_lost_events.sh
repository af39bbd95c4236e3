#!/bin/bash
# A deliberately tiny ring buffer (one page) under a syscall storm must lose
# records and say how many; the default buffer must lose none on a smaller one.
#   check_lost_events.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$sctrace" --backend=bpf --bpf-buffer 4096 -o "$tmp/tiny.out" \
  dd if=/dev/zero of=/dev/null bs=1 count=20000 2>"$tmp/tiny.err"
lost=$(sed -n 's/^.*: \([0-9][0-9]*\) events lost$/\1/p' "$tmp/tiny.err")
if [ -z "$lost" ] || [ "$lost" -eq 0 ]; then
  echo "FAIL: no 'N events lost' with a 4096-byte buffer"; cat "$tmp/tiny.err"; exit 1
fi
lines=$(grep -c '^read(0' "$tmp/tiny.out")
echo "tiny buffer: $lost events lost, $lines reads traced"
# Every one of the ~40000 syscalls is either traced or counted as lost.
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
