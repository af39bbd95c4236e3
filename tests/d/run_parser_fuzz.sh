#!/bin/sh
# Builds the D parser's libFuzzer target with clang and runs it for a few
# seconds (CI keeps it short). Usage: run_parser_fuzz.sh SRC_DIR BUILD_DIR [SECONDS]
set -e
src=$1
out=$2/d_parser_fuzz
secs=${3:-10}
cxx=$(command -v clang++ || command -v clang++-14 || true)
if [ -z "$cxx" ]; then echo "clang++ not found: skipped"; exit 77; fi
srcs="$src/src/dtrace/parser_fuzz.cc $src/src/dtrace/lexer.cc $src/src/dtrace/parser.cc $src/src/dtrace/d_type.cc"
# Rebuild only when a source is newer than the binary (the build is the slow part).
stale=1
if [ -x "$out" ]; then stale=0; for f in $srcs $src/src/dtrace/*.h; do [ "$f" -nt "$out" ] && stale=1; done; fi
[ $stale = 1 ] && "$cxx" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I"$src/src" \
  "$src/src/dtrace/parser_fuzz.cc" "$src/src/dtrace/lexer.cc" "$src/src/dtrace/parser.cc" "$src/src/dtrace/d_type.cc" \
  -o "$out"
corpus=$2/d_parser_fuzz_corpus
mkdir -p "$corpus"
cp "$src"/tests/d/*.d "$corpus"/ 2>/dev/null || true
cp "$src"/tests/d/fuzz_corpus/* "$corpus"/ 2>/dev/null || true
exec "$out" -max_total_time="$secs" -max_len=4096 -timeout=5 "$corpus"
