#!/usr/bin/env bash
# SPDX-License-Identifier: BSL-1.0
# Draws docs/performance-*.svg from the CSVs the benchmarks write, with gnuplot
# (Debian: gnuplot-nox); a plot whose CSV is missing is left as it is.
#   bash benchmarks/plot.sh [build/compile_time/g++/instructions.csv] [build/bench/benchmarks/instructions.csv]
# The first is written by `benchmarks/compile_time.py --instructions`
# (columns: N, plain, semantics, struct, alias; millions of instructions).
set -euo pipefail
cd "$(dirname "$0")/.."
compile_csv=${1:-build/compile_time/g++/instructions.csv}
instructions_csv=${2:-build/bench/benchmarks/instructions.csv}

common='set datafile separator ","
set terminal svg size 1000,420 font "sans,12" background rgb "white" noenhanced
set key outside right top
set grid'

if [[ -f $compile_csv ]]; then
    gnuplot <<GNUPLOT
$common
set output "docs/performance-compile-time.svg"
set title "Compiler instructions for N metrics and N call sites (g++ 12 -O2, callgrind)"
set xlabel "N"
set ylabel "millions of instructions"
set key inside left top
plot "$compile_csv" skip 1 using 1:5 with linespoints lw 2 title "typed_metrics, schema an alias", \
     "$compile_csv" skip 1 using 1:4 with linespoints lw 2 title "typed_metrics, schema a struct", \
     "$compile_csv" skip 1 using 1:3 with linespoints lw 2 title "struct, same semantics", \
     "$compile_csv" skip 1 using 1:2 with linespoints lw 2 title "plain struct"
GNUPLOT
    echo "wrote docs/performance-compile-time.svg"
else
    echo "no $compile_csv: docs/performance-compile-time.svg left as it is"
fi

if [[ -f $instructions_csv ]]; then
    gnuplot <<GNUPLOT
$common
set terminal svg size 1200,480 font "sans,12" background rgb "white" noenhanced
set output "docs/performance-instructions.svg"
set title "Instructions per operation, net of the loop (callgrind; enter_exit and record30: per record)"
set xlabel ""
set ylabel "instructions (log scale)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set xtics rotate by 40 right font ",10"
set key inside left top
set bmargin 9
set logscale y
plot "$instructions_csv" skip 1 using 2:xtic(1) title "typed_metrics", \
     "" skip 1 using 3 title "struct, same semantics", \
     "" skip 1 using 4 title "plain struct", \
     "" skip 1 using 5 title "unordered_map port"
GNUPLOT
    echo "wrote docs/performance-instructions.svg"
else
    echo "no $instructions_csv: docs/performance-instructions.svg left as it is"
fi
