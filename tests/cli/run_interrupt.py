#!/usr/bin/env python3
"""strace's -I (interruptibility) levels, compared with Debian's strace.

For each of SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE and SIGTSTP, both
tracers trace the same command (`sh -c 'sleep 0.6; echo done > MARKER'`)
with the given options and receive the signal (only the tracer, not the
command) 0.25 s after they start. What is compared, per signal:
  - whether the tracer was stopped by it (SIGTSTP; it is then continued),
  - how the tracer ended (exit status, or the signal that killed it),
  - whether the command still ran to its end (the marker file exists): a
    tracer that detached lets it run, one that killed it does not.
strace 6.1: SIGTTOU/SIGTTIN are always ignored; -I 1 leaves the rest at their
defaults; -I 2 (default without -o FILE) detaches and kills the command with
the signal; -I 3 (default with -o FILE PROG) ignores HUP/INT/QUIT/PIPE/TERM;
-I 4 (default with -D) ignores SIGTSTP too.

Usage: run_interrupt.py --sctrace BIN [--strace PATH] NAME OPTIONS...
  ("{out}" in OPTIONS is a trace file in the run's directory)
"""
import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time

SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGPIPE, signal.SIGTSTP]


def proc_state(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def no_core_own_group():
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # Own process group in our session: not orphaned, so SIGTSTP can stop it.
    os.setpgrp()


def run_pair(binaries, options, sig):
    """Runs each tracer under the same conditions; returns {tracer: outcome}."""
    runs = {}
    for name, binary in binaries:
        tmp = tempfile.mkdtemp(prefix="sctrace-intr-")
        marker = os.path.join(tmp, "marker")
        opts = [o.replace("{out}", os.path.join(tmp, "trace")) for o in options]
        cmd = [binary] + opts + ["/bin/sh", "-c", "sleep 0.6; echo done > %s" % marker]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, preexec_fn=no_core_own_group,
                                env={"PATH": "/usr/bin:/bin", "LANG": "C"})
        runs[name] = (proc, marker, time.monotonic())
    time.sleep(0.25)
    for proc, _, _ in runs.values():
        proc.send_signal(sig)
    time.sleep(0.25)
    stopped = {}
    for name, (proc, _, _) in runs.items():
        stopped[name] = proc_state(proc.pid) in ("T", "t")
        if stopped[name]:
            proc.send_signal(signal.SIGCONT)
    outcome = {}
    for name, (proc, marker, start) in runs.items():
        try:
            rc = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = "hung"
        # A detached command finishes on its own: give it the time it needs.
        time.sleep(max(0.0, start + 1.3 - time.monotonic()))
        outcome[name] = "stopped=%s status=%s command_finished=%s" % (stopped[name], rc, os.path.exists(marker))
    return outcome


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", required=True, type=os.path.abspath)
    ap.add_argument("--strace", default="/usr/bin/strace")
    ap.add_argument("name")
    ap.add_argument("options", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    failed = False
    for sig in SIGNALS:
        got = run_pair((("strace", args.strace), ("sctrace", args.sctrace)), args.options, sig)
        same = got["strace"] == got["sctrace"]
        failed |= not same
        print("%s %s %s: strace %s; sctrace %s" % ("ok  " if same else "DIFF", args.name, sig.name, got["strace"],
                                                   got["sctrace"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
