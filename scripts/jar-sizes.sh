#!/usr/bin/env bash
# Prints each service jar's size, and how much of it the demo stand-ins take (embedded PostgreSQL builds, embedded
# Redis binaries, ElasticMQ/Pekko): the figure the demo-module split is to bring to zero. Run after `package`.
set -euo pipefail
cd "$(dirname "$0")/.."
for jar in emr-connector/target/emr-connector-0.1.0-SNAPSHOT.jar bff/target/bff-0.1.0-SNAPSHOT.jar; do
  [ -f "$jar" ] || continue
  bytes=$(stat -c %s "$jar")
  if ! command -v unzip >/dev/null; then
    awk -v j="$jar" -v b="$bytes" 'BEGIN { printf "jar %-52s %6.1f MiB\n", j, b / 1048576 }'
    continue
  fi
  standins=$(unzip -Z -l "$jar" \
    | awk '$NF ~ /^postgres-.*\.txz$|^redis-server-|^org\/elasticmq\/|^org\/apache\/pekko\/|^io\/zonky\/|^redis\/embedded\// { s += $6 } END { print s + 0 }')
  awk -v j="$jar" -v b="$bytes" -v s="$standins" \
    'BEGIN { printf "jar %-52s %6.1f MiB (demo stand-ins %5.1f MiB compressed)\n", j, b / 1048576, s / 1048576 }'
done
