# Case files of the script-driven suites: one case a line,
#   NAME | OPTIONS | PROGRAM ARGS
# with '#' comments and blank lines. The differential suite, its eBPF run
# and the CLI suite all read them the same way, here.

# Sets OUT_VAR to the lines of the files, comments and blanks included (the
# caller skips them: sct_parse_case_line gives them an empty case_name).
# The lines are joined as strings, not with list(APPEND): a ';' inside a
# case (sh -c "a; b") stays escaped that way. Editing a file re-runs CMake,
# so ctest sees a new case at once.
function(sct_read_case_lines out_var)
  set(lines "")
  foreach(case_file ${ARGN})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${case_file})
    file(STRINGS ${case_file} file_lines)
    if(lines STREQUAL "")
      set(lines "${file_lines}")
    elseif(NOT file_lines STREQUAL "")
      set(lines "${lines};${file_lines}")
    endif()
  endforeach()
  set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()

# From one case line, sets in the caller:
#   case_name  the NAME field, empty for a comment or blank line;
#   case_lock  "prog:NAME" for a test program of tests/progs, whose cases
#              share its fixed paths (e.g. /tmp/sct-fs-path) and so must not
#              run at once (a ctest RESOURCE_LOCK); empty for system commands
#              such as /bin/true;
#   case_mode  "--stderr" for a stderr_ case (the runners compare stderr).
function(sct_parse_case_line line)
  if(line MATCHES "^[ \t]*#" OR line MATCHES "^[ \t]*$")
    set(case_name "" PARENT_SCOPE)
    return()
  endif()
  string(REGEX MATCH "^[^|]+" name "${line}")
  string(STRIP "${name}" name)
  string(REGEX REPLACE "^[^|]*\\|[^|]*\\|[ \t]*([^ \t]+).*$" "\\1" prog "${line}")
  set(lock "")
  if(NOT prog MATCHES "/")
    set(lock "prog:${prog}")
  endif()
  set(mode "")
  if(name MATCHES "^stderr_")
    set(mode "--stderr")
  endif()
  set(case_name "${name}" PARENT_SCOPE)
  set(case_lock "${lock}" PARENT_SCOPE)
  set(case_mode "${mode}" PARENT_SCOPE)
endfunction()
