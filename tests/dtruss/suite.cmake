# The dtruss face (sctrace dtruss): golden tests of its header, row and -c
# formats, one per option, on real programs under the ptrace engine (no root
# needed). tests/dtruss/run_dtruss_case.py says what it normalises (pids,
# times, addresses) and checks every field's printf width before it does.
#   dtruss_case(NAME MODE FROM COUNTS ARGS...)
# MODE: trace | attach | cli; FROM: the first row compared (regex, "" = all);
# COUNTS: the -c rows compared (regex on the name); {PROGS} = test programs.
# Expected output: tests/dtruss/expected/NAME.txt (regenerate with --update,
# then review the diff).
find_package(Python3 REQUIRED COMPONENTS Interpreter)

function(dtruss_case name mode from counts)
  add_test(NAME dtruss_${name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/dtruss/run_dtruss_case.py
      --sctrace $<TARGET_FILE:sctrace> --progs ${CMAKE_BINARY_DIR}/tests/progs
      --expected ${CMAKE_SOURCE_DIR}/tests/dtruss/expected/${name}.txt
      --mode ${mode} --from=${from} --counts=${counts} -- ${ARGN})
  set_tests_properties(dtruss_${name} PROPERTIES LABELS dtruss TIMEOUT 60 SKIP_RETURN_CODE 77)
  if(mode STREQUAL "attach" OR mode STREQUAL "name")
    # -n dtruss_loop would also see another test's dtruss_loop.
    set_tests_properties(dtruss_${name} PROPERTIES RESOURCE_LOCK dtruss_loop)
  endif()
endfunction()

set(start "/dtruss-test/start")
# The syscalls dtruss_calls makes and the dynamic loader does not.
set(own "^(write|kill|dup|select|mkdirat|unlinkat|symlinkat|rename|renameat|renameat2|linkat|fchownat|pipe2|pwrite64|exit_group|munmap)$")

# One row per dtruss clause, every column option.
dtruss_case(default trace ${start} "" {PROGS}/dtruss_calls)
dtruss_case(elapsed trace ${start} "" -e {PROGS}/dtruss_calls)
dtruss_case(relative trace ${start} "" -d {PROGS}/dtruss_calls)
dtruss_case(oncpu trace ${start} "" -o {PROGS}/dtruss_calls)
dtruss_case(elapsed_oncpu trace ${start} "" -eo {PROGS}/dtruss_calls)
dtruss_case(printid trace ${start} "" -l {PROGS}/dtruss_calls)
dtruss_case(no_printid trace ${start} "" -L {PROGS}/dtruss_calls)
dtruss_case(all trace ${start} ${own} -a {PROGS}/dtruss_calls)
dtruss_case(counts trace ${start} ${own} -c {PROGS}/dtruss_calls)
dtruss_case(bufsize trace ${start} "" -b 8m {PROGS}/dtruss_calls)
# -t: one syscall's rows; open also matches openat; exec means execve; -c
# still counts every syscall, as dtruss's does.
dtruss_case(trace_open trace ${start} "" -t open {PROGS}/dtruss_calls)
dtruss_case(trace_open_counts trace ${start} ${own} -c -t open {PROGS}/dtruss_calls)
dtruss_case(trace_mmap trace "mmap\\(0x0, 0x7000," "" -t mmap {PROGS}/dtruss_calls)
dtruss_case(trace_exec trace "" "" -t exec {PROGS}/dtruss_calls)
# -f: the child's fork() row, PID/THRD turned on, -L turning it off.
dtruss_case(follow trace ${start} "" -f {PROGS}/dtruss_fork)
dtruss_case(follow_all trace ${start} "^(clone|wait4|exit_group)$" -a {PROGS}/dtruss_fork)
dtruss_case(follow_no_printid trace ${start} "" -f -L {PROGS}/dtruss_fork)
# -p: attach to a running program, Ctrl-C detaches and leaves it running.
dtruss_case(attach attach "/dtruss-test/loop" "")
dtruss_case(attach_all attach "/dtruss-test/loop" "" -eol)
# -n: system-wide by process name, on the eBPF engine (skipped without root/BPF).
dtruss_case(name name "/dtruss-test/loop" "")
dtruss_case(name_elapsed name "/dtruss-test/loop" "" -e)
# What dtruss refuses, and its usage.
dtruss_case(cli_help cli "" "" -h)
dtruss_case(cli_no_command cli "" "")
dtruss_case(cli_bad_option cli "" "" -x true)
dtruss_case(cli_missing_argument cli "" "" -t)
dtruss_case(cli_stack cli "" "" -s true)
dtruss_case(cli_unknown_syscall cli "" "" -t nosuchcall true)
dtruss_case(cli_bad_pid cli "" "" -p 12ab)
dtruss_case(cli_pid_and_command cli "" "" -p 1 true)
dtruss_case(cli_no_such_command cli "" "" /nonexistent/cmd)
# The documented Linux syscall -> clause mapping names every mapped syscall.
add_test(NAME dtruss_docs_mapping
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/dtruss/check_docs_mapping.py ${CMAKE_SOURCE_DIR})
set_tests_properties(dtruss_docs_mapping PROPERTIES LABELS dtruss)
