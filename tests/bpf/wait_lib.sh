# Sourced by the check_*.sh scripts that follow a trace while it is written.
# wait_for_line PATTERN FILE: until grep finds PATTERN in FILE, up to 10 s
# (of wall time: loaded machines run grep slowly); 1 if it never does.
wait_for_line() {
  local end=$((SECONDS + 10))
  while ((SECONDS < end)); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.02; done
  return 1
}
