#!/bin/bash
# -p PID: a running shell loop is traced from the moment of attaching, in the
# kernel, and the trace ends when it exits.
#   check_attach_pid.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; kill $target 2>/dev/null' EXIT
/bin/bash -c 'sleep 0.5; for i in 1 2 3 4 5 6; do echo "tick $i" >/dev/null; /bin/sleep 0.2; done' &
target=$!
"$sctrace" --backend=bpf -p "$target" -e trace=write,exit_group -o "$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/err"
if [ $rc -ne 0 ]; then echo "FAIL: exit status $rc"; exit 1; fi
grep -q "Process $target attached" "$tmp/err" || { echo "FAIL: no attach message"; exit 1; }
grep -q '^write(1, "tick 6\\n", 7) *= 7$' "$tmp/out" || { echo "FAIL: last write missing"; cat "$tmp/out"; exit 1; }
grep -q '^+++ exited with 0 +++$' "$tmp/out" || { echo "FAIL: no exit line"; cat "$tmp/out"; exit 1; }
echo "ok: $(grep -c '^write' "$tmp/out") writes traced after attaching"
