#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Builds and runs every test, with g++ and with clang++, then the run-time
# tests again under AddressSanitizer and UndefinedBehaviorSanitizer, and the
# thread tests under ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)
for preset in gcc clang sanitize tsan; do
  echo "=== $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
done
