# The eBPF engine's tests. They need root and BPF: where either is missing
# (or the build has no engine) each reports SKIPPED (exit 77) with the reason.
#  - bpf_diff_*: every differential case of tests/diff/cases, against Debian's
#    strace, with sctrace running --backend=bpf (through a wrapper that keeps
#    the name it was called by, so messages normalise alike);
#  - bpf_*: engine-specific checks (lost events, -p, --comm, -c) in check_*.sh.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(_bpf_tests ${CMAKE_SOURCE_DIR}/tests/bpf)
set(_wrapper ${CMAKE_BINARY_DIR}/tests/bpf/sctrace-bpf)
# In Python, not a shell: a shell would add PWD, SHLVL and _ to the
# environment, which execve's "/* N vars */" shows.
file(GENERATE OUTPUT ${_wrapper}
  CONTENT "#!/usr/bin/python3\nimport os, sys\nos.execv('$<TARGET_FILE:sctrace>', [sys.argv[0], '--backend=bpf'] + sys.argv[1:])\n"
  FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Cases the eBPF engine does not yet reproduce, one name a line (why: in the file).
file(STRINGS ${_bpf_tests}/known_differences.txt _bpf_known REGEX "^[a-z0-9_]+")
list(TRANSFORM _bpf_known REPLACE "[ \t#].*$" "")

file(GLOB _bpf_case_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/diff/cases/*.txt)
foreach(case_file ${_bpf_case_files})
  file(STRINGS ${case_file} case_lines)
  foreach(line ${case_lines})
    if(line MATCHES "^[ \t]*#" OR line MATCHES "^[ \t]*$")
      continue()
    endif()
    string(REGEX MATCH "^[^|]+" case_name "${line}")
    string(STRIP "${case_name}" case_name)
    if(case_name IN_LIST _bpf_known)
      continue()
    endif()
    set(mode "")
    if(case_name MATCHES "^stderr_")
      set(mode "--stderr")
    endif()
    add_test(NAME bpf_diff_${case_name}
      COMMAND ${_bpf_tests}/guard.sh $<TARGET_FILE:sctrace>
        ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/diff/run_diff.py
        --sctrace ${_wrapper} --progs ${CMAKE_BINARY_DIR}/tests/progs ${mode} "${line}")
    set_tests_properties(bpf_diff_${case_name} PROPERTIES LABELS "bpf;diff" TIMEOUT 120
      SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
  endforeach()
endforeach()

file(GLOB _bpf_checks CONFIGURE_DEPENDS ${_bpf_tests}/check_*.sh)
foreach(check ${_bpf_checks})
  get_filename_component(name ${check} NAME_WE)
  string(REGEX REPLACE "^check_" "" name ${name})
  add_test(NAME bpf_${name}
    COMMAND ${_bpf_tests}/guard.sh $<TARGET_FILE:sctrace> ${check} $<TARGET_FILE:sctrace>
      ${CMAKE_BINARY_DIR}/tests/progs)
  set_tests_properties(bpf_${name} PROPERTIES LABELS bpf TIMEOUT 120 SKIP_RETURN_CODE 77 RUN_SERIAL TRUE)
endforeach()
