#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Builds and runs every test, with g++ and with clang++; then the run-time
# tests under valgrind memcheck (the label memcheck), under AddressSanitizer
# and UndefinedBehaviorSanitizer (both compilers; the label runtime), and the
# thread tests under ThreadSanitizer (the label threads).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)
for preset in gcc clang sanitize sanitize-clang tsan; do
  echo "=== $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
  if [ "$preset" = gcc ]; then
    echo "=== valgrind memcheck"
    # The tests labelled memcheck (tests/CMakeLists.txt says which are not).
    ctest --test-dir build/gcc -T memcheck -j "$jobs" -L '^memcheck$'
  fi
done
