#!/usr/bin/env bash
# Prints the per-package JaCoCo coverage (lines, branches) of both Java services after `./mvnw verify`, marking the
# money packages (target ≥ 90 % lines, ≥ 80 % branches; `verify` enforces the floors in the poms' money-floors
# executions — the BFF's are ratchets at today's figures until its packages reach the target).
# Reads each module's target/site/jacoco/jacoco.csv (the figures the floors are checked on); the aggregated HTML/XML
# report of both services is target/coverage/index.html. Usage: scripts/coverage-table.sh (exit 0; missing reports
# are skipped with a note).
set -uo pipefail
cd "$(dirname "$0")/.."

money='com.patientpayments.emr.ledger com.patientpayments.bff.payment com.patientpayments.bff.webhook com.patientpayments.bff.session'

for module in emr-connector bff; do
  csv=$module/target/site/jacoco/jacoco.csv
  if [[ ! -f $csv ]]; then
    echo "coverage: no $csv (run ./mvnw verify)"
    continue
  fi
  echo
  echo "coverage: $module (lines / branches; * = money package, target 90 % / 80 %)"
  awk -F, -v money="$money" '
    BEGIN { n = split(money, m, " "); for (i = 1; i <= n; i++) floor[m[i]] = 1 }
    NR == 1 { next }
    {
      # GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,…
      pkg = $2; bm[pkg] += $6; bc[pkg] += $7; lm[pkg] += $8; lc[pkg] += $9; seen[pkg] = 1
      tbm += $6; tbc += $7; tlm += $8; tlc += $9
    }
    function pct(covered, missed) { return covered + missed == 0 ? "   -  " : sprintf("%5.1f%%", 100 * covered / (covered + missed)) }
    END {
      printf "  %-42s %8s %9s %8s %9s\n", "package", "lines", "(of)", "branches", "(of)"
      cmd = "sort -k1.3"
      for (p in seen) {
        mark = (p in floor) ? "*" : " "
        verdict = ""
        if (p in floor) {
          lr = lc[p] + lm[p] == 0 ? 1 : lc[p] / (lc[p] + lm[p])
          br = bc[p] + bm[p] == 0 ? 1 : bc[p] / (bc[p] + bm[p])
          verdict = (lr >= 0.90 && br >= 0.80) ? "  ok" : "  under 90/80"
        }
        printf "%s %-42s %8s %9d %8s %9d%s\n", mark, p, pct(lc[p], lm[p]), lc[p] + lm[p], pct(bc[p], bm[p]), bc[p] + bm[p], verdict | cmd
      }
      close(cmd)
      printf "  %-42s %8s %9d %8s %9d\n", "(module)", pct(tlc, tlm), tlc + tlm, pct(tbc, tbm), tbc + tbm
    }' "$csv"
done
if [[ -f target/coverage/index.html ]]; then
  echo
  echo "coverage: both services, incl. connector code run by the BFF tests: target/coverage/index.html"
fi
exit 0
