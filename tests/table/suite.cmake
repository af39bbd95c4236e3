# The syscall table (src/syscalls/): its classes against strace 6.1 itself
# (skipped when /usr/bin/strace is not 6.1), and the generated .cc against its
# inputs (syscall_64.tbl, syscall_args.def).
add_test(NAME table_classes_vs_strace
  COMMAND ${CMAKE_SOURCE_DIR}/tests/table/check_classes.sh ${CMAKE_SOURCE_DIR} ${CMAKE_C_COMPILER})
set_tests_properties(table_classes_vs_strace PROPERTIES SKIP_RETURN_CODE 77)

find_program(SCTRACE_PYTHON3 python3)
if(SCTRACE_PYTHON3)
  add_test(NAME table_generated_in_sync
    COMMAND ${SCTRACE_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/gen_syscall_table.py --check)
endif()
