#!/usr/bin/env python3
"""The eBPF engine's benchmark (issue 5's targets), in one run.

A 400k-syscall storm (dd bs=1 count=200000: one read and one write per
byte) and a 40k one (where start-up weighs more), each command in turn `--runs` times so that every pair sees the same
machine conditions (DESIGN.md: CPU placement moves ptrace timings); medians
of the per-run ratios to the untraced run. Also the start-up time: from
launching `sctrace --backend=bpf` to the command's first traced syscall
(its execve, timestamped in the kernel), and bpftrace's for comparison
(bpftrace needs tracefs: mounted for that measurement if it is not).

Usage (root): bench/bpf_bench.py [--sctrace build/sctrace] [--runs 3] [--no-strace] [--startup-only]
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
# 40k syscalls: where start-up weighs more (bench.py's storm_small).
STORM_SMALL = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"]


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


def startup_report(sctrace, runs=9):
    """Start-up to the first traced syscall, sctrace's next to bpftrace's
    (medians and minimums: on a shared machine the minimum is the cost, the
    median what a user sees)."""
    lines = ["%-36s %9s %9s %5s" % ("start-up to the first traced event", "median", "min", "runs")]
    ups = sorted(startup(sctrace) for _ in range(runs))
    lines.append("%-36s %6.1f ms %6.1f ms %5d" % ("sctrace --backend=bpf (execve)", statistics.median(ups) * 1e3,
                                                  ups[0] * 1e3, runs))
    if subprocess.run(["which", "bpftrace"], stdout=subprocess.DEVNULL).returncode == 0:
        # bpftrace finds tracepoints through tracefs: mounted for the
        # measurement when it is not (and unmounted after).
        mounted = False
        if not os.path.isdir("/sys/kernel/tracing/events"):
            mounted = subprocess.run(["mount", "-t", "tracefs", "nodev", "/sys/kernel/tracing"]).returncode == 0
        try:
            n = max(3, runs // 2)
            bt = sorted(bpftrace_startup() for _ in range(n))
        finally:
            if mounted:
                subprocess.run(["umount", "/sys/kernel/tracing"])
        lines.append("%-36s %6.1f ms %6.1f ms %5d" % ("bpftrace (BEGIN probe)", statistics.median(bt) * 1e3,
                                                      bt[0] * 1e3, n))
    else:
        lines.append("bpftrace: not measured (not installed: apt-get install bpftrace)")
    return "\n".join(lines)


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", default="build/sctrace")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-strace", action="store_true", help="skip strace (about 40 s a run here)")
    ap.add_argument("--startup-only", action="store_true", help="only the start-up figures")
    args = ap.parse_args()
    sctrace = os.path.abspath(args.sctrace)
    tmp = tempfile.mkdtemp(prefix="sctrace-bench-")
    out = os.path.join(tmp, "trace.out")
    print("before: " + load())
    if args.startup_only:
        print(startup_report(sctrace))
        print("after: " + load())
        return 0

    # (row, workload, command): each row's ratio is to its workload's untraced run.
    cases = []
    for wl, storm in (("storm", STORM), ("storm_small", STORM_SMALL)):
        cases += [
            ("untraced", wl, storm),
            ("sctrace --backend=bpf -o FILE", wl, [sctrace, "--backend=bpf", "-o", out] + storm),
        ]
        if not args.no_strace:
            cases.append(("strace -o FILE", wl, ["strace", "-o", out] + storm))
    cases.insert(1, ("sctrace --backend=bpf -c", "storm", [sctrace, "--backend=bpf", "-c", "-o", os.devnull] + STORM))
    if not args.no_strace:
        cases.insert(2, ("strace -c", "storm", ["strace", "-c", "-o", os.devnull] + STORM))
    times = {(name, wl): [] for name, wl, _ in cases}
    lost = 0
    for _ in range(args.runs):
        for name, wl, cmd in cases:
            secs, err = timed(cmd)
            times[(name, wl)].append(secs)
            m = re.search(r"(\d+) events lost", err)
            if m:
                lost = max(lost, int(m.group(1)))
    print("%-32s %-12s %10s %10s" % ("case", "workload", "median s", "x untraced"))
    for name, wl, _ in cases:
        base = times[("untraced", wl)]
        ratios = [t / b for t, b in zip(times[(name, wl)], base)]
        print("%-32s %-12s %10.3f %10.2f" % (name, wl, statistics.median(times[(name, wl)]), statistics.median(ratios)))

    def vs(a, b):
        return statistics.median(x / y for x, y in zip(times[a], times[b]))
    if not args.no_strace:
        print("bpf -c / strace -c (storm): %.4f" % vs(("sctrace --backend=bpf -c", "storm"), ("strace -c", "storm")))
        for wl in ("storm", "storm_small"):
            print("bpf -o / strace -o (%s): %.4f" % (wl, vs(("sctrace --backend=bpf -o FILE", wl), ("strace -o FILE", wl))))
    print("largest lost-event count: %d" % lost)
    print(startup_report(sctrace))
    print("after: " + load())

if __name__ == "__main__":
    sys.exit(main())
