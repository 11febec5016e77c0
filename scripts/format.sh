#!/usr/bin/env bash
# Prettier over the TypeScript, HTML, CSS/SCSS, JSON and YAML of the SPA (ui-angular/), the AWS CDK app (infra/) and
# the ops kit (ops/); settings in .prettierrc.json, exclusions in .prettierignore. Java is formatted by its own tool.
#   scripts/format.sh          rewrite files in place (what `make format` runs)
#   scripts/format.sh --check  list unformatted files and fail (what `make lint` runs); changes nothing
# Uses the SPA's pinned prettier (ui-angular/package-lock.json), installed by scripts/ui-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=--write
if [[ "${1:-}" == "--check" ]]; then mode=--check; fi
bash scripts/ui-deps.sh
# Java: Spotless (palantir-java-format), configured in the parent pom.xml.
if [[ $mode == --write ]]; then ./mvnw -q spotless:apply; fi
exec ui-angular/node_modules/.bin/prettier "$mode" --log-level warn \
  'ui-angular/*.{json,ts,mjs}' \
  'ui-angular/{src,e2e,bench,tools}/**/*.{ts,mjs,js,html,css,scss,json}' \
  'infra/*.json' 'infra/{bin,lib,test}/**/*.ts' \
  'ops/**/*.{json,yml,yaml}'
