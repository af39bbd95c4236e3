# The seed document's commands, verbatim, with sctrace behind the names strace, dtruss, dtrace.
add_test(NAME seed_commands COMMAND ${CMAKE_SOURCE_DIR}/tests/seed/seed_test.sh
  $<TARGET_FILE:sctrace> ${CMAKE_BINARY_DIR}/tests/progs)
set_tests_properties(seed_commands PROPERTIES TIMEOUT 600)
