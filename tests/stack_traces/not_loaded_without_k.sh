#!/bin/sh
# libunwind is loaded only for -k (stack_unwinder.cc dlopen()s it): a run
# without -k must not map it (it would cost ~150 KB resident in every run),
# one with -k must (else the frames come from nowhere).
# Usage: not_loaded_without_k.sh SCTRACE
sctrace=$1
maps_of_run() {
  "$sctrace" "$@" -o /dev/null /bin/sleep 1 &
  tracer=$!
  sleep 0.5
  maps=$(cat /proc/$tracer/maps)
  wait $tracer
  printf '%s\n' "$maps"
}
if maps_of_run -e trace=none | grep -q libunwind; then
  echo "libunwind is mapped without -k"; exit 1
fi
if ! maps_of_run -k -e trace=nanosleep,clock_nanosleep | grep -q libunwind-ptrace; then
  echo "libunwind-ptrace is not mapped with -k"; exit 1
fi
echo ok
