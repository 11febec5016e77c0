#!/usr/bin/env bash
# Installs the SPA's npm dependencies exactly as ui-angular/package-lock.json pins them (`npm ci`), only when they are
# missing or the lockfile changed since the last install: `make demo`/`make test` never rewrite the committed lockfile.
set -euo pipefail
cd "$(dirname "$0")/../ui-angular"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
stamp=node_modules/.pp-lock-sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x node_modules/.bin/ng ]]; then
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" >"$stamp"
