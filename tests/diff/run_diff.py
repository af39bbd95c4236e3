#!/usr/bin/env python3
"""Differential test: run one program under Debian's strace and under sctrace
with the same options, normalise what legitimately differs between two runs
of strace itself, and diff.

What is normalised, and why each is nondeterministic even for strace:
  - addresses (0x...): ASLR moves every mapping, stack and heap;
  - pids/tids: the kernel hands out new ones each run (mapped to PID1, PID2...
    in order of first appearance, so the structure is still compared);
  - times: -t/-tt/-ttt/-r prefixes, -T durations, time values in structs;
  - inode numbers (st_ino, socket:[N], pipe:[N]) and device-specific sizes;
  - ephemeral ports (>= 32768) chosen by the kernel;
  - getrandom's bytes and the AT_RANDOM-derived stack protector;
  - the tracer's own name in its messages (strace: vs sctrace:).
Everything else must be identical: a difference is a bug in sctrace.

Usage: run_diff.py --sctrace BIN --progs DIR [--stderr] NAME '|' OPTIONS '|' PROGRAM ARGS
Exit status 0 when the normalised traces are equal.
"""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile

ADDR = re.compile(r"0x[0-9a-f]{7,}")
BRK_LINE = re.compile(r"(?:^|\s|<\.\.\. )brk[( ]")
HEX = re.compile(r"0x[0-9a-f]+")
# -Y puts the task's comm in the pid prefix: "[pid  123<sh>] ", "123<sh> ".
COMM = r"(?:<[^>]*>)?"
TIME_PREFIX = re.compile(r"^(\[pid +\d+" + COMM + r"\] |\d+" + COMM + r" +)?(\d\d:\d\d:\d\d(\.\d+)?|\d{9,}(\.\d+)?|\s*\d+\.\d+) ")
DURATION = re.compile(r" <\d+(\.\d+)?>$")
INODE = re.compile(r"(socket|pipe|anon_inode:\[?\w*\]?|net|UNIX(-STREAM|-DGRAM|-SEQPACKET)?|inotify):\[(\d+)")
INO_FIELD = re.compile(r"(st_ino|stx_ino|d_ino|ino)=\d+")
PORT = re.compile(r"htons\((\d+)\)")
# -yy endpoints: ephemeral ports and socket inodes inside <TCP:[...]>, <UNIX-STREAM:[...]>...
ENDPOINT_PORT = re.compile(r"(\d+\.\d+\.\d+\.\d+|\]):(\d+)")
SOCKET_INODE = re.compile(r"<(TCP|UDP|TCPv6|UDPv6|UNIX-STREAM|UNIX-DGRAM|UNIX-SEQPACKET|UNIX|NETLINK|socket):\[(\d+)")
PEER_INODE = re.compile(r"(UNIX(?:-STREAM|-DGRAM|-SEQPACKET)?:\[INODE)->(\d+)")
GETRANDOM = re.compile(r'^(.*getrandom\()"[^"]*"(\.\.\.)?')
TIMES = re.compile(r"(tv_sec|tv_nsec|tv_usec|st_atime|st_mtime|st_ctime|stx_atime|stx_mtime|stx_ctime|stx_btime|"
                   r"st_atime_nsec|st_mtime_nsec|st_ctime_nsec|si_utime|si_stime|ru_utime|ru_stime|tms_utime|"
                   r"tms_stime|tms_cutime|tms_cstime|uptime|freeram|bufferram|freehigh|procs|loads|sharedram)="
                   r"(\[[^\]]*\]|[\w.+\-*/]+)( /\* [\d.]+ s \*/)?")
PID_PREFIX = re.compile(r"^\[pid +(\d+)" + COMM + r"\] |^(\d+)" + COMM + r" +")
TIMES_RET = re.compile(r"^((?:\S+ +)?times\(.*\)\s+= )\d+")


def run(cmd, cwd, env):
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, timeout=120)


def pid_max():
    try:
        with open("/proc/sys/kernel/pid_max") as f:
            return int(f.read())
    except OSError:
        return 4194304


PID_MAX = pid_max()


def creation_key(pids):
    """A sort key that puts a run's pids in the order they were handed out:
    by value, except that the numbers wrap at pid_max (32768 here, reached
    often by a test suite): when a run's pids span more than half the range,
    the small ones came after the wrap."""
    values = [int(p) for p in pids if p]
    wrapped = bool(values) and max(values) - min(values) > PID_MAX // 2
    return lambda p: -1 if not p else int(p) + (PID_MAX if wrapped and int(p) < PID_MAX // 2 else 0)


def collect_pids(lines):
    """Pids of the run, numbered in creation order (creation_key): the n-th
    task created gets the n-th number in both runs, whatever order their
    lines were printed in."""
    pids = set()
    for line in lines:
        m = PID_PREFIX.match(line)
        if m:
            pids.add(m.group(1) or m.group(2))
        for pat in (r"(?:set_tid_address|getpid|gettid|clone3?|fork|vfork|getppid)\(.*\)\s+= (\d+)",
                    r"Process (\d+) attached", r"si_pid=(\d+)", r"<\.\.\. (?:clone3?|fork|vfork) resumed>.*= (\d+)",
                    r"wait4\(.*\)\s+= (\d+)", r"kill\((\d+)" + COMM + ","):
            for p in re.findall(pat, line):
                if p not in ("0", "1"):
                    pids.add(p)
    return sorted(pids, key=creation_key(pids))


LEAD = r"(?:\[pid +\d+" + COMM + r"\] |\d+" + COMM + r" +)?"
UNFINISHED = re.compile(r"^(?P<lead>" + LEAD + r")(?P<head>.*) <unfinished \.\.\.>$")
# How a line that starts a new record begins: a pid, a time, a call name and
# "(", "<... NAME resumed>", "---"/"+++" lines, or a tracer message.
RECORD_START = re.compile(r"^(?:\[pid |\d|<\.\.\. |--- |\+\+\+ |\w+\(|\S+: |$)")
UNFINISHED_NAME = re.compile(r"^" + LEAD + r"(?:[\d:.]+ )?(\w+)\(")
RESUMED = re.compile(r"^(?P<lead>" + LEAD + r")<\.\.\. (?P<name>\w+) resumed>(?P<tail>.*)$")


def task_of(line):
    m = PID_PREFIX.match(line)
    return (m.group(1) or m.group(2)) if m else ""


def merge_interleaving(lines):
    """With several tasks, where a call is split by another task's line
    (`<unfinished ...>` / `<... NAME resumed>`) depends on scheduling. Join
    each pair back into one line and compare each task's own sequence; the
    order between tasks is not part of the comparison."""
    pending = {}  # task -> index of its unfinished line
    merged = []
    previous_unfinished = None  # task whose unfinished line came just before
    for line in lines:
        m = RESUMED.match(line)
        task = task_of(line)
        if previous_unfinished is not None and not m and not RECORD_START.match(line):
            # strace 6.1 with -z/-Z/status= (its staged output) sometimes ends
            # a held call with " <unfinished ...>" and prints the rest on the
            # next line with neither leader nor "<... NAME resumed>": the
            # same call as the whole line it prints in other runs.
            i = pending.pop(previous_unfinished)
            merged[i] = merged[i] + line
            previous_unfinished = None
            continue
        previous_unfinished = None
        if m and task not in pending and not task:
            # The last other task has gone, so strace prints the resumed
            # half without a pid prefix (nprocs is 1 again): pair it with
            # the one task whose unfinished call has this name.
            named = [t for t, i in pending.items()
                     if UNFINISHED_NAME.match(merged[i]) and
                     UNFINISHED_NAME.match(merged[i]).group(1) == m.group("name")]
            if len(named) == 1:
                task = named[0]
        if m and task in pending:
            i = pending.pop(task)
            merged[i] = merged[i] + m.group("tail")
            continue
        u = UNFINISHED.match(line)
        if u and not (u.group("lead") + u.group("head")).strip():
            # " <unfinished ...>" alone: the end of a line a tracer message
            # ("Process N attached") broke in two; nothing resumes it.
            merged.append(line)
            continue
        if u:
            previous_unfinished = task
            pending[task] = len(merged)
            merged.append(u.group("lead") + u.group("head"))
            continue
        merged.append(line)
    by_task = {}
    for line in merged:
        by_task.setdefault(task_of(line), []).append(line)
    out = []
    # Lines without a pid first, then each task's, in creation order (as
    # strings, "10001" sorted before "9998": a run whose pids crossed a
    # power of ten put its tasks in another order than the other run).
    for task in sorted(by_task, key=creation_key(by_task)):
        out.extend(by_task[task])
    return out


SUMMARY_ROW = re.compile(r"^\s*(\d+\.\d+)\s+(\d+\.\d+)\s+(\d+)\s+(\d+)\s+(\d*)\s*(\S+)$")
SUMMARY_HEADER = re.compile(r"^% time|^------")


def normalise_summary(lines):
    """-c tables: compare syscall, calls and errors; times differ run to run and
    so does the order of rows that is sorted by time."""
    rows, other = [], []
    for line in lines:
        m = SUMMARY_ROW.match(line)
        if m:
            rows.append("SUMMARY %s calls=%s errors=%s" % (m.group(6), m.group(4), m.group(5) or "0"))
        elif SUMMARY_HEADER.match(line):
            other.append(line if line.startswith("%") else "RULE")
        else:
            other.append(line)
    return other + sorted(rows)


# -k: the stack strace prints after a line, one " > MODULE(SYMBOL+0xOFF) [0xOFF]"
# line per frame, has no pid prefix. Each frame is carried on the line it
# follows (joined with FRAME_JOIN, split again at the end), so that the merging
# of a task's lines and the sorting of SIGCHLD lines move a stack with its
# line instead of leaving it to whichever task printed last. Frames are
# compared in full: the bracketed offsets are relative to the module (short,
# below ADDR's 7 digits), so only an absolute address in strace's
# "unexpected_backtracing_error [0x...]" becomes ADDR.
FRAME_JOIN = "\x00"


def join_stack_frames(lines):
    out = []
    for line in lines:
        if line.startswith(" > ") and out:
            out[-1] += FRAME_JOIN + line
        else:
            out.append(line)
    return out


# Calls whose numeric arguments and results are sizes, offsets and counts,
# never pids: pids here are small (pid_max 32768), so "mmap(NULL, 12288"
# must not become a pid because one run's pid was 12288. Their strings and
# <pid:N> decorations may still name a pid.
NO_PID_NUMBERS = re.compile(r"^(?:\S+ )*?(?:<\.\.\. )?(?:mmap|munmap|mprotect|mremap|madvise|brk|read|write|pread64|"
                            r"pwrite64|readv|writev|lseek|getdents64|getrandom)[( ]")
QUOTED_OR_PIDFD = re.compile(r'"(?:[^"\\]|\\.)*"|<pid:\d+')


def replace_pids(line, pid_map):
    sub = lambda m: pid_map.get(m.group(1), m.group(1))
    if not NO_PID_NUMBERS.match(line):
        return re.sub(r"\b(\d+)\b", sub, line)
    return QUOTED_OR_PIDFD.sub(lambda q: re.sub(r"\b(\d+)\b", sub, q.group(0)), line)


SIGNAL_LINE = re.compile(r"--- (SIG\w+) ")
RT_SIGRETURN_RESULT = re.compile(r"(rt_sigreturn\(.*\) = )(0|PID\d+)$")


def interrupted_result(line, task, last_signal):
    """rt_sigreturn returns what the interrupted code had in its result
    register. After a SIGCHLD that is whichever call the child's exit landed
    on: 0 from the parent's rt_sigprocmask if the child was quicker, the
    child's pid from wait4 if the parent was. Under strace, whose stops slow
    the parent, either happens; compare that result as INTERRUPTED."""
    m = SIGNAL_LINE.search(line)
    if m:
        last_signal[task] = m.group(1)
        return line
    if last_signal.get(task) == "SIGCHLD":
        line = RT_SIGRETURN_RESULT.sub(lambda r: r.group(1) + "INTERRUPTED", line)
    return line


def normalise(text, tracer_path):
    lines = join_stack_frames(text.splitlines())
    several_tasks = len({task_of(l) for l in lines if task_of(l)}) > 1
    if several_tasks:
        lines = merge_interleaving(lines)
    pids = collect_pids(lines)
    pid_map = {p: "PID%d" % (i + 1) for i, p in enumerate(pids)}
    out = []
    last_signal = {}  # task -> the signal of its last "--- SIG..." line
    for line in lines:
        # The line's own text is normalised below (patterns anchored at its
        # end included); its stack frames only need ADDR.
        line, _, frames = line.partition(FRAME_JOIN)
        task = task_of(line)
        frames = ADDR.sub("ADDR", frames)
        if SUMMARY_ROW.match(line):
            out.append(line)
            continue
        # Both tracers name themselves as invoked (here: by full path).
        line = line.replace(tracer_path, "TRACER")
        # -Y: a task not yet exec'd, and the tracee's parent, carry the
        # tracer's own comm.
        line = re.sub(r"<(?:strace|sctrace)>", "<TRACER>", line)
        line = TIME_PREFIX.sub(lambda m: (m.group(1) or "") + "TIME ", line)
        line = DURATION.sub(" <DUR>", line)
        line = ADDR.sub("ADDR", line)
        # The heap of a non-PIE program (Debian's python3) starts a random
        # 0-1 GiB above its data: now and then below 0x1000000, fewer than
        # ADDR's 7 digits (python_startup_f, rarely, under either engine).
        if BRK_LINE.search(line):
            line = HEX.sub("ADDR", line)
        line = INODE.sub(lambda m: m.group(1) + ":[INODE", line)
        line = INO_FIELD.sub(lambda m: m.group(1) + "=INO", line)
        line = PORT.sub(lambda m: "htons(EPHEMERAL)" if int(m.group(1)) >= 32768 else m.group(0), line)
        line = ENDPOINT_PORT.sub(lambda m: m.group(1) + ":EPHEMERAL" if int(m.group(2)) >= 32768 else m.group(0), line)
        line = SOCKET_INODE.sub(lambda m: "<" + m.group(1) + ":[INODE", line)
        line = PEER_INODE.sub(lambda m: m.group(1) + "->INODE", line)
        line = GETRANDOM.sub(lambda m: m.group(1) + '"RANDOM"', line)
        line = TIMES.sub(lambda m: m.group(1) + "=T", line)
        line = TIMES_RET.sub(lambda m: m.group(1) + "T", line)
        if pid_map:
            # The pid column is padded to pid_max's width: a 4-digit pid in one
            # run and a 5-digit one in the other differ in padding alone, so
            # the column is compared as its width ("PID1/w5 "), not its spaces.
            line = re.sub(r"^(\d+)( +)", lambda m: "%s/w%d " % (
                pid_map.get(m.group(1), m.group(1)), len(m.group(1)) + len(m.group(2)) - 1), line)
            line = re.sub(r"^\[pid( +)(\d+)(" + COMM + r")\]", lambda m: "[pid %s/w%d%s]" % (
                pid_map.get(m.group(2), m.group(2)), len(m.group(1)) - 1 + len(m.group(2)), m.group(3)), line)
            line = replace_pids(line, pid_map)
        # Alignment after a pid or address substitution differs; compare the
        # padding before " = " as one space.
        line = re.sub(r"\) +(= )", r") \1", line)
        line = interrupted_result(line, task, last_signal)
        out.append(line + FRAME_JOIN + frames if frames else line)
    # When SIGCHLD arrives relative to the parent's own syscalls (before or
    # after its wait4 returns) is up to the scheduler, for strace too:
    # compare those lines as a set, at the end.
    sigchld = sorted(l for l in out if "--- SIGCHLD " in l)
    out = [l for l in out if "--- SIGCHLD " not in l] + sigchld
    out = [part for l in out for part in l.split(FRAME_JOIN)]
    return normalise_summary(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", required=True, type=os.path.abspath)
    ap.add_argument("--progs", required=True)
    ap.add_argument("--stderr", action="store_true", help="compare stderr instead of -o files")
    ap.add_argument("--strace", default="/usr/bin/strace")
    ap.add_argument("spec", nargs="+")
    args = ap.parse_args()
    spec = " ".join(args.spec)
    parts = [p.strip() for p in spec.split("|")]
    if len(parts) != 3:
        print("bad case spec: %r" % spec)
        return 2
    name, options, program = parts
    prog_argv = shlex.split(program)
    if prog_argv:
        candidate = os.path.join(args.progs, prog_argv[0])
        if os.path.exists(candidate):
            prog_argv[0] = candidate
    opts = shlex.split(options)

    with tempfile.TemporaryDirectory(prefix="sctrace-diff-") as tmp:
        env = {"PATH": "/usr/bin:/bin", "LANG": "C", "HOME": tmp, "TZ": "UTC"}
        results = {}
        for tracer, binary in (("strace", args.strace), ("sctrace", args.sctrace)):
            out = os.path.join(tmp, tracer + ".out")
            if args.stderr:
                cmd = [binary] + opts + prog_argv
            else:
                cmd = [binary, "-o", out] + opts + prog_argv
            proc = run(cmd, tmp, env)
            text = proc.stderr.decode("utf-8", "replace") if args.stderr else open(out, errors="replace").read()
            if not args.stderr:
                # Messages on stderr (attach notices, errors) are part of the interface too.
                text += "\n--- stderr ---\n" + proc.stderr.decode("utf-8", "replace")
            results[tracer] = (proc.returncode, normalise(text, binary))
        (rc_a, a), (rc_b, b) = results["strace"], results["sctrace"]
        same = sum(1 for x, y in zip(a, b) if x == y)
        total = max(len(a), len(b))
        print("case %s: %d/%d lines agree; exit status strace=%d sctrace=%d" % (name, same, total, rc_a, rc_b))
        if a == b and rc_a == rc_b:
            return 0
        sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in a], [l + "\n" for l in b],
                                                   "strace", "sctrace", n=1))
        return 1


if __name__ == "__main__":
    sys.exit(main())
