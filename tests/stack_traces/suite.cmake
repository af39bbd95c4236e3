# -k/--stack-traces checks a differential case cannot express (the frames
# themselves are compared with strace in tests/diff/cases/stack_traces.txt).
add_test(NAME stack_traces_bpf_refused
  COMMAND ${CMAKE_SOURCE_DIR}/tests/stack_traces/bpf_refused.sh $<TARGET_FILE:sctrace>)
set_tests_properties(stack_traces_bpf_refused PROPERTIES TIMEOUT 60)
add_test(NAME stack_traces_not_loaded_without_k
  COMMAND ${CMAKE_SOURCE_DIR}/tests/stack_traces/not_loaded_without_k.sh $<TARGET_FILE:sctrace>)
set_tests_properties(stack_traces_not_loaded_without_k PROPERTIES TIMEOUT 60)
