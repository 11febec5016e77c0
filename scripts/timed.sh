#!/usr/bin/env bash
# Runs one named stage of `make test`/`make lint` and prints how long it took, also when it fails (CI has a hard time
# limit; .ci/run prints the total). Usage: scripts/timed.sh NAME COMMAND [ARG…]
set -uo pipefail
name=$1
shift
start=$SECONDS
"$@"
status=$?
if ((status == 0)); then
  echo "make: stage '$name' took $((SECONDS - start)) s"
else
  echo "make: stage '$name' FAILED (exit $status) after $((SECONDS - start)) s"
fi
exit "$status"
