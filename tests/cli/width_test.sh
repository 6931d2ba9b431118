#!/bin/sh
# At 80 columns (COLUMNS=80) no line of the everyday commands' tables is wider than 80, nor of
# the journalist's questions, whose lines end in no space; help is 80 wide without a terminal.
# Usage: width_test.sh CLI DB
set -u
cli=$1
db=$2
export COLUMNS=80 LC_ALL=C.UTF-8
status=0
for command in "meeting som-11 --cite" "person swing" "org dg-home" "show iom-2025" "funding" \
    "timeline" "themes" "topics" "sources" "search migration" "meetings" "show scf-2012" \
    "cite 200" "funding --cite"; do
  # shellcheck disable=SC2086
  widest=$("$cli" $command --db "$db" | wc -L)
  if [ "$widest" -gt 80 ]; then
    echo "$command: a line of $widest columns"
    status=1
  fi
done
# The journalist's questions (issue 16), with names of several words: one command a line.
while IFS= read -r question; do
  eval "set -- $question"
  out=$("$cli" "$@" --db "$db") || { echo "$question: failed"; status=1; continue; }
  widest=$(printf '%s\n' "$out" | wc -L)
  if [ "$widest" -gt 80 ]; then
    echo "$question: a line of $widest columns"
    status=1
  fi
  if printf '%s\n' "$out" | grep -q ' $'; then
    echo "$question: a line ends in a space"
    status=1
  fi
done <<'EOF'
meeting "SOM 11" --part attendees
framework --on 2025-04-04
org "DG DEVCO" --on 2025-04-04
funding --year 2024 --cite
person "Laura Thompson" --cite
themes --min-meetings 2
series hou
EOF
# Help fits 80 columns in a file or a pipe (COLUMNS unset), the tool's and every command's.
commands=$(env -u COLUMNS "$cli" --help | sed -n '/^Subcommands:/,/^$/p' | awk '/^  [a-z]/ {print $1}')
[ -n "$commands" ] || { echo "--help lists no commands"; status=1; }
for command in "" $commands; do
  # shellcheck disable=SC2086
  widest=$(env -u COLUMNS "$cli" $command --help | wc -L)
  if [ "$widest" -gt 80 ]; then
    echo "$command --help: a line of $widest columns"
    status=1
  fi
done
exit $status
