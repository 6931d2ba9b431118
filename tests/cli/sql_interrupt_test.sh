#!/bin/bash
# Ctrl-C during `euiomkb sql`: the query stops and the tool says so and exits 130 (neither
# killed by the signal nor crashed). SIGINT is sent once the tool catches it (its SigCgt mask
# in /proc), so the outcome does not depend on timing.
#   $1 the euiomkb tool   $2 a database
set -u
cli=$1
db=$2
err=$(mktemp)
trap 'rm -f "$err"' EXIT
set -m  # a background job of a shell without job control would start with SIGINT ignored
"$cli" sql --time-limit 0 --db "$db" \
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n" \
  2>"$err" &
pid=$!
catches_sigint() {
  local mask
  mask=$(awk '/^SigCgt:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
  [ -n "$mask" ] && (((0x$mask & 2) != 0))
}
for _ in $(seq 1 1200); do
  catches_sigint && break
  sleep 0.05
done
if ! catches_sigint; then
  kill -KILL "$pid" 2>/dev/null
  echo "the tool never caught SIGINT" >&2
  exit 1
fi
kill -INT "$pid"
wait "$pid"
rc=$?
if [ "$rc" -ne 130 ] || ! grep -q '^euiomkb: interrupted$' "$err"; then
  echo "exit code $rc, expected 130 with 'euiomkb: interrupted'; stderr:" >&2
  cat "$err" >&2
  exit 1
fi
