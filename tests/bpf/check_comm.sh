#!/bin/bash
# --comm NAME with no command: any process of that name is traced, others not.
#   check_comm.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; kill $tracer 2>/dev/null' EXIT
cp /bin/cat "$tmp/sctcommprobe"
"$sctrace" --backend=bpf --comm sctcommprobe -e trace=openat -o "$tmp/out" 2>"$tmp/err" &
tracer=$!
sleep 1   # loaded and attached (start-up is tens of ms; leave room on a busy machine)
"$tmp/sctcommprobe" /etc/hostname >/dev/null
/bin/cat /etc/passwd >/dev/null          # another name: not traced
sleep 0.3
kill -INT $tracer
wait $tracer
grep -Eq 'openat\(AT_FDCWD, "/etc/hostname", O_RDONLY\) *= [0-9]+$' "$tmp/out" || { echo "FAIL: probe not traced"; cat "$tmp/out" "$tmp/err"; exit 1; }
if grep -q '/etc/passwd' "$tmp/out"; then echo "FAIL: another process traced"; exit 1; fi
echo "ok: $(grep -c openat "$tmp/out") openat calls of sctcommprobe traced"
