#!/usr/bin/env bash
# The visualizer's two speed figures (docs/benchmarks.md), each in a real window on a virtual display (xvfb-run;
# without it, on Monocle's headless platform for the tree and not at all for the map):
#
#   bench/gui-bench.sh tree [DB TABLE]   a b-tree of 100,000+ pages, fully expanded, panned and zoomed frame by frame
#                                        (dev.loupe.gui.TreeBench): per phase the frame time, the CPU per frame and
#                                        the paint, median / p99 / max, and the frames over 50 ms. DB defaults to the
#                                        generated benchmarks/target/bench-data/tree-100k.db (dev.loupe.bench.
#                                        TreeBenchData, about 10 s on first use), TABLE to t.
#   bench/gui-bench.sh map [DB]          the GUI's own --timing lines for DB (default: the 1.1 GiB
#                                        benchmarks/target/bench-data/check-1g.db of dev.loupe.bench.CheckBenchData):
#                                        window shown after JVM start, page map drawn after the window was shown.
#
# Environment: RUNS (map: default 3), LOUPE_JAVA_OPTS (JVM options for the GUI).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
bench_jar="$root/benchmarks/target/loupe-benchmarks.jar"
gui_jar="$root/visualizer-gui/target/loupe-gui.jar"
read -r -a java_opts <<< "${LOUPE_JAVA_OPTS:-}"
what="${1:-tree}"
shift || true

build() {
  if [ ! -f "$bench_jar" ] || [ ! -f "$gui_jar" ]; then
    echo "gui-bench: building the benchmarks and GUI jars..." >&2
    (cd "$root" && ./mvnw -q -B -Dmaven.test.skip=true -pl benchmarks,visualizer-gui -am package) >&2
  fi
}

on_display() {
  if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
  else
    echo "gui-bench: xvfb-run not found (Debian: apt-get install xvfb libgtk-3-0); headless Monocle instead" >&2
    env -u DISPLAY "$@"
  fi
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load:$(uptime | sed 's/.*load average://')"
case "$what" in
  tree)
    build
    db="${1:-$(java -cp "$bench_jar" dev.loupe.bench.TreeBenchData)}"
    table="${2:-t}"
    on_display java "${java_opts[@]}" -cp "$gui_jar" dev.loupe.gui.TreeBench "$db" "$table" 2>/dev/null
    ;;
  map)
    build
    db="${1:-$(java -cp "$bench_jar" dev.loupe.bench.CheckBenchData)}"
    cat "$db" >/dev/null # the page cache warm, as for the other benchmarks
    for ((i = 1; i <= ${RUNS:-3}; i++)); do
      # The GUI runs until closed: stop it (by its process id) once it has logged the page map.
      on_display bash -c '
        log=$(mktemp)
        java "${@:3}" -jar "$1" "$2" --view pages --timing 2>"$log" >/dev/null &
        pid=$!
        for _ in $(seq 1 1200); do grep -q "page map of" "$log" && break; sleep 0.1; done
        grep "timing" "$log"
        kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
        rm -f "$log"' _ "$gui_jar" "$db" ${java_opts[@]+"${java_opts[@]}"}
    done
    ;;
  *)
    echo "usage: bench/gui-bench.sh tree [DB TABLE] | map [DB]" >&2
    exit 2
    ;;
esac
echo "# done; load:$(uptime | sed 's/.*load average://')"
