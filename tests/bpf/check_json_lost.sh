#!/bin/bash
# --json carries the lost-record count as {"lost_events":N}, the same N as
# the "N events lost" message on stderr, and only when records were lost.
# Losses are made certain as in check_lost_events.sh: sctrace is stopped
# while the traced storm fills a one-page ring nobody reads.
#   check_json_lost.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'kill -CONT "${tracer:-0}" 2>/dev/null; rm -rf "$tmp"' EXIT

wait_for() {  # wait_for FILE: up to 20 s
  for _ in $(seq 2000); do [ -e "$1" ] && return 0; sleep 0.01; done
  echo "FAIL: timed out waiting for $1"; exit 1
}

"$sctrace" --backend=bpf --bpf-buffer 4096 --json -f -o "$tmp/tiny.json" sh -c '
  touch "$1/ready"
  while [ ! -e "$1/go" ]; do sleep 0.01; done
  dd if=/dev/zero of=/dev/null bs=1 count=5000 2>/dev/null
  touch "$1/done"' sh "$tmp" 2>"$tmp/tiny.err" &
tracer=$!
wait_for "$tmp/ready"
kill -STOP "$tracer"
touch "$tmp/go"
wait_for "$tmp/done"
kill -CONT "$tracer"
wait "$tracer"

said=$(sed -n 's/^.*: \([0-9][0-9]*\) events lost$/\1/p' "$tmp/tiny.err")
if [ -z "$said" ] || [ "$said" -eq 0 ]; then echo "FAIL: no 'N events lost' on stderr"; cat "$tmp/tiny.err"; exit 1; fi
# The count is the trace's last line, and every line is JSON.
python3 - "$tmp/tiny.json" "$said" <<'PY' || exit 1
import json, sys
lines = open(sys.argv[1]).read().splitlines()
objs = [json.loads(l) for l in lines]
lost = [o for o in objs if "lost_events" in o]
if len(lost) != 1 or objs[-1] is not lost[0] or lost[0]["lost_events"] != int(sys.argv[2]):
    print("FAIL: want one last {\"lost_events\": %s}, got %r" % (sys.argv[2], lost)); sys.exit(1)
print("tiny buffer: %d JSON objects, then %r" % (len(objs) - 1, lost[0]))
PY

"$sctrace" --backend=bpf --json -o "$tmp/big.json" /bin/true 2>"$tmp/big.err"
if grep -q 'lost' "$tmp/big.json" "$tmp/big.err"; then echo "FAIL: lost_events without losses"; exit 1; fi
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/big.json" || { echo "FAIL: invalid JSON"; exit 1; }
echo "ok: lost_events only when lost, equal to stderr's count"
