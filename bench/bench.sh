#!/usr/bin/env bash
# Times Loupe and sqlite3 on the same file in one run and prints the ratios (see docs/benchmarks.md).
#
#   bench/bench.sh [DB]
#
# DB defaults to the generated benchmark file (benchmarks/target/bench-data/bench-256m.db, written on first use by
# dev.loupe.bench.BenchData, about 20 s). Environment: RUNS (default 3; each figure is the best wall time of RUNS
# runs), TABLE (default t), SQLITE3 (default /usr/bin/sqlite3), LOUPE_JAVA_OPTS (JVM options for the Loupe runs).
#
# What is compared, each pair on the same file with the page cache warm, wall time including process start:
#   1. full scan of TABLE:  sqlite3 -readonly DB "SELECT * FROM TABLE"  (list mode, to /dev/null)
#                      vs.  loupe rows --format jsonl DB TABLE          (JSON lines, to /dev/null)
#   2. full scan of TABLE:  the same sqlite3 run
#                      vs.  OnePass rows DB TABLE                       (the reader alone: TableReader, every value
#                                                                        materialized, nothing printed)
#   3. whole file:          sqlite3 -readonly DB "PRAGMA quick_check"   (b-tree structure of every page)
#                      vs.  OnePass decode DB                           (every page, cell, payload, record, value)
# Both Loupe runs include JVM start-up and JIT warm-up. The CLI jar is run directly (java -jar) once ./loupe has
# made sure it is built, so that the launcher's staleness check is not timed.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
bench_jar="$root/benchmarks/target/loupe-benchmarks.jar"
cli_jar="$root/inspector-cli/target/loupe.jar"
runs="${RUNS:-3}"
table="${TABLE:-t}"
sqlite3="${SQLITE3:-/usr/bin/sqlite3}"
read -r -a java_opts <<< "${LOUPE_JAVA_OPTS:-}"

if [ ! -f "$bench_jar" ]; then
  echo "bench: building the benchmarks jar..." >&2
  (cd "$root" && ./mvnw -q -B -Dmaven.test.skip=true -pl benchmarks -am package) >&2
fi
"$root/loupe" --help >/dev/null # builds the CLI jar when it is missing or stale
db="$(java -cp "$bench_jar" dev.loupe.bench.BenchData ${1:+"$1"})"
bytes="$(stat -c %s "$db")"
cat "$db" >/dev/null # warm the page cache: both sides read from memory

# best_ns CMD...: the shortest wall time of $runs runs, in nanoseconds; output discarded, failures fatal.
best_ns() {
  local best="" t0 t1 i
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then best=$((t1 - t0)); fi
  done
  echo "$best"
}

out_bytes() { "$@" | wc -c; }

loupe_rows() { java "${java_opts[@]}" -jar "$cli_jar" rows --format jsonl "$db" "$table"; }
loupe_scan() { java "${java_opts[@]}" -cp "$bench_jar" dev.loupe.bench.OnePass rows "$db" "$table"; }
loupe_decode() { java "${java_opts[@]}" -cp "$bench_jar" dev.loupe.bench.OnePass decode "$db"; }
sqlite_scan() { "$sqlite3" -readonly "$db" "SELECT * FROM \"$table\""; }
sqlite_quick() { "$sqlite3" -readonly "$db" "PRAGMA quick_check"; }

quick="$(sqlite_quick)"
[ "$quick" = "ok" ] || { echo "bench: quick_check says: $quick" >&2; exit 1; }

cat_ns=$(best_ns cat "$db")
scan_s=$(best_ns sqlite_scan)
scan_l=$(best_ns loupe_rows)
scan_r=$(best_ns loupe_scan)
quick_s=$(best_ns sqlite_quick)
decode_l=$(best_ns loupe_decode)

echo "file:    $db ($bytes bytes)"
echo "sqlite3: $("$sqlite3" --version | cut -d' ' -f1)   java: $(java -version 2>&1 | head -1)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "timing:  best wall time of $runs runs, page cache warm, process start included; cat: $(awk -v n="$cat_ns" 'BEGIN{printf "%.3f s", n/1e9}')"
echo "output:  sqlite3 scan $(out_bytes sqlite_scan) bytes, loupe rows jsonl $(out_bytes loupe_rows) bytes"
echo "decode:  $(loupe_decode | sed 's/; wall.*//')"
echo
awk -v b="$bytes" -v t="$table" -v s1="$scan_s" -v l1="$scan_l" -v r1="$scan_r" -v s2="$quick_s" -v l2="$decode_l" 'BEGIN {
  printf "%-58s %9s %9s %14s\n", "task", "sqlite3", "loupe", "loupe/sqlite3"
  printf "%-58s %8.3fs %8.3fs %13.2fx\n", "full scan of " t ": SELECT * vs loupe rows --format jsonl", s1/1e9, l1/1e9, l1/s1
  printf "%-58s %8.3fs %8.3fs %13.2fx\n", "full scan of " t ": SELECT * vs OnePass rows (reader only)", s1/1e9, r1/1e9, r1/s1
  printf "%-58s %8.3fs %8.3fs %13.2fx\n", "whole file: PRAGMA quick_check vs OnePass decode", s2/1e9, l2/1e9, l2/s2
  printf "(OnePass decode, JVM start included: %.1f MB/s of file)\n", b/1e6/(l2/1e9)
}'
