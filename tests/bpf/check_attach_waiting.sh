#!/bin/bash
# -p on a task that waits in a syscall: strace shows that call (its attach
# interrupts the call, which restarts and stops at its entry), the eBPF
# engine saw no entry for it. sctrace reads the call from /proc/PID/syscall,
# seeds the kernel's in-flight slot and shows the entry, so both traces are
# the same: a read waiting on a FIFO completes as "read(0, "hello\n", ...) = 6",
# and a relative sleep resumes as strace's "restart_syscall(<... resuming
# interrupted read ...>) = 0". Each case runs under strace, then sctrace.
#   check_attach_waiting.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'exec 3>&-; kill "${target:-}" "${tracer:-}" 2>/dev/null; rm -rf "$tmp"' EXIT
mkfifo "$tmp/fifo"

source "$(dirname "$0")/wait_lib.sh"
wait_for() {  # wait_for PATTERN FILE, or fail the test
  wait_for_line "$1" "$2" && return 0
  echo "FAIL: timed out waiting for '$1' in $2"
  exit 1
}

# A cat waiting in read; the tracer attaches, a line is written, Ctrl-C.
fifo_case() {  # fifo_case OUT TRACER...
  local out=$1
  shift
  exec 3<>"$tmp/fifo"
  cat <"$tmp/fifo" >/dev/null 3>&- &
  target=$!
  wait_for "^State:.*S (sleeping)" "/proc/$target/status"
  "$@" -p "$target" -o "$out" 2>"$out.err" 3>&- &
  tracer=$!
  wait_for "attached" "$out.err"
  echo hello >&3
  wait_for '^write(1, "hello\\n", 6) *= 6$' "$out"
  kill -INT "$tracer"
  wait "$tracer"
  exec 3>&-  # cat ends
  wait "$target"
}

# A sleep of 1.5 s; the tracer attaches once it sleeps and stays to its end.
sleep_case() {  # sleep_case OUT TRACER...
  local out=$1
  shift
  /bin/sleep 1.5 &
  target=$!
  wait_for "^State:.*S (sleeping)" "/proc/$target/status"
  "$@" -p "$target" -o "$out" 2>"$out.err"
}

fail=0
compare() {  # compare NAME: strace's trace and sctrace's are the same
  if diff -u "$tmp/$1.strace" "$tmp/$1.sctrace"; then
    echo "$1: same trace as strace ($(wc -l <"$tmp/$1.strace") lines)"
  else
    echo "FAIL: $1 differs from strace"
    fail=1
  fi
}
fifo_case "$tmp/fifo.strace" /usr/bin/strace
fifo_case "$tmp/fifo.sctrace" "$sctrace" --backend=bpf
compare fifo
grep -q '^read(0, "hello\\n", 131072) *= 6$' "$tmp/fifo.sctrace" || { echo "FAIL: the waiting read is missing"; fail=1; }
sleep_case "$tmp/sleep.strace" /usr/bin/strace
sleep_case "$tmp/sleep.sctrace" "$sctrace" --backend=bpf
compare sleep
exit $fail
