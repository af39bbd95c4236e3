#!/usr/bin/env bash
# -p on a multi-threaded process, then Ctrl-C (SIGINT) and SIGTERM: the
# process must keep running (not stopped, not killed), the messages and the
# exit status must be strace's. A pid that does not exist: strace's message.
set -u
sctrace=$1 progs=$2
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(mktemp -d)
trap 'kill $target 2>/dev/null; rm -rf "$tmp"' EXIT

"$progs/core_threads" 1 &
target=$!
sleep 0.3

run_and_interrupt() {  # tracer signal -> writes $tmp/<tracer>.err, prints exit status
  local bin=$1 sig=$2 name=$3
  "$bin" -f -p "$target" -o "$tmp/$name.out" 2>"$tmp/$name.err" &
  local tracer=$!
  sleep 0.6
  kill -"$sig" "$tracer"
  wait "$tracer"
  echo $?
}

for sig in INT TERM; do
  rc_strace=$(run_and_interrupt /usr/bin/strace $sig strace)
  rc_sctrace=$(run_and_interrupt "$sctrace" $sig sctrace)
  state=$(awk '/^State:/ {print $2}' /proc/$target/status 2>/dev/null)
  echo "SIG$sig: exit status strace=$rc_strace sctrace=$rc_sctrace; target state=$state"
  [ "$rc_strace" = "$rc_sctrace" ] || fail "exit status differs after SIG$sig"
  [ -n "$state" ] || fail "target died after SIG$sig"
  [ "$state" != T ] && [ "$state" != t ] || fail "target left stopped after SIG$sig"
  threads=$(ls /proc/$target/task | wc -l)
  [ "$threads" = 4 ] || fail "target has $threads threads, expected 4"
  norm() { sed -e "s#^$1: #TRACER: #" -e 's/[0-9]\+/N/g' "$2" | sort; }
  diff <(norm /usr/bin/strace "$tmp/strace.err") <(norm "$sctrace" "$tmp/sctrace.err") || fail "messages differ after SIG$sig"
  grep -q "attached with 4 threads" "$tmp/sctrace.err" || fail "no attach message"
  [ "$(grep -c detached "$tmp/sctrace.err")" = 4 ] || fail "not every thread reported detached"
  grep -q 'openat(AT_FDCWD, "/etc/hostname", O_RDONLY' "$tmp/sctrace.out" || fail "no syscalls traced while attached"
done

# The process still makes progress after the detaches.
# (The main thread sits in pthread_join: count the switches of every thread.)
switches() { cat /proc/$target/task/*/status | awk '/^voluntary_ctxt_switches/ {s += $2} END {print s}'; }
before=$(switches)
sleep 0.3
after=$(switches)
[ "$after" -gt "$before" ] || fail "target no longer runs after detach"

# A pid that does not exist.
/usr/bin/strace -p 999999 2>"$tmp/a.err"; rc_a=$?
"$sctrace" -p 999999 2>"$tmp/b.err"; rc_b=$?
[ "$rc_a" = "$rc_b" ] || fail "exit status for a missing pid: strace=$rc_a sctrace=$rc_b"
diff <(sed "s#^/usr/bin/strace: #TRACER: #" "$tmp/a.err") <(sed "s#^$sctrace: #TRACER: #" "$tmp/b.err") || fail "missing-pid message differs"
echo PASS
