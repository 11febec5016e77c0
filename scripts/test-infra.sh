#!/usr/bin/env bash
# The infrastructure's tests (infra/): install, compile, then template assertions, cdk-nag HIPAA/PCI packs, image
# checks and ops consistency with node's test runner. Prints each stage's time. Needs the packaged jars (the image
# checks require them: INFRA_REQUIRE_JARS=1); no Docker, AWS account or network beyond the npm registry.
set -euo pipefail
cd "$(dirname "$0")/../infra"
stage() { # name command…
  local name=$1 start=$SECONDS; shift
  "$@"
  echo "infra: stage '$name' took $((SECONDS - start)) s"
}
stage "npm install" npm install --no-audit --no-fund --loglevel=error
stage "compile (tsc)" npm run --silent build
INFRA_REQUIRE_JARS=1 stage "tests" node --test --test-reporter=spec dist/test/*.test.js
