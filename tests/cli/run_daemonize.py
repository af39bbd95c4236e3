#!/usr/bin/env python3
"""strace -D / -DD / -DDD (--daemonize[=grandchild|pgroup|session]),
compared with Debian's strace.

With -D the traced command keeps the tracer's original process: its pid is
the one the invoker started and its parent is the invoker; the tracer is a
detached grandchild (-DD: in a process group of its own, -DDD: in a session
of its own). For each spelling, both tracers run
`sh -c 'echo $$ $PPID > INFO; sleep 0.3; exit 3'` with -o FILE, and this
compares: the command's own pid and parent as it reports them (against the
pid we started and our own pid), the tracer's process group and session
(own, or the invoker's), the exit status we see, and the trace (read once the
detached tracer has finished), normalised as the diff runner does.

Usage: run_daemonize.py --sctrace BIN [--strace PATH]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "diff"))
import run_diff  # noqa: E402

SPELLINGS = [["-D"], ["-DD"], ["-D", "-D", "-D"], ["--daemonize"], ["--daemonize=pgroup"], ["--daemonize=session"]]


def tracer_of(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("TracerPid:"):
                return int(line.split()[1])
    return 0


def group_and_session(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[2]), int(fields[3])


def describe(pid, pgid, sid):
    me_pgid, me_sid = os.getpgid(0), os.getsid(0)
    group = "own" if pgid == pid else "invoker's" if pgid == me_pgid else "other"
    session = "own" if sid == pid else "invoker's" if sid == me_sid else "other"
    return "group=%s session=%s" % (group, session)


def run_one(binary, spelling):
    tmp = tempfile.mkdtemp(prefix="sctrace-daemon-")
    info, out = os.path.join(tmp, "info"), os.path.join(tmp, "trace")
    cmd = [binary] + spelling + ["-o", out, "-e", "trace=execve,getppid,exit_group", "/bin/sh", "-c",
                                 "echo $$ $PPID > %s; sleep 0.3; exit 3" % info]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={"PATH": "/usr/bin:/bin", "LANG": "C"})
    tracer, where = 0, "no tracer seen"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not tracer:
        time.sleep(0.02)
        try:
            tracer = tracer_of(proc.pid)
            if tracer:
                where = describe(tracer, *group_and_session(tracer))
        except OSError:
            break
    status = proc.wait(timeout=30)
    stderr = proc.stderr.read().decode("utf-8", "replace")
    # The detached tracer writes the last lines after the command has exited.
    while tracer and os.path.exists("/proc/%d" % tracer) and time.monotonic() < deadline + 5:
        time.sleep(0.02)
    try:
        pid, ppid = open(info).read().split()
    except (OSError, ValueError):
        pid, ppid = "?", "?"
    facts = "command pid %s, parent %s; tracer %s; status %d" % (
        "kept" if pid == str(proc.pid) else "NEW (%s)" % pid,
        "is the invoker" if ppid == str(os.getpid()) else "NOT the invoker (%s)" % ppid, where, status)
    trace = open(out, errors="replace").read() if os.path.exists(out) else "(no trace file)\n"
    return facts, run_diff.normalise(trace + "--- stderr ---\n" + stderr, binary)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", required=True, type=os.path.abspath)
    ap.add_argument("--strace", default="/usr/bin/strace")
    args = ap.parse_args()
    failed = False
    for spelling in SPELLINGS:
        facts_a, trace_a = run_one(args.strace, spelling)
        facts_b, trace_b = run_one(args.sctrace, spelling)
        same = facts_a == facts_b and trace_a == trace_b
        failed |= not same
        print("%s %s: strace: %s | sctrace: %s" % ("ok  " if same else "DIFF", " ".join(spelling), facts_a, facts_b))
        if trace_a != trace_b:
            print("  strace trace:  %r\n  sctrace trace: %r" % (trace_a, trace_b))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
