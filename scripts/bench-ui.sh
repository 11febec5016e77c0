#!/usr/bin/env bash
# The SPA's benchmark: initial JS (gzip) and LCP of the landing and pay pages, phone viewport, 4x CPU slowdown.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ui-deps.sh
(cd ui-angular && npm run build)
bash scripts/with-demo.sh bash -c 'cd ui-angular && BENCH_BASE_URL="$DEMO_BASE_URL" npm run bench'
