#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Builds and runs the demo: a toy compiler that prints one metrics record per compilation.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset gcc >/dev/null
cmake --build --preset gcc --target compile_pipeline
./build/gcc/examples/compile_pipeline
