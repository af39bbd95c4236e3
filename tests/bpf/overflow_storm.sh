# Sourced by check_lost_events.sh and check_json_lost.sh: a storm traced by
# the eBPF engine into a one-page ring that nobody reads, so that records
# are lost for certain. sctrace itself is SIGSTOPped while the storm runs
# (eBPF does not stop the tracee, so the storm goes on at full speed); on
# an idle, fast machine a live consumer can keep pace even with one page.
#   overflow_storm BYTES OUT ERR SCTRACE_OPTION...
#     dd bs=1 count=BYTES (2 syscalls a byte) under
#     sctrace --backend=bpf --bpf-buffer 4096 -f -o OUT OPTIONS..., stderr to ERR.
# The caller's EXIT trap should `kill -CONT "${tracer:-0}"`.

wait_for() {  # wait_for FILE: up to 20 s
  for _ in $(seq 2000); do [ -e "$1" ] && return 0; sleep 0.01; done
  echo "FAIL: timed out waiting for $1"; exit 1
}

overflow_storm() {
  local bytes=$1 out=$2 err=$3
  shift 3
  local sync
  sync=$(mktemp -d)
  "$sctrace" --backend=bpf --bpf-buffer 4096 "$@" -f -o "$out" sh -c '
    touch "$1/ready"
    while [ ! -e "$1/go" ]; do sleep 0.01; done
    dd if=/dev/zero of=/dev/null bs=1 count="$2" 2>/dev/null
    touch "$1/done"' sh "$sync" "$bytes" 2>"$err" &
  tracer=$!
  wait_for "$sync/ready"
  kill -STOP "$tracer"
  touch "$sync/go"
  wait_for "$sync/done"
  kill -CONT "$tracer"
  wait "$tracer"
  rm -rf "$sync"
}
