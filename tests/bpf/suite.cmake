# The eBPF engine's tests. They need root and BPF: where either is missing
# (or the build has no engine) each reports SKIPPED (exit 77) with the reason.
#  - bpf_diff_*: every differential case of tests/diff/cases, against Debian's
#    strace, with sctrace running --backend=bpf (through a wrapper that keeps
#    the name it was called by, so messages normalise alike);
#  - bpf_rawtp_diff_*: core.txt's cases through the raw-tracepoint fallback;
#  - bpf_*: engine-specific checks (lost events, -p, --comm, -c) in check_*.sh.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(_bpf_tests ${CMAKE_SOURCE_DIR}/tests/bpf)
add_executable(sctrace_bpf_wrapper ${_bpf_tests}/sctrace_bpf_wrapper.c)
target_compile_definitions(sctrace_bpf_wrapper PRIVATE SCTRACE_BIN="$<TARGET_FILE:sctrace>")
set_target_properties(sctrace_bpf_wrapper PROPERTIES OUTPUT_NAME sctrace-bpf
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/bpf)
set(_wrapper $<TARGET_FILE:sctrace_bpf_wrapper>)

# Cases the eBPF engine does not yet reproduce, one name a line (why: in the file).
file(STRINGS ${_bpf_tests}/known_differences.txt _bpf_known REGEX "^[a-z0-9_]+")
# Editing the list (or a case file) re-runs CMake, so ctest sees the change.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_bpf_tests}/known_differences.txt)
list(TRANSFORM _bpf_known REPLACE "[ \t#].*$" "")

# One bpf differential test per case line of the files (those on the
# known-differences list left out): NAME_PREFIX<case>, with ENV set.
function(sct_add_bpf_diff_tests name_prefix env)
  sct_read_case_lines(lines ${ARGN})
  foreach(line ${lines})
    sct_parse_case_line("${line}")
    if(case_name STREQUAL "" OR case_name IN_LIST _bpf_known)
      continue()
    endif()
    add_test(NAME ${name_prefix}${case_name}
      COMMAND ${_bpf_tests}/guard.sh $<TARGET_FILE:sctrace>
        ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/diff/run_diff.py
        --sctrace ${_wrapper} --progs ${CMAKE_BINARY_DIR}/tests/progs ${case_mode} "${line}")
    set_tests_properties(${name_prefix}${case_name} PROPERTIES LABELS "bpf;diff" TIMEOUT 120
      SKIP_RETURN_CODE 77 RESOURCE_LOCK "${case_lock}" ENVIRONMENT "${env}")
  endforeach()
endfunction()

file(GLOB _bpf_case_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/diff/cases/*.txt)
sct_add_bpf_diff_tests(bpf_diff_ "" ${_bpf_case_files})

# The basic cases (core.txt) again through the raw-tracepoint programs, the
# fallback for kernels without tp_btf, forced by SCTRACE_BPF_FORCE_RAW_TP=1
# (strace and sctrace both see it, so the traced environments stay alike).
sct_add_bpf_diff_tests(bpf_rawtp_diff_ "SCTRACE_BPF_FORCE_RAW_TP=1" ${CMAKE_SOURCE_DIR}/tests/diff/cases/core.txt
  # -Y: the raw-tracepoint programs find other tasks' comms without kfuncs
  # (progs/comm_capture.h).
  ${CMAKE_SOURCE_DIR}/tests/diff/cases/decode_pids.txt)

file(GLOB _bpf_checks CONFIGURE_DEPENDS ${_bpf_tests}/check_*.sh)
foreach(check ${_bpf_checks})
  get_filename_component(name ${check} NAME_WE)
  string(REGEX REPLACE "^check_" "" name ${name})
  add_test(NAME bpf_${name}
    COMMAND ${_bpf_tests}/guard.sh $<TARGET_FILE:sctrace> ${check} $<TARGET_FILE:sctrace>
      ${CMAKE_BINARY_DIR}/tests/progs)
  set_tests_properties(bpf_${name} PROPERTIES LABELS bpf TIMEOUT 120 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endforeach()
