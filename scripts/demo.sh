#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Builds and runs the demo: a toy compiler that prints one metrics record per compilation
# and writes the timeline of its phases, a Chrome trace (open it in ui.perfetto.dev).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset gcc >/dev/null
cmake --build --preset gcc --target compile_pipeline
./build/gcc/examples/compile_pipeline build/gcc/compile_pipeline.trace.json
echo "timeline: build/gcc/compile_pipeline.trace.json (Perfetto, chrome://tracing)"
