# Differential tests: every line of tests/diff/cases/*.txt is one case,
#   NAME | strace options | program and args
# run under Debian's strace and under sctrace, normalised and diffed
# (tests/diff/run_diff.py says what is normalised and why).
find_program(STRACE_ORACLE strace REQUIRED)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
file(GLOB SCTRACE_DIFF_CASE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/diff/cases/*.txt)
sct_read_case_lines(diff_case_lines ${SCTRACE_DIFF_CASE_FILES})
foreach(line ${diff_case_lines})
  sct_parse_case_line("${line}")
  if(case_name STREQUAL "")
    continue()
  endif()
  add_test(NAME diff_${case_name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/diff/run_diff.py
      --sctrace $<TARGET_FILE:sctrace> --progs ${CMAKE_BINARY_DIR}/tests/progs ${case_mode} "${line}")
  set_tests_properties(diff_${case_name} PROPERTIES LABELS diff TIMEOUT 120
    RESOURCE_LOCK "${case_lock}")
endforeach()
