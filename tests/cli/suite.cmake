# Command-line tests of the strace face that need more than the diff runner:
# -ff files, -A, -o '|cmd', -i, stdout of -h/-V. Each line of
# tests/cli/cases.txt is one case, "NAME | OPTIONS | PROGRAM" (see run_cli.py).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
sct_read_case_lines(cli_case_lines ${CMAKE_SOURCE_DIR}/tests/cli/cases.txt)
foreach(line ${cli_case_lines})
  sct_parse_case_line("${line}")
  if(case_name STREQUAL "")
    continue()
  endif()
  add_test(NAME cli_${case_name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/cli/run_cli.py
      --sctrace $<TARGET_FILE:sctrace> --progs ${CMAKE_BINARY_DIR}/tests/progs "${line}")
  set_tests_properties(cli_${case_name} PROPERTIES LABELS cli TIMEOUT 120)
endforeach()
# -I levels and strace's defaults: what a signal sent to the tracer does
# (tests/cli/run_interrupt.py), compared with strace, per signal.
foreach(intr_case
    "I1|-I1 -e trace=none"
    "I2|-I2 -e trace=none"
    "I3|-I3 -e trace=none"
    "I4|-I 4 -e trace=none"
    "I_name|--interruptible=never_tstp -e trace=none"
    "default_stderr|-e trace=none"
    "default_o|-o {out} -e trace=none")
  string(REPLACE "|" ";" intr_parts "${intr_case}")
  list(GET intr_parts 0 intr_name)
  list(GET intr_parts 1 intr_opts)
  separate_arguments(intr_opts UNIX_COMMAND "${intr_opts}")
  add_test(NAME cli_interrupt_${intr_name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/cli/run_interrupt.py
      --sctrace $<TARGET_FILE:sctrace> ${intr_name} ${intr_opts})
  set_tests_properties(cli_interrupt_${intr_name} PROPERTIES LABELS cli TIMEOUT 120)
endforeach()
# -D/-DD/-DDD: the command keeps our pid and parent, the tracer's group and
# session, the trace written by the detached tracer (tests/cli/run_daemonize.py).
add_test(NAME cli_daemonize
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/cli/run_daemonize.py --sctrace $<TARGET_FILE:sctrace>)
set_tests_properties(cli_daemonize PROPERTIES LABELS cli TIMEOUT 120)
