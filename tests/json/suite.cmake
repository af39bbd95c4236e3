# --json: the output parses and carries the decoded values (tests/json/json_test.py).
add_test(NAME json_lines COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/json/json_test.py
  $<TARGET_FILE:sctrace> ${CMAKE_BINARY_DIR}/tests/progs)
