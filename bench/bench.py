#!/usr/bin/env python3
"""sctrace vs strace (vs bpftrace) on the same workloads, in one run.

Each case runs its commands alternately (untraced, strace, sctrace, ... in
turn, `--runs` times), so every pair sees the same machine conditions; the
table reports medians of per-run ratios and peak RSS (ru_maxrss of the tracer
and its tracees, from wait4: the tracer dominates for these small workloads).

Usage: bench/bench.py [--sctrace build/sctrace] [--runs 5] [--quick] [--cases a,b]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


RSS_RUN = None  # build/tests/progs/bench_rss_run: a small launcher that reports ru_maxrss


def run(cmd, env=None):
    """Runs cmd; returns (seconds, peak RSS in KiB of the command and its children)."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.run([RSS_RUN] + cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        err.seek(0)
        last = err.read().decode(errors="replace").strip().splitlines()[-1]
    rss, seconds = last.split()
    if proc.returncode not in (0, 1):
        print("warning: %s exited with %d" % (cmd[:4], proc.returncode), file=sys.stderr)
    return float(seconds), int(rss)


def workloads(quick, progs):
    n = 20000 if quick else 200000
    return {
        "storm": ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=%d" % n],  # 2n syscalls
        "storm_small": ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=%d" % (n // 10)],
        "find": ["find", "/usr/include", "-name", "*.h"],
        "forks": ["sh", "-c", "for i in $(seq 1 %d); do /bin/true; done" % (20 if quick else 100)],
        "threads": [os.path.join(progs, "core_threads")],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", default=os.path.join(HERE, "..", "build", "sctrace"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="smaller workloads")
    ap.add_argument("--cases", default="")
    args = ap.parse_args()
    sctrace = os.path.abspath(args.sctrace)
    progs = os.path.join(os.path.dirname(sctrace), "tests", "progs")
    global RSS_RUN
    RSS_RUN = os.path.join(progs, "bench_rss_run")
    w = workloads(args.quick, progs)
    tmp = tempfile.mkdtemp(prefix="sctrace-bench-")
    out = os.path.join(tmp, "trace")
    # (case name, workload, tracer options, bpf?)
    cases = [
        ("full -o", "storm_small", ["-o", out]),
        ("full -o", "find", ["-o", out]),
        ("full -o", "forks", ["-f", "-o", out]),
        ("full -o", "threads", ["-f", "-o", out]),
        ("-c", "storm_small", ["-c", "-o", out]),
        ("-c", "find", ["-c", "-o", out]),
        ("-f -e trace=openat", "storm", ["-f", "-e", "trace=openat", "-o", out]),
        ("-f -e trace=openat", "forks", ["-f", "-e", "trace=openat", "-o", out]),
    ]
    bpf = os.geteuid() == 0 and os.path.exists("/sys/kernel/btf/vmlinux")
    if bpf:
        cases += [
            ("bpf -c", "storm", ["--backend=bpf", "-c", "-o", out]),
            ("bpf full -o", "storm_small", ["--backend=bpf", "-o", out]),
            # Ten times longer: the start-up (tens of ms) no longer dominates.
            ("bpf full -o", "storm", ["--backend=bpf", "-o", out]),
        ]
    if args.cases:
        wanted = set(args.cases.split(","))
        cases = [c for c in cases if c[1] in wanted or c[0] in wanted]

    print("machine: %s, %d CPUs, kernel %s, load average %.2f %.2f %.2f" % (
        (os.uname().nodename, os.cpu_count(), os.uname().release) + os.getloadavg()))
    print("runs per command: %d (alternating); ratios are medians of per-run ratios\n" % args.runs)
    header = "%-22s %-12s %9s %9s %9s %10s %10s %9s %9s" % (
        "case", "workload", "untraced", "strace", "sctrace", "sc/strace", "sc/untr", "RSS st", "RSS sc")
    print(header)
    print("-" * len(header))
    for name, wl, opts in cases:
        cmd = w[wl]
        strace_opts = [o for o in opts if not o.startswith("--backend")]
        times = {"u": [], "s": [], "c": []}
        rss = {"s": [], "c": []}
        for _ in range(args.runs):
            t, _ = run(cmd)
            times["u"].append(t)
            t, r = run(["strace"] + strace_opts + cmd)
            times["s"].append(t)
            rss["s"].append(r)
            t, r = run([sctrace] + opts + cmd)
            times["c"].append(t)
            rss["c"].append(r)
        ratio_s = statistics.median(c / s for c, s in zip(times["c"], times["s"]))
        ratio_u = statistics.median(c / u for c, u in zip(times["c"], times["u"]))
        print("%-22s %-12s %9.3f %9.3f %9.3f %10.3f %10.2f %8dK %8dK" % (
            name, wl, statistics.median(times["u"]), statistics.median(times["s"]),
            statistics.median(times["c"]), ratio_s, ratio_u, max(rss["s"]), max(rss["c"])))
        sys.stdout.flush()
    if bpf and (not args.cases or "startup" in args.cases.split(",")):
        # The eBPF engine's start-up, next to bpftrace's (bpf_bench.py).
        sys.path.insert(0, HERE)
        import bpf_bench
        print()
        print(bpf_bench.startup_report(sctrace))


if __name__ == "__main__":
    main()
