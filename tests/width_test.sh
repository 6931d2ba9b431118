#!/bin/sh
# At 80 columns (COLUMNS=80) no line of the everyday commands' tables is wider than 80.
# Usage: width_test.sh CLI DB
set -u
cli=$1
db=$2
export COLUMNS=80 LC_ALL=C.UTF-8
status=0
for command in "meeting som-11 --cite" "person swing" "org dg-home" "show iom-2025" "funding" \
    "timeline" "themes" "topics" "sources" "search migration" "meetings" "show scf-2012"; do
  # shellcheck disable=SC2086
  widest=$("$cli" $command --db "$db" | wc -L)
  if [ "$widest" -gt 80 ]; then
    echo "$command: a line of $widest columns"
    status=1
  fi
done
exit $status
