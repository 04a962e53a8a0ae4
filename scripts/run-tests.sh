#!/usr/bin/env bash
# Runs every test project of the solution (already built) and ends with one summary line
# "N passed, N failed, N skipped". Exit status is non-zero if any test failed or none ran.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
config="${1:-Release}"; shift || true
filter=()
[ $# -gt 0 ] && filter=(--filter "$1")
results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"

status=0
dotnet test "$root/GeoEdge.sln" -c "$config" --no-build --logger "trx;LogFilePrefix=run" --results-directory "$results" \
  "${filter[@]}" -- RunConfiguration.TestSessionTimeout=1500000 || status=$?

# Sum the counters of every TRX file into one line the CI can read.
total=0 passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  num() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(num total))); passed=$((passed + $(num passed)))
  failed=$((failed + $(num failed) + $(num error))); skipped=$((skipped + $(num notExecuted)))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$total" -gt 0 ] || { echo "no test ran" >&2; exit 1; }
[ "$failed" -eq 0 ] || status=1
exit $status
