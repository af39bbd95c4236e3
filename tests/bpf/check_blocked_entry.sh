#!/bin/bash
# A call that blocks is shown from its entry while it waits, as strace shows
# it: "read(0, " is in the trace before the read returns. The eBPF engine
# reports whole calls at their exit; a task that goes to sleep inside a
# traced call is announced by the sched_switch program (SCT_REC_BLOCKED).
# Without that, the trace of a program stuck in read() would end before the
# read, which is what a user looks for. strace runs the same script first,
# so the expectation is its behaviour, not ours.
#   check_blocked_entry.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
# On the way out our writer end closes first: cat reads its end of file.
trap 'exec 3>&-; [ -n "${tracer:-}" ] && kill "$tracer" 2>/dev/null; rm -rf "$tmp"' EXIT
mkfifo "$tmp/fifo"

source "$(dirname "$0")/wait_lib.sh"

check() {  # check NAME TRACER...: the blocked read shows, then completes
  local name=$1
  shift
  rm -f "$tmp/trace"
  exec 3<>"$tmp/fifo"  # our writer end (read-write: its open does not wait)
  "$@" -e trace=read -o "$tmp/trace" cat <"$tmp/fifo" >/dev/null 3>&- &
  tracer=$!
  # Only the entry: the last line is "read(0, " and nothing after it.
  if ! wait_for_line '^read(0, $' "$tmp/trace"; then
    echo "FAIL ($name): no 'read(0, ' while the read waits:"
    cat -A "$tmp/trace"
    exit 1
  fi
  echo x >&3
  if ! wait_for_line '^read(0, "x\\n", [0-9]*) *= 2$' "$tmp/trace"; then
    echo "FAIL ($name): the read did not complete its line:"
    cat -A "$tmp/trace"
    exit 1
  fi
  exec 3>&-  # cat reads its end of file and exits
  wait "$tracer"
  echo "$name: 'read(0, ' shown while blocked, completed after"
}

# -f: the shell waits in wait4 while its child sleeps 0.3 s; the child's
# lines come in between, so the wait is split as strace splits it.
check_unfinished() {  # check_unfinished NAME TRACER...
  local name=$1
  shift
  "$@" -f -e trace=wait4,clock_nanosleep -o "$tmp/trace_f" /bin/sh -c "/bin/sleep 0.3; :" 3>&-
  if grep -q 'wait4(-1,  <unfinished ...>$' "$tmp/trace_f" && grep -q '<... wait4 resumed>' "$tmp/trace_f"; then
    echo "$name: the blocked wait4 split around its child's lines"
    return
  fi
  echo "FAIL ($name): wait4 not shown as unfinished and resumed:"
  cat "$tmp/trace_f"
  exit 1
}

check strace /usr/bin/strace
check sctrace "$sctrace" --backend=bpf
check_unfinished strace /usr/bin/strace
check_unfinished sctrace "$sctrace" --backend=bpf
