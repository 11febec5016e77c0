#!/usr/bin/env bash
# Starts the whole product on embedded stand-ins (see README "Demo") from the demo jars that `make demo` builds
# (demo/emr-connector-demo, demo/bff-demo): the EMR connector (embedded PostgreSQL unless
# DATABASE_URL is set), then the BFF (embedded Redis / SQS / SES stand-ins unless REDIS_URL / SQS_ENDPOINT /
# SES_ENDPOINT are set, the local Stripe API stand-in (SIMULATED mode) unless STRIPE_SECRET_KEY is set), which also serves the SPA.
# Prints one `DEMO url=… practice=… account=… lastName=… mail=… metrics=…` line when ready. Ctrl-C / SIGTERM stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

BFF_PORT="${BFF_PORT:-8080}"
EMR_PORT="${EMR_PORT:-8081}"
# The BFF's management port (/prometheus): beside the public one unless given.
MANAGEMENT_PORT="${MANAGEMENT_PORT:-$((BFF_PORT + 2))}"
if [[ "$MANAGEMENT_PORT" == "$EMR_PORT" ]]; then MANAGEMENT_PORT=$((BFF_PORT + 3)); fi
RUN_DIR="${DEMO_RUN_DIR:-.demo/$BFF_PORT}"
mkdir -p "$RUN_DIR"
rm -f "$RUN_DIR/mail-url"
# The demo jars (demo/): each service's production code plus its stand-ins; the production jars hold none of them.
EMR_JAR=demo/emr-connector-demo/target/emr-connector-demo-0.1.0-SNAPSHOT.jar
BFF_JAR=demo/bff-demo/target/bff-demo-0.1.0-SNAPSHOT.jar
UI_DIST="${UI_DIST_DIR:-$PWD/ui-angular/dist/ui-angular/browser}"

# Demo identity (seeded by the connector; see emr-connector/API.md "Demo data").
DEMO_PRACTICE=K7MX4Q
DEMO_ACCOUNT=100234
DEMO_LAST_NAME=Garcia

pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Give them 20 s to stop cleanly (the connector stops its embedded PostgreSQL), then make sure they are gone.
  local deadline=$((SECONDS + 20))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() { # url seconds pid
  local url=$1 deadline=$((SECONDS + $2)) pid=$3
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "demo: process for $url exited; see $RUN_DIR/*.log" >&2; return 1; fi
    if (( SECONDS > deadline )); then echo "demo: $url not ready after $2 s; see $RUN_DIR/*.log" >&2; return 1; fi
    sleep 0.3
  done
}

# Class data sharing (AppCDS): the first run of a freshly built jar records the classes it loads into <jar>.jsa when
# it exits; later runs map that archive and start in about half the CPU time. A rebuilt jar records a new archive.
cds_opts() { # jar
  local jsa="${1%.jar}.jsa"
  if [[ "${DEMO_CDS:-true}" != true ]]; then return; fi
  if [[ -f "$jsa" && "$jsa" -nt "$1" ]]; then echo "-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off";
  else rm -f "$jsa"; echo "-XX:ArchiveClassesAtExit=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"; fi
}

export EMR_API_KEY="${EMR_API_KEY:-demo-emr-api-key}"

EMR_PORT="$EMR_PORT" EMR_SEED_DEMO=true EMR_DOCS_PUBLIC=true PAYMENTS_EMBEDDED=true \
  java $(cds_opts "$EMR_JAR") ${JAVA_OPTS:-} -jar "$EMR_JAR" >"$RUN_DIR/emr-connector.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$EMR_PORT/health" 120 "${pids[-1]}"

# Without STRIPE_SECRET_KEY the BFF pays through the demo jar's local Stripe stand-in, which keeps the demo data's
# connected account (Lakeside's direct charges) apart as Stripe does: reconciliation scans it.
if [[ -z "${STRIPE_SECRET_KEY:-}" ]]; then export STRIPE_CONNECTED_ACCOUNTS="${STRIPE_CONNECTED_ACCOUNTS-acct_1DemoLakeside00}"; fi

# No load balancer to drain in the demo: on SIGTERM the BFF stops as soon as its queue consumer is idle.
BFF_PORT="$BFF_PORT" MANAGEMENT_PORT="$MANAGEMENT_PORT" EMR_URL="http://127.0.0.1:$EMR_PORT" PAYMENTS_EMBEDDED=true \
  SHUTDOWN_READINESS_DELAY="${SHUTDOWN_READINESS_DELAY:-0s}" GRAPHQL_DEV_TOOLS="${GRAPHQL_DEV_TOOLS:-true}" SESSION_COOKIE_SECURE="${SESSION_COOKIE_SECURE:-false}" \
  PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://127.0.0.1:$BFF_PORT}" \
  MAIL_URL_FILE="$PWD/$RUN_DIR/mail-url" UI_DIST_DIR="$UI_DIST" \
  java $(cds_opts "$BFF_JAR") ${JAVA_OPTS:-} -jar "$BFF_JAR" >"$RUN_DIR/bff.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$BFF_PORT/health" 120 "${pids[-1]}"

# The BFF writes the inbox address of the SES stand-in it started (when SES_ENDPOINT is not set) to MAIL_URL_FILE.
MAIL_URL=""
if [[ -f "$RUN_DIR/mail-url" ]]; then MAIL_URL=$(head -n1 "$RUN_DIR/mail-url"); fi
# The practice console's demo staff (emr-connector demo.DemoConsole): Bright Smiles' admin, its password and the
# base32 TOTP secret of the authenticator code (public demo values, seeded only into the demo database).
DEMO_STAFF=admin@bright-smiles.example
DEMO_STAFF_PASSWORD=demo-console-2026
DEMO_STAFF_OTP=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
echo "DEMO url=http://127.0.0.1:$BFF_PORT/p/$DEMO_PRACTICE practice=$DEMO_PRACTICE account=$DEMO_ACCOUNT lastName=$DEMO_LAST_NAME${MAIL_URL:+ mail=$MAIL_URL} metrics=http://127.0.0.1:$MANAGEMENT_PORT/prometheus console=http://127.0.0.1:$BFF_PORT/console staff=$DEMO_STAFF password=$DEMO_STAFF_PASSWORD otp=$DEMO_STAFF_OTP"
cat >&2 <<INFO
demo: GraphiQL http://127.0.0.1:$BFF_PORT/graphiql · connector API docs http://127.0.0.1:$EMR_PORT/swagger-ui/index.html
demo: test cards 4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined), 4000 0000 0000 9995 (insufficient funds)
demo: practice-admin token for receiptPreview: java -cp $BFF_JAR com.patientpayments.bff.receipt.MintAdminToken $DEMO_PRACTICE
demo: logs in $RUN_DIR/ · Ctrl-C stops everything
INFO

# Stay up until one of the services exits or we are told to stop.
wait -n "${pids[@]}"
echo "demo: a service exited; stopping the others (logs in $RUN_DIR/)" >&2
exit 1
