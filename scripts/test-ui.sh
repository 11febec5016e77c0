#!/usr/bin/env bash
# The SPA's tests: unit tests (Vitest), visual comparisons against committed baselines (mocked API), then the
# browser end-to-end suite (Playwright + Debian Chromium) against the real stack started by scripts/with-demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
bash scripts/ui-deps.sh
(cd ui-angular && npm test && npm run build && npm run e2e:visual)
bash scripts/with-demo.sh bash -c 'cd ui-angular && E2E_BASE_URL="$DEMO_BASE_URL" E2E_MAIL_URL="$DEMO_MAIL_URL" npm run e2e'
