#!/usr/bin/env bash
# The hour-long storm soak (outside CI): 300 producers at 20 taps/s for 3600 s on the virtual
# device with phone latency, every round judged by the leak guard. Results go to docs/soak-1h/
# (committed); benchmarks/run.sh then shows them in docs/BENCHMARKS.md.
#   SECONDS_TOTAL [3600]  ROUNDS [12]
set -euo pipefail
cd "$(dirname "$0")/.."
T=benchmarks/target
mvn ${MVN_OFFLINE--o} -q -pl benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$PWD/$T/benchmarks.classpath"
mkdir -p docs/soak-1h
java -Djava.awt.headless=true -Xms1g -Xmx1g -XX:+AlwaysPreTouch \
  -cp "$T/classes:$(cat $T/benchmarks.classpath)" dev.stormproof.bench.StormSoak \
  --tasks 300 --rate 20 --seconds "${SECONDS_TOTAL:-3600}" --rounds "${ROUNDS:-12}" --warmup-rounds 1 \
  --out docs/soak-1h
