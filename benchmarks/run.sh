#!/usr/bin/env bash
# Reproduces every Stormproof benchmark and regenerates docs/BENCHMARKS.md from the results.
#
#   benchmarks/run.sh            # default settings (a few minutes)
#   QUICK=1 benchmarks/run.sh    # short settings (what the committed docs/BENCHMARKS.md used if it says so)
#
# Settings (environment variables, defaults in brackets):
#   RUNS [20] / WARMUP [3]        timed / warm-up calls per matcher in PeersBench
#   ADB_TAPS [200]                tap commands per ADB path in AdbBench
#   APP_SAMPLES [200]             app-guard readings per latency in AppGuardCost
#   SOAK_ARGS [--tasks 300 --rate 20 --seconds 60]
#   JMH_ARGS [-f 1 -wi 2 -i 3 -w 2s -r 2s]   (short: the machine is small and shared)
#   JMH_FILTER [dev.stormproof.bench.jmh]    regex of JMH benchmarks to run
#   MVN_OFFLINE [-o]              set to empty to let Maven download what is missing
# Peers are installed here, never by the tests: SikuliX's class path is resolved from
# benchmarks/peers/sikulix/pom.xml (it runs in its own JVM: its org.opencv classes clash with
# bytedeco's), Appium's @appium/opencv is npm-installed into benchmarks/target/node.
# Results: benchmarks/target/results/*.tsv|csv; exit status non-zero if any step failed
# (the report is written anyway and says which sections are missing).
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${QUICK:-}" ]]; then
  : "${RUNS:=7}" "${WARMUP:=2}" "${ADB_TAPS:=60}" "${APP_SAMPLES:=60}" "${SOAK_ARGS:=--tasks 300 --rate 20 --seconds 20}"
  : "${JMH_ARGS:=-f 1 -wi 2 -i 3 -w 1s -r 1s}"
fi
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
ADB_TAPS=${ADB_TAPS:-200}
APP_SAMPLES=${APP_SAMPLES:-200}
SOAK_ARGS=${SOAK_ARGS:---tasks 300 --rate 20 --seconds 60}
JMH_ARGS=${JMH_ARGS:--f 1 -wi 2 -i 3 -w 2s -r 2s}
JMH_FILTER=${JMH_FILTER:-dev.stormproof.bench.jmh}
MVN_OFFLINE=${MVN_OFFLINE--o}

T=benchmarks/target
R=$T/results
rm -rf "$R"
mkdir -p "$R"
failed=()
load() { echo "$1 $(date -u +%H:%M:%SZ): loadavg $(cut -d' ' -f1-3 /proc/loadavg), java processes $(pgrep -c java || true)" >> "$R/load.txt"; }
step() {
  local name=$1; shift
  echo "== $name ($(date -u +%H:%M:%SZ))"
  if ! "$@"; then
    echo "!! $name failed" >&2
    failed+=("$name")
  fi
}

load "start"
cat > "$R/settings.txt" <<SETTINGS
RUNS=$RUNS WARMUP=$WARMUP (PeersBench timed / warm-up calls per matcher)
ADB_TAPS=$ADB_TAPS (AdbBench taps per path)
APP_SAMPLES=$APP_SAMPLES (AppGuardCost readings per latency)
SOAK_ARGS=$SOAK_ARGS
JMH_ARGS=$JMH_ARGS JMH_FILTER=$JMH_FILTER
git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet -- . ':!docs/BENCHMARKS.md' 2>/dev/null || echo ' (with uncommitted changes)')
SETTINGS
step build mvn $MVN_OFFLINE -q -pl benchmarks -am -DskipTests process-classes
if [[ " ${failed[*]} " == *" build "* ]]; then
  echo "the benchmarks module did not build; on a machine without the artifacts cached, run with MVN_OFFLINE= to download them" >&2
  exit 1
fi
step sikulix-classpath mvn $MVN_OFFLINE -q -f benchmarks/peers/sikulix/pom.xml dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$T/sikulix.classpath"
step appium-install npm install --prefix "$T/node" --no-audit --no-fund @appium/opencv@4.1.5

weight() {
  if [[ -f $T/sikulix.classpath ]]; then
    local jars mb
    jars=$(tr ':' '\n' < "$T/sikulix.classpath" | grep -c .)
    mb=$(tr ':' '\n' < "$T/sikulix.classpath" | xargs du -cb | tail -1 | awk '{printf "%.0f", $1/1048576}')
    echo "SikuliX 2.0.5 runtime (separate JVM, Jython/JRuby/Tess4J/Py4J/VNC excluded): $jars jars, $mb MB"
  fi
  if [[ -d $T/node/node_modules ]]; then
    echo "@appium/opencv 4.1.5 with its dependencies (opencv-bindings wasm, sharp): $(du -sm "$T/node/node_modules" | cut -f1) MB in node_modules, Node $(node --version)"
  fi
}
weight > "$R/peers-weight.txt"

CP="$T/classes:$(cat $T/benchmarks.classpath)"
JAVA=(java -Djava.awt.headless=true -Xms1g -Xmx1g -cp "$CP")

step peers "${JAVA[@]}" dev.stormproof.bench.PeersBench --runs "$RUNS" --warmup "$WARMUP" --out "$R"
step adb "${JAVA[@]}" dev.stormproof.bench.AdbBench --taps "$ADB_TAPS" --out "$R"
# shellcheck disable=SC2086
step soak "${JAVA[@]}" -XX:+AlwaysPreTouch dev.stormproof.bench.StormSoak $SOAK_ARGS --out "$R"
step app-guard "${JAVA[@]}" dev.stormproof.bench.AppGuardCost --samples "$APP_SAMPLES" --out "$R"
# shellcheck disable=SC2086
step jmh "${JAVA[@]}" org.openjdk.jmh.Main $JMH_ARGS -jvmArgs "-Djava.awt.headless=true -Xms1g -Xmx1g" \
  -rf csv -rff "$R/jmh.csv" "$JMH_FILTER"
load "end"

COMMAND="benchmarks/run.sh"
[[ -n "${QUICK:-}" ]] && COMMAND="QUICK=1 benchmarks/run.sh"
step report "${JAVA[@]}" dev.stormproof.bench.BenchReport --results "$R" --out docs/BENCHMARKS.md \
  --command "$COMMAND"
if (( ${#failed[@]} )); then
  echo "failed steps: ${failed[*]}" >&2
  exit 1
fi
