#!/bin/sh
# Runs one D test: NAME.d under `sctrace dtrace -s` with -c running the
# test program tests/progs/d_valk through a symlink named "valk" (so
# execname == "valk"), in DTrace's testing mode (_DTRACE_TESTING: no CPU/ID
# columns), and compares stdout with NAME.out byte for byte.
# Optional files beside NAME.d:
#   NAME.flags   extra dtrace options (e.g. -q), one line
#   NAME.cmd     the -c command's arguments after "valk" (default: none);
#                "none" runs without -c
#   NAME.err     expected stderr (compared when present)
#   NAME.status  expected exit status (default 0)
# Usage: run_d_test.sh SCTRACE PROGS_DIR NAME.d
set -u
sctrace=$1
progs=$2
script=$3
base=${script%.d}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$progs/d_valk" "$tmp/valk"

. "$(dirname "$0")/case_sidecars.sh"

cd "$tmp"
if [ "$cmdargs" = "none" ]; then
  _DTRACE_TESTING=1 "$sctrace" dtrace $flags -s "$script" >out.txt 2>err.txt
else
  _DTRACE_TESTING=1 "$sctrace" dtrace $flags -s "$script" -c "$tmp/valk $cmdargs" >out.txt 2>err.txt
fi
status=$?

fail=0
if ! cmp -s out.txt "$base.out"; then
  echo "stdout differs from $base.out:"; diff "$base.out" out.txt | head -40; fail=1
fi
if [ -f "$base.err" ] && ! cmp -s err.txt "$base.err"; then
  echo "stderr differs from $base.err:"; diff "$base.err" err.txt | head -20; fail=1
fi
if [ "$status" != "$want_status" ]; then
  echo "exit status $status, expected $want_status"; cat err.txt; fail=1
fi
exit $fail
