#!/usr/bin/env bash
# Runs a command against a freshly started demo (the real stack on embedded stand-ins) on free ports, then stops it.
# The command sees DEMO_BASE_URL and DEMO_MAIL_URL, and every other key of the DEMO line as DEMO_<KEY> in capitals
# (console= staff= password= otp= → DEMO_CONSOLE, DEMO_STAFF, DEMO_PASSWORD, DEMO_OTP; also DEMO_CONSOLE_URL).
# Usage: scripts/with-demo.sh <command…>
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port" >&2; return 1
}

export BFF_PORT=${DEMO_BFF_PORT:-$(free_port)}
export EMR_PORT=${DEMO_EMR_PORT:-$(free_port)}
export MANAGEMENT_PORT=${DEMO_MANAGEMENT_PORT:-$(free_port)}
export DEMO_RUN_DIR=".demo/test-$BFF_PORT"
mkdir -p "$DEMO_RUN_DIR"
out="$DEMO_RUN_DIR/demo.out"

bash scripts/demo.sh >"$out" 2>&1 &
demo_pid=$!
stop_demo() { kill -TERM "$demo_pid" 2>/dev/null || true; wait "$demo_pid" 2>/dev/null || true; }
trap stop_demo EXIT

deadline=$((SECONDS + 240))
until grep -q '^DEMO ' "$out"; do
  if ! kill -0 "$demo_pid" 2>/dev/null || (( SECONDS > deadline )); then
    echo "with-demo: the demo did not start; its output:" >&2; cat "$out" >&2
    tail -n 50 "$DEMO_RUN_DIR"/*.log >&2 || true
    exit 1
  fi
  sleep 0.5
done
line=$(grep -m1 '^DEMO ' "$out")
echo "with-demo: $line"
export DEMO_BASE_URL="http://127.0.0.1:$BFF_PORT"
export DEMO_MAIL_URL=$(sed -n 's/.* mail=\([^ ]*\).*/\1/p' <<<"$line")
read -ra pairs <<<"${line#DEMO }"
for pair in "${pairs[@]}"; do
  key=${pair%%=*}
  [[ "$pair" == *=* && "$key" =~ ^[A-Za-z][A-Za-z0-9_]*$ ]] || continue
  export "DEMO_${key^^}=${pair#*=}"
done
export DEMO_CONSOLE_URL=${DEMO_CONSOLE:-}
"$@"
