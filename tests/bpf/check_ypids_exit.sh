#!/bin/bash
# -Y: a child whose execve is not traced ends as "[pid N<true>] +++ exited",
# with the name the execve gave it, as strace prints it (strace reloads a
# comm after every execve, traced or not). The eBPF engine prints after the
# child is reaped, when /proc no longer has it: the exit record carries the
# task's last comm. (Not a differential case: the ptrace engine sometimes
# prints the pre-exec name there.) Both program variants, several runs.
#   check_ypids_exit.sh SCTRACE PROGS_DIR
set -u
sctrace=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for raw in 0 1; do
  for i in 1 2 3 4 5; do
    SCTRACE_BPF_FORCE_RAW_TP=$raw "$sctrace" --backend=bpf -Y -f -e signal=none -e trace=getpid,kill \
      -o "$tmp/out" /bin/sh -c '/bin/true; kill -0 $$' 2>"$tmp/err"
    if ! grep -Eq '^[0-9]+<true> \+\+\+ exited with 0 \+\+\+$' "$tmp/out"; then
      echo "FAIL (raw tracepoints: $raw, run $i): no '<true> +++ exited' line"
      cat "$tmp/out" "$tmp/err"
      exit 1
    fi
  done
done
echo "ok: the untraced execve's name on the child's exit line, 5 runs per program variant"
