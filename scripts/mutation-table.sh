#!/usr/bin/env bash
# Prints PIT's mutation score per class (nested classes and records counted with their outer class) from each
# module's target/pit-reports/mutations.csv (emr-connector, bff), and every surviving or uncovered mutant (class:line,
# what was changed, method), after `make mutation`. Score = killed (incl. timed out / memory error, which PIT also
# counts as detected) ÷ all mutants except the non-viable ones. Usage: scripts/mutation-table.sh [mutations.csv ...]
set -uo pipefail
cd "$(dirname "$0")/.."
if (($# == 0)); then
  set -- emr-connector/target/pit-reports/mutations.csv bff/target/pit-reports/mutations.csv
fi
status=0
for csv in "$@"; do
  if [[ ! -f $csv ]]; then
    echo "mutation: no $csv (run make mutation)"
    status=1
    continue
  fi
  echo "mutation: ${csv%%/target/*}"
  awk -F, '
  # fileName,className,mutator,method,lineNumber,status,killingTest
  {
    cls = $2; sub(/\$.*/, "", cls); sub(/.*\./, "", cls)
    if ($6 == "NON_VIABLE") next
    total[cls]++; all++
    if ($6 == "KILLED" || $6 == "TIMED_OUT" || $6 == "MEMORY_ERROR") { killed[cls]++; k++ }
    else { m = $3; sub(/.*\./, "", m); left[++n] = sprintf("  %-8s %s:%s %s in %s", $6, cls, $5, m, $4) }
  }
  END {
    printf "mutation: score per class (killed / mutants)\n"
    cmd = "sort"
    for (c in total) printf "  %-20s %5.1f%%  %4d / %-4d\n", c, 100 * killed[c] / total[c], killed[c], total[c] | cmd
    close(cmd)
    printf "  %-20s %5.1f%%  %4d / %-4d\n", "(all)", all ? 100 * k / all : 0, k, all
    if (n) { printf "mutation: not killed\n"; for (i = 1; i <= n; i++) print left[i] }
  }' "$csv"
done
exit $status
