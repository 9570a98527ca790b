#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Builds and runs every test, with g++ and with clang++.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc)
for compiler in gcc clang; do
  echo "=== $compiler"
  cmake --preset "$compiler" >/dev/null
  cmake --build --preset "$compiler" -j "$jobs"
  ctest --preset "$compiler" -j "$jobs"
done
