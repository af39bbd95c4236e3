#!/bin/sh
# -k under --backend=bpf is refused at once, before anything runs, with the
# same kind of message as -D and -e inject= (the eBPF engine has no stacks).
# Usage: bpf_refused.sh SCTRACE
sctrace=$1
out=$("$sctrace" --backend=bpf -k -e trace=write /bin/echo ran 2>&1)
rc=$?
case "$out" in
  *"--backend=bpf: -k/--stack-traces needs the ptrace engine"*) ;;
  *) echo "unexpected output: $out"; exit 1 ;;
esac
case "$out" in
  *ran*) echo "the command ran: $out"; exit 1 ;;
esac
[ "$rc" -eq 1 ] || { echo "exit status $rc, expected 1"; exit 1; }
# With -c, -k has no effect (strace warns), so the eBPF engine is not refused.
"$sctrace" --backend=bpf -c -k -e trace=write /bin/true 2>&1 | grep -q "needs the ptrace engine" &&
  { echo "-c -k refused under bpf"; exit 1; }
echo "ok"
