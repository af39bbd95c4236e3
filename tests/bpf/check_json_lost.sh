#!/bin/bash
# --json carries the lost-record count as {"lost_events":N}, the same N as
# the "N events lost" message on stderr, and only when records were lost.
# Losses are made certain as in check_lost_events.sh (overflow_storm.sh).
#   check_json_lost.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'kill -CONT "${tracer:-0}" 2>/dev/null; rm -rf "$tmp"' EXIT

. "$(dirname "$0")/overflow_storm.sh"
overflow_storm 5000 "$tmp/tiny.json" "$tmp/tiny.err" --json

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
