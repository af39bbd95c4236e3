#!/usr/bin/env python3
"""Runs one dtruss golden test: `sctrace dtruss ARGS` on a test program, its
stderr checked against dtruss's formats and compared with an expected file.

Every header and row is parsed with dtruss's exact printf widths (a field that
is not padded as `%5d`, `%8d`, `%7d`, `%6d` fails the test), then only what
varies from run to run is replaced, keeping the widths:
  * the PID/THRD column: pids become P1, P2... (P1 = the traced command,
    others in numeric order) and tids T1, T2...; the rows are grouped by
    process in that order, since processes interleave freely under -f;
  * RELATIVE, ELAPSD and CPU become REL, ELA, CPU (a fork() row's 0s stay);
  * user-space addresses (9 to 12 hex digits) become 0xADDR;
  * a child's pid returned by fork/clone/vfork/wait4 becomes its P label.
Rows before the first one matching --from (the program's own first call)
are the dynamic loader's and are dropped; -c rows not matching --counts are
dropped after the whole table's format and order have been checked.

Modes: trace (the default), attach (-p on a running program, then SIGINT),
name (the same with -n, on the eBPF engine; skipped without root/BPF), cli (exact stderr and exit status of a command that fails or prints usage).
"""
import argparse
import difflib
import os
import re
import signal
import subprocess
import sys
import threading
import time

ROW_BODY = re.compile(r"^([A-Za-z0-9_]+)\((.*)\)\t\t = (\S+) (Err#)?(\d+)$")
ADDR = re.compile(r"\b0x[0-9A-F]{9,12}\b")
RETURNS_PID = {"clone", "clone3", "fork", "vfork", "wait4"}


class FormatError(Exception):
    pass


def take_field(line, width, sep):
    """Reads a right-aligned `%<width>d` followed by sep; returns (digits, rest)."""
    m = re.match(r"^( *)(\d+)" + re.escape(sep), line)
    if not m:
        raise FormatError(f"expected a %{width}d field then {sep!r}: {line!r}")
    field = m.group(1) + m.group(2)
    if len(field) != max(width, len(m.group(2))):
        raise FormatError(f"field {field!r} is not %{width}d")
    return m.group(2), line[m.end():]


def parse_header(line):
    cols = {"printid": False, "relative": False, "elapsed": False, "cpu": False}
    rest = line
    for key, text in (("printid", "\tPID/THRD  "), ("relative", "RELATIVE "), ("elapsed", " ELAPSD "), ("cpu", "   CPU ")):
        if rest.startswith(text):
            cols[key] = True
            rest = rest[len(text):]
    if rest != "SYSCALL(args) \t\t = return":
        raise FormatError(f"bad header: {line!r}")
    return cols


def parse_row(line, cols):
    row = {"pid": None, "tid": None}
    rest = line
    if cols["printid"]:
        m = re.match(r"^( *)(\d+)/0x([0-9a-f]+):  ", rest)
        if not m or len(m.group(1) + m.group(2)) != max(5, len(m.group(2))):
            raise FormatError(f"bad PID/THRD field: {line!r}")
        row["pid"], row["tid"] = int(m.group(2)), int(m.group(3), 16)
        rest = rest[m.end():]
    # A followed child's first row: dtruss prints ":  " after RELATIVE and ELAPSD.
    fork = rest.endswith("fork()\t\t = 0 0")
    row["fork"] = fork
    if cols["relative"]:
        _, rest = take_field(rest, 8, ":  " if fork else " ")
    if cols["elapsed"]:
        v, rest = take_field(rest, 7, ":  " if fork else " ")
        if fork and v != "0":
            raise FormatError(f"fork row with ELAPSD {v}: {line!r}")
    if cols["cpu"]:
        v, rest = take_field(rest, 6, " ")
        if fork and v != "0":
            raise FormatError(f"fork row with CPU {v}: {line!r}")
    m = ROW_BODY.match(rest)
    if not m:
        raise FormatError(f"bad row body: {rest!r}")
    if (m.group(4) is None) != (m.group(5) == "0"):
        raise FormatError(f"errno and Err# disagree: {rest!r}")
    row["name"], row["body"], row["ret"] = m.group(1), rest, m.group(3)
    return row


def parse_counts(lines):
    if not lines or lines[0] != f"{'CALL':<32} {'COUNT':>16}":
        raise FormatError(f"bad counts header: {lines[:1]!r}")
    rows = []
    for line in lines[1:]:
        m = re.match(r"^(\S+) +(\d+)$", line)
        if not m or line != f"{m.group(1):<32} {int(m.group(2)):>16}":
            raise FormatError(f"bad counts row: {line!r}")
        rows.append((int(m.group(2)), m.group(1)))
    if rows != sorted(rows):
        raise FormatError("counts are not sorted by count, then name")
    return lines[0], [line for line in lines[1:]]


def normalise(text, from_re, counts_re, progs):
    if not text.endswith("\n\n"):
        raise FormatError("output does not end with dtrace's empty line")
    lines = text[:-1].split("\n")  # the last element is the final empty line
    assert lines[-1] == ""
    lines = lines[:-1]
    cols = parse_header(lines[0])
    body = lines[1:]
    counts = None
    if "" in body:
        cut = body.index("")
        counts = parse_counts(body[cut + 1:])
        body = body[:cut]
    rows = [parse_row(line, cols) for line in body]
    if from_re:
        start = next((i for i, r in enumerate(rows) if re.search(from_re, r["body"])), None)
        if start is None:
            raise FormatError(f"no row matches {from_re!r}")
        rows = rows[start:]

    # Labels: the command's pid first (it made the first row), then by number.
    pids = sorted({r["pid"] for r in rows if r["pid"] is not None})
    if rows and rows[0]["pid"] is not None:
        pids.remove(rows[0]["pid"])
        pids.insert(0, rows[0]["pid"])
    plabel = {p: f"P{i + 1}" for i, p in enumerate(pids)}
    tids = []
    for r in rows:
        if r["tid"] is not None and r["tid"] not in tids:
            tids.append(r["tid"])
    tlabel = {t: (plabel[t].replace("P", "T") if t in plabel else f"T{len(pids) + i + 1}") for i, t in enumerate(tids)}

    out = [format_header_back(cols)]
    ordered = sorted(rows, key=lambda r: pids.index(r["pid"])) if cols["printid"] else rows
    for r in ordered:
        prefix = ""
        if cols["printid"]:
            prefix += f"{plabel[r['pid']]:>5}/0x{tlabel[r['tid']]}:  "
        sep = ":  " if r["fork"] else " "
        if cols["relative"]:
            prefix += f"{'REL':>8}{sep}"
        if cols["elapsed"]:
            prefix += f"{'0' if r['fork'] else 'ELA':>7}{sep}"
        if cols["cpu"]:
            prefix += f"{'0' if r['fork'] else 'CPU':>6} "
        body = ADDR.sub("0xADDR", r["body"])
        if progs:
            body = body.replace(progs, "{PROGS}")
        if r["name"] in RETURNS_PID and not r["fork"] and r["ret"].isdigit() and int(r["ret"]) > 0:
            label = plabel.get(int(r["ret"]), "PID")
            body = re.sub(r"= \d+ 0$", f"= {label} 0", body)
        out.append(prefix + body)
    if counts is not None:
        out.append("")
        out.append(counts[0])
        out.extend(line for line in counts[1] if counts_re and re.match(counts_re, line.split()[0]))
    out.append("")
    return "\n".join(out) + "\n"


def format_header_back(cols):
    h = ""
    if cols["printid"]:
        h += "\tPID/THRD  "
    if cols["relative"]:
        h += "RELATIVE "
    if cols["elapsed"]:
        h += " ELAPSD "
    if cols["cpu"]:
        h += "   CPU "
    return h + "SYSCALL(args) \t\t = return"


def compare(actual, expected_path, update):
    if update:
        with open(expected_path, "w") as f:
            f.write(actual)
        return 0
    with open(expected_path) as f:
        expected = f.read()
    if actual == expected:
        return 0
    sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                               "expected", "actual"))
    return 1


def run_trace(a):
    args = [w.replace("{PROGS}", a.progs) for w in a.args]
    p = subprocess.run([a.sctrace, "dtruss"] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=60)
    text = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0:
        print(f"exit status {p.returncode}\n{text}")
        return 1
    try:
        actual = normalise(text, a.from_re, a.counts, a.progs)
    except FormatError as e:
        print(f"format error: {e}\n--- output ---\n{text}")
        return 1
    return compare(actual, a.expected, a.update)


def process_state(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0]


def run_attach(a):
    target = subprocess.Popen([os.path.join(a.progs, "dtruss_loop")])
    try:
        time.sleep(0.2)
        select = ["-n", "dtruss_loop"] if a.mode == "name" else ["-p", str(target.pid)]
        tracer = subprocess.Popen([a.sctrace, "dtruss"] + a.args + select,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Interrupt once a few rows are out (start-up is slow on a busy machine).
        chunks = []

        def read_lines():
            for line in iter(tracer.stderr.readline, b""):
                chunks.append(line)

        reader = threading.Thread(target=read_lines)
        reader.start()
        deadline = time.time() + 20
        while time.time() < deadline and tracer.poll() is None and len(chunks) < 4:
            time.sleep(0.05)
        time.sleep(0.2)
        tracer.send_signal(signal.SIGINT)
        tracer.wait(timeout=20)
        reader.join()
        err = b"".join(chunks)
        text = err.decode("utf-8", "replace")
        if a.mode == "name" and tracer.returncode == 1 and "needs system-wide tracing" in text:
            print(f"skipped: {text}")
            return 77
        if tracer.returncode != 0:
            print(f"exit status {tracer.returncode}\n{text}")
            return 1
        time.sleep(0.1)
        if target.poll() is not None or process_state(target.pid) not in "RS":
            print(f"the target did not keep running after the detach: {target.poll()}")
            return 1
        try:
            actual = normalise(text, None, None, None)
        except FormatError as e:
            print(f"format error: {e}\n--- output ---\n{text}")
            return 1
        # How many rounds are seen varies, and the call the target was in
        # when attached may show as restart_syscall: every row must be one
        # the expected file allows, and the --from row must be there.
        lines = actual.split("\n")
        rows = set(lines[1:-2])
        if a.update:
            return compare("\n".join([lines[0]] + sorted(rows)) + "\n", a.expected, True)
        with open(a.expected) as f:
            allowed = f.read().split("\n")
        if lines[0] != allowed[0]:
            print(f"header {lines[0]!r}, expected {allowed[0]!r}")
            return 1
        unexpected = rows - set(allowed[1:])
        if unexpected or not any(re.search(a.from_re, r) for r in rows):
            print(f"unexpected rows: {sorted(unexpected)}\n--- output ---\n{text}")
            return 1
        return 0
    finally:
        target.kill()
        target.wait()


def run_cli(a):
    p = subprocess.run([a.sctrace, "dtruss"] + a.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
    actual = f"exit status {p.returncode}\n--- stdout\n{p.stdout.decode()}--- stderr\n{p.stderr.decode()}"
    return compare(actual, a.expected, a.update)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sctrace", required=True)
    ap.add_argument("--progs", required=True)
    ap.add_argument("--expected", required=True)
    ap.add_argument("--mode", choices=["trace", "attach", "name", "cli"], default="trace")
    ap.add_argument("--from", dest="from_re", default="")
    ap.add_argument("--counts", default="")
    ap.add_argument("--update", action="store_true", help="write the expected file instead")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    a.update = a.update or os.environ.get("DTRUSS_UPDATE") == "1"  # DTRUSS_UPDATE=1 ctest -L dtruss
    if a.args and a.args[0] == "--":
        a.args = a.args[1:]
    return {"trace": run_trace, "attach": run_attach, "name": run_attach, "cli": run_cli}[a.mode](a)


if __name__ == "__main__":
    sys.exit(main())
