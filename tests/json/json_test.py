#!/usr/bin/env python3
"""--json: every line parses, and the objects say what the text says.
Usage: json_test.py SCTRACE PROGS_DIR"""
import json
import os
import subprocess
import sys
import tempfile

sctrace, progs = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def trace(args):
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl") as out:
        proc = subprocess.run([sctrace, "--json", "-o", out.name] + args, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        lines = open(out.name).read().splitlines()
    objs = []
    for line in lines:
        try:
            objs.append(json.loads(line))
        except json.JSONDecodeError as e:
            check(False, "line is not JSON: %r (%s)" % (line, e))
    return proc.returncode, objs


with tempfile.TemporaryDirectory() as tmp:
    # Bytes that are not UTF-8 must be recoverable exactly.
    raw = bytes([0x61, 0xff, 0xfe, 0x00, 0x0a, 0xc3, 0xa9])
    path = os.path.join(tmp, "bytes.bin")
    open(path, "wb").write(raw)

    rc, objs = trace(["-e", "trace=openat,read,close", "/bin/cat", path, "/nonexistent"])
    check(rc == 1, "cat's exit status 1 is mirrored (got %d)" % rc)
    calls = [o for o in objs if "syscall" in o]
    opens = [o for o in calls if o["syscall"] == "openat" and o["args"][1]["value"] == path]
    check(len(opens) == 1, "one openat of the file")
    if opens:
        o = opens[0]
        check(o["args"][0] == {"name": "dfd", "value": "AT_FDCWD", "raw": -100}, "dirfd AT_FDCWD with raw -100: %r" % o["args"][0])
        check(o["args"][2]["value"] == ["O_RDONLY"] and o["args"][2]["raw"] == 0, "flags as a list with raw: %r" % o["args"][2])
        check(isinstance(o["return"], int) and o["return"] >= 3, "return is a number")
        check(isinstance(o["start"], float) and isinstance(o["duration"], float), "start and duration are numbers")
    fails = [o for o in calls if o["syscall"] == "openat" and o["args"][1]["value"] == "/nonexistent"]
    check(len(fails) == 1 and fails[0]["return"] == -1 and fails[0]["errno"] == "ENOENT", "failure: return -1, errno ENOENT")
    reads = [o for o in calls if o["syscall"] == "read" and o["return"] == len(raw)]
    check(len(reads) == 1, "one read of the file's bytes")
    if reads:
        v = reads[0]["args"][1]["value"]
        check(isinstance(v, dict) and v.get("encoding") == "latin1", "non-UTF-8 bytes are marked latin1: %r" % v)
        if isinstance(v, dict):
            check(v["str"].encode("latin-1") == raw, "the exact bytes are recovered")
        check(reads[0]["args"][0] == {"name": "fd", "value": reads[0]["args"][0]["value"]}, "fd is a plain number")
    exits = [o for o in objs if "exit_code" in o]
    check(exits == [{"pid": exits[0]["pid"], "exit_code": 1}] if exits else False, "exit object with exit_code 1")

    # -s cuts strings: "truncated": true.
    rc, objs = trace(["-s", "4", "-e", "trace=read", "/bin/cat", "/etc/passwd"])
    cut = [o for o in objs if o.get("syscall") == "read" and o["return"] > 4]
    check(cut and cut[0]["args"][1]["value"].get("truncated") is True, "a string cut by -s says truncated")

    # Signals and death by a signal.
    rc, objs = trace(["-e", "trace=none", os.path.join(progs, "core_signals"), "crash"])
    sigs = [o["signal"] for o in objs if "signal" in o]
    check(sigs == ["SIGUSR1", "SIGINT", "SIGSEGV"], "signal objects in order: %r" % sigs)
    segv = [o for o in objs if o.get("signal") == "SIGSEGV"]
    check(segv and segv[0]["siginfo"].get("si_code") == "SEGV_MAPERR", "siginfo decoded: %r" % (segv[:1],))
    killed = [o for o in objs if "killed_by" in o]
    check(killed and killed[0]["killed_by"] == "SIGSEGV" and killed[0]["core_dumped"] is False, "killed_by object")
    check(rc == -11 or rc == 139, "sctrace dies of the same signal (rc %d)" % rc)

    # -y: descriptors carry their path.
    rc, objs = trace(["-y", "-e", "trace=close", "/bin/cat", "/etc/hostname"])
    closes = [o for o in objs if o.get("syscall") == "close" and o["args"][0].get("path") == "/etc/hostname"]
    check(len(closes) == 1, "close(3</etc/hostname>) carries path")

print("FAIL" if failures else "PASS", "(%d failures)" % len(failures))
sys.exit(1 if failures else 0)
