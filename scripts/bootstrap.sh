#!/usr/bin/env bash
# The project's one set-up script (README's two commands):
#   scripts/bootstrap.sh demo   install what is missing, build, trace a real program
#   scripts/bootstrap.sh test   install what is missing, build, run the whole test suite (ctest)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian 12 packages, each justified in the README's "Dependencies" section.
PACKAGES=(
  build-essential cmake ninja-build pkg-config python3   # toolchain and test scripts
  libfmt-dev                                             # {fmt}: formatting
  libgtest-dev googletest                                # GoogleTest: unit tests
  strace                                                 # the oracle of the differential tests
  clang llvm libbpf-dev bpftool                          # the eBPF engine: BPF compiler, loader, skeletons
  libunwind-dev                                          # -k stack traces: the unwinder Debian's strace uses
  bpftrace                                               # bench/bpf_bench.py: its start-up, for comparison
)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "bootstrap: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
}

build() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build build -j"$(nproc)"
}

mode="${1:-demo}"
install_missing
build
case "$mode" in
  demo)
    echo
    echo "== sctrace -e trace=%file,%process -f sh -c 'cat /etc/hostname; ls / > /dev/null'"
    build/sctrace -e trace=%file,%process -f sh -c 'cat /etc/hostname; ls / > /dev/null'
    echo
    echo "== sctrace -c ls /usr"
    build/sctrace -c ls /usr > /dev/null
    ;;
  test)
    cd build && ctest --output-on-failure -j"$(nproc)"
    ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
