# Sourced by run_d_test.sh and run_d_syswide.sh: a D case NAME.d may have
# sidecar files beside it. Reads them for the case whose path without .d is
# $base into: flags (NAME.flags: extra dtrace options), cmdargs (NAME.cmd:
# valk's arguments) and want_status (NAME.status: dtrace's exit status, 0 if
# absent).
flags=""
[ -f "$base.flags" ] && flags=$(cat "$base.flags")
cmdargs=""
[ -f "$base.cmd" ] && cmdargs=$(cat "$base.cmd")
want_status=0
[ -f "$base.status" ] && want_status=$(cat "$base.status")
