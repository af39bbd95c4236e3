# The eBPF engine's build: BPF C programs (src/backend/bpf/progs/*.bpf.c)
# compiled with clang -target bpf, stripped of DWARF (llvm-strip -g: the
# skeleton embeds the object, BTF is kept), turned into a C header by
# `bpftool gen skeleton -L` (a light skeleton: its loader runs in the kernel,
# so that start-up does not parse the kernel's BTF in user space; see
# src/backend/bpf/bpf_loader.h), and libbpf linked into sctrace_objs (for the
# ring buffer and map calls). The light skeleton is GNU C, not C++: it is
# included by bpf_loader.c only. When a tool or
# libbpf is missing, the build goes on without the engine
# (SCTRACE_HAVE_BPF stays undefined and --backend=bpf says why).
if(NOT SCTRACE_BPF)
  message(STATUS "eBPF engine: disabled (SCTRACE_BPF=OFF)")
  return()
endif()

find_program(SCTRACE_BPF_CLANG NAMES clang clang-14)
find_program(SCTRACE_LLVM_STRIP NAMES llvm-strip llvm-strip-14)
find_program(SCTRACE_BPFTOOL NAMES bpftool PATHS /usr/sbin /sbin)
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(LIBBPF QUIET IMPORTED_TARGET libbpf)
endif()

set(_missing "")
foreach(v SCTRACE_BPF_CLANG SCTRACE_LLVM_STRIP SCTRACE_BPFTOOL)
  if(NOT ${v})
    list(APPEND _missing ${v})
  endif()
endforeach()
if(NOT LIBBPF_FOUND)
  list(APPEND _missing libbpf)
endif()
if(_missing)
  message(STATUS "eBPF engine: not built (missing: ${_missing})")
  return()
endif()

set(_bpf_dir ${CMAKE_SOURCE_DIR}/src/backend/bpf/progs)
set(_gen_dir ${CMAKE_BINARY_DIR}/generated/bpf)
file(MAKE_DIRECTORY ${_gen_dir})
file(GLOB _bpf_sources CONFIGURE_DEPENDS ${_bpf_dir}/*.bpf.c)
# The headers they include (records.h, vmlinux.h, fd_identity.h...).
file(GLOB _bpf_headers CONFIGURE_DEPENDS ${_bpf_dir}/*.h)
set(_skeletons "")
# Each program source is built twice: as is (tp_btf programs), and with
# -DSCT_RAW_TP (raw tracepoints: the fallback for kernels that cannot attach
# tp_btf, see sctrace.bpf.c) into NAME_raw.lskel.h.
foreach(src ${_bpf_sources})
  get_filename_component(base ${src} NAME_WE)   # sctrace.bpf.c -> sctrace
  foreach(variant "" "_raw")
    set(name ${base}${variant})
    set(defs "")
    if(variant STREQUAL "_raw")
      set(defs -DSCT_RAW_TP=1)
    endif()
    set(obj ${_gen_dir}/${name}.bpf.o)
    set(skel ${_gen_dir}/${name}.lskel.h)
    add_custom_command(
      OUTPUT ${skel}
      COMMAND ${SCTRACE_BPF_CLANG} -target bpf -D__TARGET_ARCH_x86 ${defs} -O2 -g -Wall -Werror
              -I${_bpf_dir} -c ${src} -o ${obj}
      COMMAND ${SCTRACE_LLVM_STRIP} -g ${obj}
      # Through a shell for the redirection; written aside first so that a failed
      # run leaves no half header behind.
      COMMAND sh -c "\"$1\" gen skeleton -L \"$2\" name \"$3\" > \"$4.tmp\" && mv \"$4.tmp\" \"$4\""
              sh ${SCTRACE_BPFTOOL} ${obj} ${name}_bpf ${skel}
      DEPENDS ${src} ${_bpf_headers}
      COMMENT "BPF ${base}.bpf.c ${defs} -> ${name}.lskel.h"
      VERBATIM)
    list(APPEND _skeletons ${skel})
  endforeach()
endforeach()
add_custom_target(sctrace_bpf_skeletons DEPENDS ${_skeletons})
add_dependencies(sctrace_objs sctrace_bpf_skeletons)
target_sources(sctrace_objs PRIVATE ${CMAKE_SOURCE_DIR}/src/backend/bpf/bpf_loader.c)
# libbpf and what it needs are linked from their static archives (the same -dev
# packages ship them) when present: the shared libbpf, libelf and libz cost
# ~260 KB of peak RSS in every run, eBPF or not (docs/memory.md).
set(_bpf_static_libs "")
foreach(_lib bpf elf z)
  find_library(SCTRACE_STATIC_LIB_${_lib} NAMES lib${_lib}.a)
  list(APPEND _bpf_static_libs ${SCTRACE_STATIC_LIB_${_lib}})
endforeach()
if(SCTRACE_STATIC_LIB_bpf AND SCTRACE_STATIC_LIB_elf AND SCTRACE_STATIC_LIB_z)
  target_include_directories(sctrace_objs PUBLIC ${LIBBPF_INCLUDE_DIRS})
  target_link_libraries(sctrace_objs PUBLIC ${_bpf_static_libs})
else()
  target_link_libraries(sctrace_objs PUBLIC PkgConfig::LIBBPF)
endif()
target_compile_definitions(sctrace_objs PUBLIC SCTRACE_HAVE_BPF=1)
message(STATUS "eBPF engine: built (libbpf ${LIBBPF_VERSION})")
