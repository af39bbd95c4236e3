#!/usr/bin/env python3
"""The eBPF engine's benchmark (issue 5's targets), in one run.

A 400k-syscall storm (dd bs=1 count=200000: one read and one write per
byte), each command in turn `--runs` times so that every pair sees the same
machine conditions (DESIGN.md: CPU placement moves ptrace timings); medians
of the per-run ratios to the untraced run. Also the start-up time: from
launching `sctrace --backend=bpf` to the command's first traced syscall
(its execve, timestamped in the kernel), and bpftrace's for comparison
(bpftrace needs tracefs: mounted for that measurement if it is not).

Usage (root): bench/bpf_bench.py [--sctrace build/sctrace] [--runs 3] [--no-strace]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

STORM = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"]


def timed(cmd):
    t0 = time.monotonic()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.monotonic() - t0, proc.stderr.decode(errors="replace")


def startup(sctrace):
    """Seconds from exec of sctrace to the traced command's execve entry."""
    t0 = time.time()
    proc = subprocess.run([sctrace, "--backend=bpf", "-ttt", "-e", "trace=execve", "/bin/true"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    m = re.search(r"^(\d+\.\d+) execve\(", proc.stderr.decode(), re.M)
    return float(m.group(1)) - t0 if m else float("nan")


def bpftrace_startup():
    """bpftrace: from launch to its BEGIN probe having fired, attached and ready.
    bpftrace 0.17 (Debian 12) has no nsecs(realtime): its nsecs is the kernel's
    CLOCK_MONOTONIC, compared with ours."""
    t0 = time.clock_gettime(time.CLOCK_MONOTONIC)
    proc = subprocess.run(["bpftrace", "-e", "tracepoint:raw_syscalls:sys_enter /pid == 0/ { @ = count(); } "
                           "BEGIN { printf(\"%lld\\n\", nsecs); exit(); }"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    m = re.search(r"^(\d{6,})$", proc.stdout.decode(), re.M)
    return int(m.group(1)) / 1e9 - t0 if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", default="build/sctrace")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-strace", action="store_true", help="skip strace (about 40 s a run here)")
    args = ap.parse_args()
    sctrace = os.path.abspath(args.sctrace)
    tmp = tempfile.mkdtemp(prefix="sctrace-bench-")
    out = os.path.join(tmp, "trace.out")

    cases = [
        ("untraced", STORM),
        ("sctrace --backend=bpf -c", [sctrace, "--backend=bpf", "-c", "-o", os.devnull] + STORM),
        ("sctrace --backend=bpf -o FILE", [sctrace, "--backend=bpf", "-o", out] + STORM),
    ]
    if not args.no_strace:
        cases += [("strace -c", ["strace", "-c", "-o", os.devnull] + STORM),
                  ("strace -o FILE", ["strace", "-o", out] + STORM)]
    times = {name: [] for name, _ in cases}
    lost = 0
    for _ in range(args.runs):
        for name, cmd in cases:
            secs, err = timed(cmd)
            times[name].append(secs)
            m = re.search(r"(\d+) events lost", err)
            if m:
                lost = max(lost, int(m.group(1)))
    base = times["untraced"]
    print("%-32s %10s %10s" % ("case", "median s", "x untraced"))
    for name, _ in cases:
        ratios = [t / b for t, b in zip(times[name], base)]
        print("%-32s %10.3f %10.1f" % (name, statistics.median(times[name]), statistics.median(ratios)))
    if not args.no_strace:
        r = [a / b for a, b in zip(times["sctrace --backend=bpf -c"], times["strace -c"])]
        f = [a / b for a, b in zip(times["sctrace --backend=bpf -o FILE"], times["strace -o FILE"])]
        print("bpf -c / strace -c: %.4f   bpf -o / strace -o: %.4f" % (statistics.median(r), statistics.median(f)))
    print("largest lost-event count: %d" % lost)
    ups = sorted(startup(sctrace) for _ in range(5))
    print("start-up to first traced syscall: median %.1f ms (min %.1f)" % (ups[2] * 1e3, ups[0] * 1e3))
    if subprocess.run(["which", "bpftrace"], stdout=subprocess.DEVNULL).returncode == 0:
        # bpftrace finds tracepoints through tracefs: mounted for the
        # measurement when it is not (and unmounted after).
        mounted = False
        if not os.path.isdir("/sys/kernel/tracing/events"):
            mounted = subprocess.run(["mount", "-t", "tracefs", "nodev", "/sys/kernel/tracing"]).returncode == 0
        try:
            bt = sorted(bpftrace_startup() for _ in range(3))
        finally:
            if mounted:
                subprocess.run(["umount", "/sys/kernel/tracing"])
        print("bpftrace start-up to BEGIN: median %.1f ms" % (bt[1] * 1e3))
    else:
        print("bpftrace start-up: not measured (bpftrace is not installed: apt-get install bpftrace)")


if __name__ == "__main__":
    sys.exit(main())
