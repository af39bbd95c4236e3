#!/bin/sh
# Runs a test only where the eBPF engine can run: as root, with BPF support,
# in a build that has the engine. Elsewhere the test is reported as skipped
# (exit 77, ctest's SKIP_RETURN_CODE), with the reason on its output.
#   guard.sh SCTRACE COMMAND ARGS...
sctrace="$1"
shift
if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED: the eBPF engine needs root"
  exit 77
fi
if ! why=$("$sctrace" --backend=bpf -e trace=none /bin/true 2>&1 >/dev/null); then
  echo "SKIPPED: $why"
  exit 77
fi
exec "$@"
