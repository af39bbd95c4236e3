# D programs with expected output (tests/d/NAME.d + NAME.out, see
# run_d_test.sh), run on the ptrace engine against tests/progs/d_valk.c.
file(GLOB SCTRACE_D_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.d)
foreach(script ${SCTRACE_D_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME d_${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_d_test.sh $<TARGET_FILE:sctrace> ${CMAKE_BINARY_DIR}/tests/progs ${script})
  set_tests_properties(d_${name} PROPERTIES TIMEOUT 60)
endforeach()

# The parser's libFuzzer target, built with clang and run for 10 s; skipped
# (exit 77) when clang is missing.
find_program(SCTRACE_CLANGXX NAMES clang++ clang++-14)
if(SCTRACE_CLANGXX)
  add_test(NAME d_parser_fuzz
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_parser_fuzz.sh ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR} 10)
  set_tests_properties(d_parser_fuzz PROPERTIES TIMEOUT 180 SKIP_RETURN_CODE 77)
endif()

# System-wide D programs (no -c/-p: the eBPF engine, root): tests/d/syswide/NAME.d
# runs in the background while valk runs, then gets SIGINT (run_d_syswide.sh).
# Without root or BPF each reports SKIPPED (exit 77) with the reason.
file(GLOB SCTRACE_D_SYSWIDE_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/syswide/*.d)
foreach(script ${SCTRACE_D_SYSWIDE_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME d_sys_${name}
    COMMAND ${CMAKE_CURRENT_LIST_DIR}/run_d_syswide.sh $<TARGET_FILE:sctrace> ${CMAKE_BINARY_DIR}/tests/progs ${script})
  set_tests_properties(d_sys_${name} PROPERTIES LABELS bpf TIMEOUT 60 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endforeach()
