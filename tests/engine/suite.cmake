# Engine behaviour that a differential diff cannot show: stop counts,
# attach/detach leaving processes running, Ctrl-C.
add_test(NAME engine_seccomp_excluded_never_stop
  COMMAND ${CMAKE_SOURCE_DIR}/tests/engine/stops_test.sh $<TARGET_FILE:sctrace> ${CMAKE_BINARY_DIR}/tests/progs)
add_test(NAME engine_attach_detach_threads
  COMMAND ${CMAKE_SOURCE_DIR}/tests/engine/attach_test.sh $<TARGET_FILE:sctrace> ${CMAKE_BINARY_DIR}/tests/progs)
set_tests_properties(engine_seccomp_excluded_never_stop engine_attach_detach_threads PROPERTIES TIMEOUT 120)
