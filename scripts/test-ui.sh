#!/usr/bin/env bash
# The SPA's tests: unit tests (Vitest, with V8 coverage: per-file table and summary printed, HTML report in
# ui-angular/coverage/), visual comparisons against committed baselines (mocked API), then the browser end-to-end
# suite (Playwright + Debian Chromium) against the real stack started by scripts/with-demo.sh. Prints each stage's time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
timed() { bash scripts/timed.sh "$@"; }
timed "ui: npm ci (when the lockfile changed)" bash scripts/ui-deps.sh
timed "ui: unit tests + coverage" bash -c 'cd ui-angular && npm run --silent test:coverage'
timed "ui: production build" bash -c 'cd ui-angular && npm run build'
timed "ui: visual tests" bash -c 'cd ui-angular && npm run e2e:visual'
timed "ui: end-to-end (real stack)" bash scripts/with-demo.sh bash -c \
  'cd ui-angular && E2E_BASE_URL="$DEMO_BASE_URL" E2E_MAIL_URL="$DEMO_MAIL_URL" npm run e2e'
