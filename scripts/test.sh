#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Builds and runs every test with g++ 12, clang++ 14, clang++ 22 (C++20) and
# clang++ 19 (C++2c); then the run-time tests under valgrind memcheck (the
# label memcheck, g++ build), under AddressSanitizer and
# UndefinedBehaviorSanitizer (g++ and clang++ 14; the label runtime), and the
# thread tests under ThreadSanitizer (the label threads).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)
for preset in gcc clang clang-22 clang-19 sanitize sanitize-clang tsan; do
  echo "=== $preset"
  started=$SECONDS
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
  if [ "$preset" = gcc ]; then
    echo "=== valgrind memcheck"
    # The tests labelled memcheck (tests/CMakeLists.txt says which are not).
    ctest --test-dir build/gcc -T memcheck -j "$jobs" -L '^memcheck$'
  fi
  echo "=== $preset: $((SECONDS - started)) s"
done
echo "=== all: $SECONDS s"
