#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Builds and runs every test, with g++ and with clang++; then the run-time
# tests under valgrind memcheck, under AddressSanitizer and
# UndefinedBehaviorSanitizer (both compilers), and the thread tests under
# ThreadSanitizer.
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
    # Not the tests that replace the global operator new (valgrind replaces it
    # too), nor the million-operation model test (minutes under valgrind: the
    # sanitizer runs cover it).
    ctest --test-dir build/gcc -T memcheck -j "$jobs" \
      -R '^(test_(context|disabled|fmt|json|nlohmann_json|prometheus|record|runtime_context|throwing_values|top_n)|two_units|fuzz[.]replay_corpus|example[.].*)$'
  fi
done
