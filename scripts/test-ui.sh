#!/usr/bin/env bash
# The SPA's tests: unit tests (Vitest), then the browser end-to-end suite (Playwright + Debian Chromium) against the
# real stack started by scripts/with-demo.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd ui-angular && npm install --no-audit --no-fund && npm test && npm run build)
bash scripts/with-demo.sh bash -c 'cd ui-angular && E2E_BASE_URL="$DEMO_BASE_URL" E2E_MAIL_URL="$DEMO_MAIL_URL" npm run e2e'
