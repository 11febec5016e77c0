#!/usr/bin/env bash
# Prints each jar's size and how much of it the demo stand-ins take (embedded PostgreSQL builds, embedded Redis
# binaries, ElasticMQ/Pekko, the BFF's stand-in classes): the production jars (the images' inputs) must show 0.0; the
# demo jars (demo/, what `make demo` runs) carry them. Run after `package`.
set -euo pipefail
cd "$(dirname "$0")/.."
jars=(
  "production emr-connector/target/emr-connector-0.1.0-SNAPSHOT.jar"
  "production bff/target/bff-0.1.0-SNAPSHOT.jar"
  "demo       demo/emr-connector-demo/target/emr-connector-demo-0.1.0-SNAPSHOT.jar"
  "demo       demo/bff-demo/target/bff-demo-0.1.0-SNAPSHOT.jar"
)
for entry in "${jars[@]}"; do
  kind=${entry%% *}
  jar=${entry##* }
  [ -f "$jar" ] || continue
  bytes=$(stat -c %s "$jar")
  if ! command -v unzip >/dev/null; then
    awk -v k="$kind" -v j="$jar" -v b="$bytes" 'BEGIN { printf "%-10s jar %-64s %6.1f MiB\n", k, j, b / 1048576 }'
    continue
  fi
  standins=$(unzip -Z -l "$jar" \
    | awk '$NF ~ /^postgres-.*\.txz$|^redis-server-|^org\/elasticmq\/|^org\/apache\/pekko\/|^io\/zonky\/|^redis\/embedded\/|^com\/patientpayments\/(bff|emr)\/demo\/(Embedded|SesStandIn|InboxPages|LocalPorts|StandIn|Stripe|DemoApplication)/ { s += $6 } END { print s + 0 }')
  awk -v k="$kind" -v j="$jar" -v b="$bytes" -v s="$standins" \
    'BEGIN { printf "%-10s jar %-64s %6.1f MiB (demo stand-ins %5.1f MiB compressed)\n", k, j, b / 1048576, s / 1048576 }'
done
