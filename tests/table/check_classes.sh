#!/bin/bash
# Checks the classes in src/syscalls/syscall_args.def (which generates the
# syscall table) against what strace itself does with -e trace=%CLASS.
#
# call_all.c calls every syscall number once under a seccomp filter that fails
# them all with ENOSYS, so strace prints one line per number it traces. For
# each class, the names strace prints under -e trace=%CLASS must be exactly the
# names the .def file tags with that class (restricted to the syscalls strace
# 6.1 knows by name: it prints newer ones as syscall_0x...).
#
# Usage: check_classes.sh SOURCE_DIR [CC]     exit 77 = skipped (no strace 6.1)
set -u
src=${1:?usage: check_classes.sh SOURCE_DIR [CC]}
cc=${2:-cc}
def=$src/src/syscalls/syscall_args.def
tbl=$src/src/syscalls/syscall_64.tbl
strace=${STRACE:-/usr/bin/strace}

if ! "$strace" -V 2>/dev/null | grep -q 'version 6\.1$'; then
  echo "SKIP: $strace is not strace 6.1"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cc" -O1 -o "$work/call_all" "$src/tests/table/call_all.c" || exit 1

# Names of the syscalls in a strace log. Numbers strace 6.1 has no name for
# print as syscall_0x1c3(...) and show up under every class: left out.
names_in() { sed -n 's/^\([a-z_0-9]*\)(.*/\1/p' "$1" | grep -v '^syscall_0x' | sort -u; }

# Names the .def file tags with class $1.
def_names_with() {
  awk -v c="$1" '!/^#/ && NF >= 3 { n = split($3, a, "|"); for (i = 1; i <= n; i++) if (a[i] == c) print $1 }' "$def" | sort -u
}

"$strace" -qq -o "$work/all.log" "$work/call_all" || { echo "FAIL: call_all under strace"; exit 1; }
names_in "$work/all.log" > "$work/known"

status=0
# Every name strace knows must have a row, and every row for a number up to
# 450 (strace 6.1's last) must be a name strace knows.
awk '!/^#/ && NF >= 1 { print $1 }' "$def" | sort -u > "$work/def_all"
awk '!/^#/ && ($2 == "common" || $2 == "64") && $1 <= 450 && $1 != 335 && $1 != 336 { print $3 }' "$tbl" |
  sort -u > "$work/tbl_old"
if ! diff <(comm -23 "$work/known" "$work/def_all") /dev/null > /dev/null; then
  echo "FAIL: strace knows syscalls with no row:"; comm -23 "$work/known" "$work/def_all"; status=1
fi
if ! diff "$work/tbl_old" "$work/known" > "$work/d"; then
  echo "FAIL: syscall_64.tbl names (<= 450) differ from the names strace prints:"; cat "$work/d"; status=1
fi

# strace's class name -> the .def token.
classes="%file:file %ipc:ipc %network:network %process:process %signal:signal %desc:desc
%memory:memory %stat:stat %lstat:lstat %fstat:fstat %%stat:stat_like %statfs:statfs
%fstatfs:fstatfs %%statfs:statfs_like %pure:pure %creds:creds %clock:clock"
checked=0
for pair in $classes; do
  class=${pair%%:*} token=${pair##*:}
  "$strace" -qq -o "$work/c.log" -e trace="$class" "$work/call_all" ||
    { echo "FAIL: strace -e trace=$class"; status=1; continue; }
  names_in "$work/c.log" > "$work/strace_set"
  def_names_with "$token" | comm -12 - "$work/known" > "$work/def_set"
  if ! diff "$work/strace_set" "$work/def_set" > "$work/d"; then
    echo "FAIL: $class: '<' only strace has it, '>' only syscall_args.def has it"
    grep '^[<>]' "$work/d"
    status=1
  fi
  checked=$((checked + 1))
done
[ $status = 0 ] && echo "OK: $checked classes, $(wc -l < "$work/known") syscalls agree with strace 6.1"
exit $status
