# Command-line tests of the strace face that need more than the diff runner:
# -ff files, -A, -o '|cmd', -i, stdout of -h/-V. Each line of
# tests/cli/cases.txt is one case, "NAME | OPTIONS | PROGRAM" (see run_cli.py).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
file(STRINGS ${CMAKE_SOURCE_DIR}/tests/cli/cases.txt cli_case_lines)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/cases.txt)
foreach(line ${cli_case_lines})
  if(line MATCHES "^[ \t]*#" OR line MATCHES "^[ \t]*$")
    continue()
  endif()
  string(REGEX MATCH "^[^|]+" case_name "${line}")
  string(STRIP "${case_name}" case_name)
  add_test(NAME cli_${case_name}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/cli/run_cli.py
      --sctrace $<TARGET_FILE:sctrace> --progs ${CMAKE_BINARY_DIR}/tests/progs "${line}")
  set_tests_properties(cli_${case_name} PROPERTIES LABELS cli TIMEOUT 120)
endforeach()
