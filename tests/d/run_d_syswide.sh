#!/bin/sh
# Runs one system-wide D test (no -c/-p: the eBPF engine, root): starts
# `sctrace dtrace -n "$(cat NAME.d)"` in the background, runs the test
# program tests/progs/d_valk through a symlink named "valk", then sends
# SIGINT (Ctrl-C) and compares stdout with NAME.out, in DTrace's testing
# mode (_DTRACE_TESTING: no CPU/ID columns).
# Other processes run meanwhile, so the programs select valk by name.
# Optional files beside NAME.d:
#   NAME.flags   extra dtrace options (e.g. -q), one line
#   NAME.cmd     valk's arguments (default: none)
#   NAME.filter  an extended regexp: only the output lines matching it are compared
#   NAME.sed     a sed script applied to the output (times vary)
#   NAME.sort    present: the (filtered) lines are compared sorted
#   NAME.err     a regexp that stderr must match (grep -E)
#   NAME.status  expected exit status (default 0)
# Without root or without the eBPF engine: SKIPPED (exit 77), with the reason.
# Usage: run_d_syswide.sh SCTRACE PROGS_DIR NAME.d
set -u
sctrace=$1
progs=$2
script=$3
base=${script%.d}
tmp=$(mktemp -d)
tracer=
trap 'rm -rf "$tmp"; [ -n "$tracer" ] && kill -KILL $tracer 2>/dev/null' EXIT
ln -s "$progs/d_valk" "$tmp/valk"

. "$(dirname "$0")/case_sidecars.sh"

if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED: system-wide dtrace runs on the eBPF engine, which needs root"
  exit 77
fi

cd "$tmp"
_DTRACE_TESTING=1 "$sctrace" dtrace $flags -n "$(cat "$script")" >out.txt 2>err.txt &
tracer=$!
# Loaded and attached: start-up is tens of ms; leave room on a busy machine.
i=0
while [ $i -lt 10 ] && kill -0 $tracer 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if ! kill -0 $tracer 2>/dev/null; then
  wait $tracer
  status=$?
  tracer=
  if grep -q 'failed to initialize dtrace' err.txt; then
    echo "SKIPPED: $(cat err.txt)"
    exit 77
  fi
  if [ "$status" = "$want_status" ] && [ -f "$base.err" ] && grep -Eq "$(cat "$base.err")" err.txt; then
    echo "ok: failed as expected: $(cat err.txt)"
    exit 0
  fi
  echo "dtrace ended early with status $status:"; cat err.txt out.txt
  exit 1
fi

# Descriptors the test runner inherited would shift valk's fd numbers.
./valk $cmdargs 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&-
sleep 0.5  # records reach user space in batches, every ~100 ms
kill -INT $tracer
wait $tracer
status=$?
tracer=

fail=0
cp out.txt got.txt
[ -f "$base.filter" ] && { grep -E "$(cat "$base.filter")" out.txt >got.txt || true; }
[ -f "$base.sed" ] && { sed -E -f "$base.sed" got.txt >got2.txt; mv got2.txt got.txt; }
[ -f "$base.sort" ] && { LC_ALL=C sort got.txt >got2.txt; mv got2.txt got.txt; }
if ! cmp -s got.txt "$base.out"; then
  echo "stdout differs from $base.out:"; diff "$base.out" got.txt | head -40
  echo "--- raw stdout:"; head -60 out.txt; fail=1
fi
if [ -f "$base.err" ] && ! grep -Eq "$(cat "$base.err")" err.txt; then
  echo "stderr does not match $(cat "$base.err"):"; head -20 err.txt; fail=1
fi
if [ "$status" != "$want_status" ]; then
  echo "exit status $status, expected $want_status"; cat err.txt; fail=1
fi
[ $fail = 0 ] && echo "ok: $(wc -l <out.txt) lines of output"
exit $fail
