#!/usr/bin/env bash
# Times `loupe check` (deep and --quick) against sqlite3's PRAGMA integrity_check and quick_check on the same
# >= 1 GiB file in one run and prints the ratios (issue 4; see docs/benchmarks.md, "Checker vs PRAGMA
# integrity_check").
#
#   bench/check-vs-sqlite.sh [--narrow] [DB]
#
# DB defaults to the generated file benchmarks/target/bench-data/check-1g.db (written on first use by
# dev.loupe.bench.CheckBenchData, about 1.5 minutes: a rowid table with two secondary indexes, overflow pages and
# freelist pages, and a WITHOUT ROWID table). --narrow uses check-1g-narrow.db instead: the same tables with narrow
# rows (about 50-byte records, 10.4 million rows), where index entries make up most of the file.
# Environment: RUNS (default 3; each figure is the best wall time of RUNS runs, sqlite3's and Loupe's runs
# alternating, and each pair's ratio is printed too), SQLITE3 (default /usr/bin/sqlite3), MMAP (bytes for PRAGMA
# mmap_size, default 2147418112: SQLite's compiled-in maximum, so the whole file is mapped), LOUPE_JAVA_OPTS (extra
# JVM options; -Xmx512m is always set).
#
# What is compared, each pair on the same file with the page cache warm, wall time including process start
# (JVM start and JIT warm-up for Loupe):
#   deep:   sqlite3 -readonly DB "PRAGMA mmap_size=MMAP" "PRAGMA integrity_check"
#      vs.  LOUPE_JAVA_OPTS=-Xmx512m ./loupe check --format jsonl DB
#   quick:  sqlite3 -readonly DB "PRAGMA mmap_size=MMAP" "PRAGMA quick_check"
#      vs.  LOUPE_JAVA_OPTS=-Xmx512m ./loupe check --quick --format jsonl DB
# Before timing, every command must call the file sound: sqlite3 prints "ok", Loupe's verdict is "ok".
# Targets (issue 4): deep at least 10x faster than integrity_check; quick no slower than quick_check.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
bench_jar="$root/benchmarks/target/loupe-benchmarks.jar"
runs="${RUNS:-3}"
sqlite3="${SQLITE3:-/usr/bin/sqlite3}"
mmap="${MMAP:-2147418112}"
read -r -a java_opts <<< "-Xmx512m ${LOUPE_JAVA_OPTS:-}"

if [ ! -f "$bench_jar" ]; then
  echo "bench: building the benchmarks jar..." >&2
  (cd "$root" && ./mvnw -q -B -Dmaven.test.skip=true -pl benchmarks -am package) >&2
fi
"$root/loupe" --help >/dev/null # builds the CLI jar when it is missing or stale
shape=()
if [ "${1:-}" = "--narrow" ]; then
  shape=(--narrow)
  shift
fi
db="$(java -cp "$bench_jar" dev.loupe.bench.CheckBenchData ${shape[@]+"${shape[@]}"} ${1:+"$1"})"
bytes="$(stat -c %s "$db")"
cat "$db" >/dev/null # warm the page cache: both sides read from memory

# once CMD...: "WALL CPU" of one run in milliseconds (CPU = user + sys, child processes included); output
# discarded. CPU time is the steadier figure when other work shares the machine; wall time is what a user waits.
once() {
  local r u s TIMEFORMAT='%3R %3U %3S'
  read -r r u s < <({ time "$@" >/dev/null 2>/dev/null; } 2>&1)
  awk -v r="$r" -v u="$u" -v s="$s" 'BEGIN{printf "%d %d\n", r*1000, (u+s)*1000}'
}

# pair A B: runs sqlite3's command A and Loupe's B one after the other, $runs times over, so that both meet the
# machine in the same state (on a shared machine other work comes and goes over minutes, and a batch of one
# program's runs after a batch of the other's can catch different minutes). Prints "WALL_A CPU_A WALL_B CPU_B
# RATIOS": the shortest wall and CPU time of each in milliseconds, then each pair's wall-time ratio A/B.
pair() {
  local wa="" ca="" wb="" cb="" ratios="" i w c w2 c2
  for ((i = 0; i < runs; i++)); do
    read -r w c < <(once "$1")
    read -r w2 c2 < <(once "$2")
    if [ -z "$wa" ] || [ "$w" -lt "$wa" ]; then wa=$w; fi
    if [ -z "$ca" ] || [ "$c" -lt "$ca" ]; then ca=$c; fi
    if [ -z "$wb" ] || [ "$w2" -lt "$wb" ]; then wb=$w2; fi
    if [ -z "$cb" ] || [ "$c2" -lt "$cb" ]; then cb=$c2; fi
    ratios="$ratios$(awk -v a="$w" -v b="$w2" 'BEGIN{printf "%.2f", a/b}'),"
  done
  echo "$wa $ca $wb $cb ${ratios%,}"
}

# The first line sqlite3 prints is the mmap_size it set; the rest is the check's output.
sqlite_deep() { "$sqlite3" -readonly "$db" "PRAGMA mmap_size=$mmap" "PRAGMA integrity_check" | tail -n +2; }
sqlite_quick() { "$sqlite3" -readonly "$db" "PRAGMA mmap_size=$mmap" "PRAGMA quick_check" | tail -n +2; }
# Loupe as a user runs it: the ./loupe launcher (class-data sharing archive; C1 only for --quick, whose short run
# does not repay C2's compile threads), with the heap bounded as the issue asks
loupe_deep() { LOUPE_JAVA_OPTS="${java_opts[*]}" "$root/loupe" check --format jsonl "$db"; }
loupe_quick() { LOUPE_JAVA_OPTS="${java_opts[*]}" "$root/loupe" check --quick --format jsonl "$db"; }

verdict() { sed -n 's/.*"verdict":"\([a-z]*\)".*/\1/p'; }
for f in sqlite_deep sqlite_quick; do
  out="$($f)"
  [ "$out" = "ok" ] || { echo "bench: $f says: $out" >&2; exit 1; }
done
for f in loupe_deep loupe_quick; do
  out="$($f || true)"
  [ "$(verdict <<< "$out")" = "ok" ] || { echo "bench: $f says: $out" >&2; exit 1; }
done

load() { cut -d' ' -f1 /proc/loadavg; }
load0=$(load)
read -r deep_s deep_sc deep_l deep_lc deep_pairs < <(pair sqlite_deep loupe_deep)
read -r quick_s quick_sc quick_l quick_lc quick_pairs < <(pair sqlite_quick loupe_quick)
load1=$(load)

echo "file:    $db ($bytes bytes, $((bytes / $(od -An -tu1 -j16 -N2 "$db" | awk '{print ($1 == 0 && $2 == 1) ? 65536 : $1 * 256 + $2}'))) pages)"
echo "sqlite3: $("$sqlite3" --version | cut -d' ' -f1) (mmap_size=$mmap)   java: $(java -version 2>&1 | head -1) (./loupe, ${java_opts[*]})"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average $load0 -> $load1"
echo "timing:  best of $runs runs each, sqlite3's and Loupe's alternating (wall; CPU = user + sys), page cache warm,"
echo "         process start included; all said ok"
echo
awk -v s1="$deep_s" -v l1="$deep_l" -v s2="$quick_s" -v l2="$quick_l" \
    -v c1="$deep_sc" -v k1="$deep_lc" -v c2="$quick_sc" -v k2="$quick_lc" 'BEGIN {
  printf "%-49s %8s %8s %8s %9s %9s %8s\n", "task (wall: sqlite3, loupe, ratio; then CPU)", "sqlite3", "loupe",
    "sql/lp", "cpu sql", "cpu lp", "target"
  printf "%-49s %7.3fs %7.3fs %7.2fx %8.3fs %8.3fs %8s\n", "deep: PRAGMA integrity_check vs loupe check",
    s1/1e3, l1/1e3, s1/l1, c1/1e3, k1/1e3, ">= 10x"
  printf "%-49s %7.3fs %7.3fs %7.2fx %8.3fs %8.3fs %8s\n", "quick: PRAGMA quick_check vs loupe check --quick",
    s2/1e3, l2/1e3, s2/l2, c2/1e3, k2/1e3, ">= 1x"
}'
echo
echo "wall-time ratio of each run pair (sqlite3's run, then Loupe's right after): deep ${deep_pairs//,/x, }x;" \
  "quick ${quick_pairs//,/x, }x"
