#!/bin/bash
# -c counts in the kernel: every read and write of a small storm is counted.
#   check_counts.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
out=$("$sctrace" --backend=bpf -c dd if=/dev/zero of=/dev/null bs=1 count=5000 2>&1 >/dev/null)
echo "$out"
reads=$(echo "$out" | awk '$NF == "read" { print $(NF-1) }')
writes=$(echo "$out" | awk '$NF == "write" { print $(NF-1) }')
[ "${reads:-0}" -ge 5000 ] && [ "${writes:-0}" -ge 5000 ] || { echo "FAIL: read=$reads write=$writes"; exit 1; }
echo "$out" | grep -q ' total$' || { echo "FAIL: no total line"; exit 1; }
echo "ok"
