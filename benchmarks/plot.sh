#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Draws docs/performance-*.svg from the CSVs the benchmarks write, with gnuplot
# (Debian: gnuplot-nox).
#   bash benchmarks/plot.sh [build/compile_time/compile_time.csv] [build/bench/benchmarks/instructions.csv]
set -euo pipefail
cd "$(dirname "$0")/.."
compile_csv=${1:-build/compile_time/compile_time.csv}
instructions_csv=${2:-build/bench/benchmarks/instructions.csv}

gnuplot <<GNUPLOT
set datafile separator ","
set terminal svg size 1000,420 font "sans,12" background rgb "white" noenhanced
set key outside right top
set grid

set output "docs/performance-compile-time.svg"
set title "Compile time of N metrics and N call sites (g++ 12 -O2)"
set xlabel "N"
set ylabel "CPU seconds"
plot "$compile_csv" skip 1 using 1:3 with linespoints lw 2 title "typed_metrics", \
     "$compile_csv" skip 1 using 1:4 with linespoints lw 2 title "struct + first-write sites", \
     "$compile_csv" skip 1 using 1:2 with linespoints lw 2 title "hand-written struct"

set output "docs/performance-instructions.svg"
set title "Instructions per operation, loop included (callgrind; record30: per record, /100)"
set xlabel ""
set ylabel "instructions"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set xtics norotate font ",9"
set bmargin 3
set logscale y
plot "$instructions_csv" skip 1 using (strcol(1) eq "record30" ? \$2/100 : \$2):xtic(1) title "typed_metrics", \
     "" skip 1 using (strcol(1) eq "record30" ? \$3/100 : \$3) title "hand-written struct", \
     "" skip 1 using (strcol(1) eq "record30" ? \$4/100 : \$4) title "unordered_map port"
GNUPLOT
echo "wrote docs/performance-compile-time.svg docs/performance-instructions.svg"
