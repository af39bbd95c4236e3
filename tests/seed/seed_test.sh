#!/usr/bin/env bash
# Every command of the seed document (the skill users copy from), verbatim,
# with sctrace in place of strace, dtruss and dtrace (symlinks on PATH; sudo
# is a no-op), run against a program named valk (tests/progs/d_valk through a
# symlink build/valk, so execname is "valk").
# Each command must succeed and print lines of its face's format.
# Commands that need root and eBPF (system-wide dtrace, dtruss -n) are run
# only where those are available, and reported as skipped otherwise.
set -u
sctrace=$1 progs=$2
work=$(mktemp -d)
trap 'kill $bg 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/build" "$work/src" "$work/test"
for face in strace dtruss dtrace; do ln -s "$sctrace" "$work/bin/$face"; done
ln -s "$progs/d_valk" "$work/build/valk"
echo '(print "hello")' > "$work/src/prelude.valk"
echo '(print "test")' > "$work/test/test_prelude.valk"
cd "$work"
export PATH="$work/bin:$PATH"
sudo() { "$@"; }
export -f sudo
bpf=0
[ "$(id -u)" = 0 ] && [ -e /sys/kernel/btf/vmlinux ] && bpf=1

pass=0 fail=0 skip=0
# run EXPECT_REGEX TIMEOUT COMMAND...: the command's output (stdout+stderr)
# must match the regex, and its status must be 0 (or the timeout's when the
# command runs until interrupted, as attach and system-wide commands do).
run() {
  local expect=$1 limit=$2; shift 2
  local cmd="$*"
  out=$(timeout -s INT "$limit" bash -c "$cmd" 2>&1)
  local rc=$?
  if [ $rc -ne 0 ] && [ $rc -ne 124 ]; then
    echo "FAIL (exit $rc): $cmd"; echo "$out" | tail -5; fail=$((fail + 1)); return
  fi
  if ! grep -Eq -- "$expect" <<<"$out"; then
    echo "FAIL (output): $cmd"; echo "$out" | tail -5; fail=$((fail + 1)); return
  fi
  echo "ok: $cmd"
  pass=$((pass + 1))
}
needs_bpf() { if [ $bpf = 0 ]; then echo "SKIP (needs root and eBPF): $*"; skip=$((skip + 1)); return 1; fi; }

# A valk that keeps running, for the attach and system-wide commands.
start_valk() { build/valk 200000 30 >/dev/null 2>&1 & bg=$!; sleep 0.3; }
start_valk
SYSCALL='^[a-z_0-9]+\(.*\) += '

# Linux: strace
run "$SYSCALL" 20 'strace build/valk src/prelude.valk'
run '' 20 'strace -o trace.log build/valk src/prelude.valk && grep -Eq "^openat\(" trace.log'
run 'attached' 2 'strace -p $(pgrep -n valk)'
run '^(open|read|write|close)' 20 'strace -e open,read,write,close build/valk src/prelude.valk'
for cls in file network process signal memory ipc; do
  run '\+\+\+ exited with 0' 20 "strace -e trace=$cls build/valk"
done
run "^(execve|access|openat)" 20 'strace -e trace=!brk,mmap build/valk'
run '<0\.[0-9]{6}>$' 20 'strace -T build/valk'
run '^[0-9]{2}:[0-9]{2}:[0-9]{2} ' 20 'strace -t build/valk'
run '^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} ' 20 'strace -tt build/valk'
run '^[0-9]{10}\.[0-9]{6} ' 20 'strace -ttt build/valk'
run "$SYSCALL" 20 'strace -s 1000 build/valk'
run "$SYSCALL" 20 'strace -f build/valk'
run '^% time +seconds +usecs/call +calls +errors syscall' 20 'strace -c build/valk'
run 'total$' 20 'strace -C build/valk'
run '[0-9]+</' 20 'strace -y build/valk'
run '[0-9]+</' 20 'strace -yy build/valk'
run 'openat\(AT_FDCWD</' 20 'strace -e openat,open -y build/valk src/prelude.valk 2>&1 | grep -v ENOENT'
run '^(read|write)' 20 'strace -e socket,connect,bind,listen,accept,send,recv,read,write -yy build/valk src/prelude.valk'
run 'total$' 20 'strace -T -c build/valk src/prelude.valk'
run '^(brk|mmap|munmap)' 20 'strace -e brk,mmap,munmap,mremap build/valk src/prelude.valk'
run 'exited with 0' 20 'strace -e signal build/valk src/prelude.valk'
run 'exited with 0' 20 'strace -e trace=file -P /path/to/watched/file build/valk'
run '= -1' 20 'strace build/valk 2>&1 | grep "= -1"'
run 'ENOENT' 20 'strace -e openat,access,stat build/valk 2>&1 | grep -E "(ENOENT|No such)"'
run '' 20 'strace -e openat,access build/valk 2>&1 | grep EACCES; true'
run 'exited with 0' 20 'strace -e socket,connect,bind,listen,accept4,sendto,recvfrom,setsockopt -yy build/valk 2>&1'
run 'attached' 2 'strace -p $(pgrep -n valk)'
run 'seconds' 20 'strace -c build/valk src/prelude.valk'
run '' 20 "strace -T build/valk 2>&1 | awk '\$NF > 0.01'"
run 'exited with 0' 20 'strace -e epoll_create,epoll_ctl,epoll_wait,epoll_pwait build/valk src/prelude.valk'
run 'prelude' 20 'strace -e openat,read,close -y build/valk src/prelude.valk test/test_prelude.valk 2>&1 | grep -E "\.valk|prelude"; strace -e openat -y cat src/prelude.valk 2>&1 | grep -E "\.valk|prelude"'
run '^(mmap|munmap|mprotect|brk)' 20 'strace -e mmap,munmap,mprotect,brk build/valk src/prelude.valk'

# macOS in the seed, Linux here: dtruss (ptrace engine; -p attaches)
run 'SYSCALL\(args\)' 20 'sudo dtruss build/valk src/prelude.valk'
run 'ELAPSD' 20 'sudo dtruss -e build/valk src/prelude.valk'
run 'PID/THRD' 20 'sudo dtruss -f build/valk src/prelude.valk'
run 'SYSCALL\(args\)' 2 'sudo dtruss -p $(pgrep -n valk)'
run '^open(at)?\(' 20 'sudo dtruss -t open build/valk src/prelude.valk'
run 'Err#2' 20 'sudo dtruss -t open build/valk 2>&1 | grep "Err#2"'
run '^mmap\(' 20 'sudo dtruss -t mmap build/valk src/prelude.valk'
run 'SYSCALL\(args\)' 2 'sudo dtruss -p $(pgrep -n valk)'

# dtrace one-liners with -c (ptrace engine, no root needed)
run 'read +[0-9]+' 20 "dtrace -c 'build/valk' -n 'syscall:::entry /execname == \"valk\"/ { @[probefunc] = count(); }'"
run 'valk /dev/zero' 20 "dtrace -c 'build/valk' -n 'syscall::open*:entry /execname == \"valk\"/ { printf(\"%s %s\", execname, copyinstr(arg1)); }'"
run 'read\([0-9]+\) = 100 bytes' 20 "dtrace -c 'build/valk' -n 'syscall::read:entry /execname == \"valk\"/ { self->fd = arg0; } syscall::read:return /execname == \"valk\" && self->fd/ { printf(\"read(%d) = %d bytes\", self->fd, arg1); self->fd = 0; }'"
run 'value  ------------- Distribution ------------- count' 20 "dtrace -c 'build/valk' -n 'syscall:::entry /execname == \"valk\"/ { self->ts = timestamp; } syscall:::return /self->ts/ { @[probefunc] = quantize(timestamp - self->ts); self->ts = 0; }'"
run 'matched' 20 "dtrace -c 'build/valk' -n 'syscall::connect:entry /execname==\"valk\"/ { trace(arg0); }'"
run 'matched' 20 "dtrace -c 'build/valk' -n 'syscall:::entry /execname==\"valk\"/ { self->ts=timestamp; } syscall:::return /self->ts && (timestamp-self->ts)>1000000/ { printf(\"%s took %d us\", probefunc, (timestamp-self->ts)/1000); self->ts=0; }'"
run 'read +[0-9]+' 20 "dtrace -c 'build/valk' -n 'syscall:::entry /execname==\"valk\"/ { self->ts=timestamp; } syscall:::return /self->ts/ { @[probefunc]=sum(timestamp-self->ts); self->ts=0; } END { printa(@); }'"
# kqueue has no probes on Linux: DTrace's error, exit status 1 (expected).
out=$(dtrace -c build/valk -n 'syscall::kevent*:entry /execname=="valk"/ { trace(arg0); }' 2>&1); rc=$?
if [ $rc = 1 ] && grep -q 'does not match any probes' <<<"$out"; then echo "ok: kevent fails as DTrace does"; pass=$((pass + 1)); else echo "FAIL: kevent: $out"; fail=$((fail + 1)); fi

# System-wide (eBPF): the seed's form, without -c, while valk runs.
if needs_bpf "sudo dtrace -n 'syscall:::entry /execname == \"valk\"/ { @[probefunc] = count(); }'"; then
  # A valk that makes its syscalls while the tracer runs (the background one sleeps by then).
  run 'getppid +[0-9]+' 5 "(sleep 2; build/valk 5 >/dev/null) & sudo dtrace -n 'syscall:::entry /execname == \"valk\"/ { @[probefunc] = count(); }'"
  run 'getppid\(' 5 '(sleep 2; build/valk 5 >/dev/null) & sudo dtruss -n valk'
fi

echo "seed commands: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
