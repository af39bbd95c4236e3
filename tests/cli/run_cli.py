#!/usr/bin/env python3
"""Differential tests of the strace face's command line that the diff runner
(tests/diff/run_diff.py, whose normalisation this reuses) cannot express:

  - options naming the output themselves: "{out}" in the options is replaced
    by a file in the run's directory, and every file "{out}" and "{out}.PID"
    is compared (-ff: one file per task, ordered by pid, the pid in the name
    compared by rank; -A: the file is written twice, see "twice" below);
  - -i: instruction pointers "[00007f...]" vary with ASLR: only their offset
    in the page is compared;
  - "twice" as the first option word runs each tracer two times in the same
    directory (for -A, append mode);
  - NAME starting with "stderr_" compares stderr (and the exit status) only,
    "stdout_" compares stdout (for -o '|cat'), "status_" only the exit
    status (-h and -V: sctrace's texts are its own).

Usage: run_cli.py --sctrace BIN --progs DIR 'NAME | OPTIONS | PROGRAM ARGS'
"""
import argparse
import difflib
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "diff"))
import run_diff  # noqa: E402

IP = re.compile(r"\[[0-9a-f]{16}\]")
RELATIVE = re.compile(r"\(\+ *\d+(\.\d+)?\) ")


def run_once(cmd, cwd, env):
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, timeout=120)


def collect(out):
    """The trace files of one run: OUT itself, then OUT.PID by pid."""
    texts = []
    if os.path.exists(out):
        texts.append(open(out, errors="replace").read())
    per_pid = sorted(glob.glob(out + ".*"), key=lambda p: int(p.rsplit(".", 1)[1]))
    for rank, path in enumerate(per_pid):
        texts.append("=== file %d of %d\n" % (rank + 1, len(per_pid)) + open(path, errors="replace").read())
    return "\n".join(texts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", required=True, type=os.path.abspath)
    ap.add_argument("--progs", required=True)
    ap.add_argument("--strace", default="/usr/bin/strace")
    ap.add_argument("spec", nargs="+")
    args = ap.parse_args()
    parts = [p.strip() for p in " ".join(args.spec).split("|", 2)]
    # The program part is after the second '|' only; options may hold "|cmd".
    name, rest = parts[0], " | ".join(parts[1:])
    options, _, program = rest.rpartition(" | ")
    options = options.strip()
    prog_argv = shlex.split(program)
    if prog_argv and os.path.exists(os.path.join(args.progs, prog_argv[0])):
        prog_argv[0] = os.path.join(args.progs, prog_argv[0])
    opts = shlex.split(options)
    runs = 1
    if opts and opts[0] == "twice":
        runs, opts = 2, opts[1:]

    results = {}
    for tracer, binary in (("strace", args.strace), ("sctrace", args.sctrace)):
        with tempfile.TemporaryDirectory(prefix="sctrace-cli-") as tmp:
            env = {"PATH": "/usr/bin:/bin", "LANG": "C", "HOME": tmp, "TZ": "UTC"}
            out = os.path.join(tmp, "trace")
            if any("{out}" in o for o in opts):
                cmd = [binary] + [o.replace("{out}", out) for o in opts] + prog_argv
            elif name.startswith(("stderr_", "stdout_", "status_")):
                cmd = [binary] + opts + prog_argv
            else:
                cmd = [binary, "-o", out] + opts + prog_argv
            for _ in range(runs):
                proc = run_once(cmd, tmp, env)
            if name.startswith("stderr_"):
                text = proc.stderr.decode("utf-8", "replace")
            elif name.startswith("stdout_"):
                text = proc.stdout.decode("utf-8", "replace")
            elif name.startswith("status_"):
                text = ""
            else:
                text = collect(out) + "\n--- stderr ---\n" + proc.stderr.decode("utf-8", "replace")
            text = text.replace(out, "OUT")
            # "Can't fopen 'OUT.PID'": the pid of a -ff file that could not be opened.
            text = re.sub(r"(Can't fopen '[^']*)\.\d+'", r"\1.PID'", text)
            # ASLR moves mappings by whole pages: an address's offset in its
            # page (its last 3 hex digits) is the same in every run, so it
            # still tells which instruction a line names.
            text = IP.sub(lambda m: "[IP:" + m.group(0)[-4:-1] + "]", text)
            text = RELATIVE.sub("(+REL) ", text)
            results[tracer] = (proc.returncode, run_diff.normalise(text, binary))
    (rc_a, a), (rc_b, b) = results["strace"], results["sctrace"]
    same = sum(1 for x, y in zip(a, b) if x == y)
    print("case %s: %d/%d lines agree; exit status strace=%d sctrace=%d" % (name, same, max(len(a), len(b)), rc_a, rc_b))
    if a == b and rc_a == rc_b:
        return 0
    sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in a], [l + "\n" for l in b], "strace", "sctrace", n=1))
    return 1


if __name__ == "__main__":
    sys.exit(main())
