#!/usr/bin/env bash
# Size of the sample suite's Allure report and of its evidence, written to
# docs/report-evidence/report.tsv (docs/BENCHMARKS.md shows it). Run after a report exists:
#
#   mvn -Preport verify && benchmarks/report-size.sh
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-sample-tests/target/allure-report}
out=docs/report-evidence
[ -f "$report/widgets/summary.json" ] || { echo "no report in $report: run 'mvn -Preport verify' first" >&2; exit 1; }
mkdir -p "$out"
tests=$(find "$report/data/test-cases" -name '*.json' | wc -l)
total=$(du -sb "$report" | cut -f1)
{
  printf 'metric\tvalue\n'
  printf 'tests\t%s\n' "$tests"
  printf 'report bytes\t%s\n' "$total"
  printf 'report bytes per test\t%s\n' "$(( total / (tests > 0 ? tests : 1) ))"
  for ext in jpg png svg txt csv; do
    n=$(find "$report/data/attachments" -name "*.$ext" | wc -l)
    b=$(find "$report/data/attachments" -name "*.$ext" -printf '%s\n' | awk '{s+=$1} END {print s+0}')
    printf '%s attachments\t%s\n' "$ext" "$n"
    printf '%s bytes\t%s\n' "$ext" "$b"
  done
  printf 'largest attachment bytes\t%s\n' "$(find "$report/data/attachments" -type f -printf '%s\n' | sort -n | tail -1)"
  printf 'measured\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)"
} > "$out/report.tsv"
cat "$out/report.tsv"
