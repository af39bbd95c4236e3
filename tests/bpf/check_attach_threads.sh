#!/bin/bash
# -p PID of a running multi-threaded process: with -f every thread it has at
# attach time is traced (strace -f -p seizes them all), without -f only the
# thread PID (as strace). core_threads 1 loops forever: three workers each
# open and close /etc/hostname every 20 ms; the main thread only waits.
#   check_attach_threads.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
progs=$2
tmp=$(mktemp -d)
"$progs/core_threads" 1 &
target=$!
trap 'kill $target 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 200); do [ "$(ls /proc/$target/task 2>/dev/null | wc -l)" -ge 4 ] && break; sleep 0.01; done
tasks=$(ls /proc/$target/task | sort -n | tr '\n' ' ')
echo "target $target, tasks: $tasks"

timeout -s INT 1 "$sctrace" --backend=bpf -f -p "$target" -e trace=open,openat -o "$tmp/f.out" 2>"$tmp/f.err"
# Which tasks opened the file (strace -f prefixes each line with its tid).
openers=$(sed -n 's/^\([0-9][0-9]*\) \+open.*"\/etc\/hostname".*= [0-9][0-9]*$/\1/p' "$tmp/f.out" | sort -un | tr '\n' ' ')
echo "with -f: opened by $openers"
for tid in $tasks; do
  [ "$tid" = "$target" ] && continue
  case " $openers " in *" $tid "*) ;; *) echo "FAIL: worker $tid not traced"; cat "$tmp/f.err"; head "$tmp/f.out"; exit 1;; esac
done
# strace's one message for the process and its threads.
grep -q "Process $target attached with 4 threads" "$tmp/f.err" || { echo "FAIL: attach message"; cat "$tmp/f.err"; exit 1; }

timeout -s INT 1 "$sctrace" --backend=bpf -p "$target" -e trace=open,openat -o "$tmp/nof.out" 2>"$tmp/nof.err"
if grep -q 'open' "$tmp/nof.out"; then echo "FAIL: without -f a worker was traced"; cat "$tmp/nof.out"; exit 1; fi
grep -q "Process $target attached" "$tmp/nof.err" || { echo "FAIL: no attach message"; cat "$tmp/nof.err"; exit 1; }
echo "ok: -f -p traces the 3 workers, -p alone only the main thread"
