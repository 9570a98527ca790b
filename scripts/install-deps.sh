#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Installs the Debian packages this project needs, if any is missing.
# Usage: scripts/install-deps.sh [extra-package...]
set -euo pipefail

# valgrind and clang's sanitizer runtime serve the test script's memcheck and
# sanitizer runs; clang-22 and clang-19 the newest compilers' runs (clang 19
# in C++2c), clang-19 with libc++ also the libcxx test (the headers with
# another standard library than libstdc++); clang-format-19 the format test
# (clang-format 14 misreads requires-clauses); the rest, the exporters' tests:
# nlohmann/json, {fmt}, cpp-httplib, Prometheus with promtool, Python's
# jsonschema, pkg-config (the installed .pc file's test); matplotlib draws the
# demo's timeline for the docs (scripts/plot_trace.py).
packages=(cmake g++ clang libclang-rt-14-dev libboost-dev libboost-test-dev valgrind clang-22 clang-19 libc++-19-dev
          clang-format-19 nlohmann-json3-dev libfmt-dev libcpp-httplib-dev prometheus python3 python3-jsonschema
          pkg-config python3-matplotlib "$@")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
