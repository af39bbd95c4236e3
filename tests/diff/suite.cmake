# Differential tests: every line of tests/diff/cases/*.txt is one case,
#   NAME | strace options | program and args
# run under Debian's strace and under sctrace, normalised and diffed
# (tests/diff/run_diff.py says what is normalised and why).
find_program(STRACE_ORACLE strace REQUIRED)
find_package(Python3 REQUIRED COMPONENTS Interpreter)
file(GLOB SCTRACE_DIFF_CASE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/diff/cases/*.txt)
foreach(case_file ${SCTRACE_DIFF_CASE_FILES})
  file(STRINGS ${case_file} case_lines)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${case_file})  # a new case line re-runs CMake
  foreach(line ${case_lines})
    if(line MATCHES "^[ \t]*#" OR line MATCHES "^[ \t]*$")
      continue()
    endif()
    string(REGEX MATCH "^[^|]+" case_name "${line}")
    string(STRIP "${case_name}" case_name)
    # Cases of one test program (tests/progs) share its fixed paths (e.g.
    # /tmp/sct-fs-path): its name is a lock, so that two never run at once.
    # System commands (/bin/true...) need none.
    string(REGEX REPLACE "^[^|]*\\|[^|]*\\|[ \t]*([^ \t]+).*$" "\\1" case_prog "${line}")
    set(case_lock "")
    if(NOT case_prog MATCHES "/")
      set(case_lock "prog:${case_prog}")
    endif()
    set(mode "")
    if(case_name MATCHES "^stderr_")
      set(mode "--stderr")
    endif()
    add_test(NAME diff_${case_name}
      COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/diff/run_diff.py
        --sctrace $<TARGET_FILE:sctrace> --progs ${CMAKE_BINARY_DIR}/tests/progs ${mode} "${line}")
    set_tests_properties(diff_${case_name} PROPERTIES LABELS diff TIMEOUT 120
      RESOURCE_LOCK "${case_lock}")
  endforeach()
endforeach()
