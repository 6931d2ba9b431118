#!/bin/sh
# Long commands show progress on a terminal and nowhere else: `site` and `export` run under
# script(1), which gives them a terminal, draw "site: meetings N of M" / "export: ..." lines
# with carriage returns; the same commands with -q, or with standard error in a file, write no
# progress at all (their other messages are unchanged).
# `import` shows its verify stage ("import: verify: citations N of M") the same way.
# Usage: progress_test.sh CLI DB WORK FACTS (FACTS: a fact file that imports into DB)
set -u
cli=$1
db=$2
work=$3
facts=$4
rm -rf "$work"
mkdir -p "$work"
# The site without its search index: no Pagefind to run.
unset EUIOMKB_PAGEFIND
PATH=/usr/bin:/bin
export PATH
status=0
fail() {
  echo "$1"
  status=1
}
# script -q -e -c COMMAND LOG: the command's exit status; everything it wrote, in LOG.
on_terminal() {
  script -q -e -c "$1" "$work/terminal.log" > /dev/null 2>&1 </dev/null
}
on_terminal "'$cli' site --db '$db' --out '$work/site'" ||
  fail "site on a terminal failed"
grep -q "site: meetings [0-9]* of [0-9]*" "$work/terminal.log" || fail "site: no progress on a terminal"
grep -q "site: sources [0-9]* of [0-9]*" "$work/terminal.log" || fail "site: no progress of the sources"
on_terminal "'$cli' -q site --db '$db' --out '$work/site'" ||
  fail "site -q on a terminal failed"
grep -q "site: " "$work/terminal.log" && fail "site -q: progress shown"
"$cli" site --db "$db" --out "$work/site" > "$work/out.log" 2> "$work/err.log" ||
  fail "site without a terminal failed"
grep -q "site: \|$(printf '\r')" "$work/err.log" && fail "site without a terminal: progress written"
grep -q "wrote [0-9]* pages" "$work/err.log" || fail "site without a terminal: no closing line"

on_terminal "'$cli' export --format json --out '$work/all.json' --db '$db'" ||
  fail "export json on a terminal failed"
grep -q "export: MB written to .*all.json" "$work/terminal.log" || fail "export json: no progress"
on_terminal "'$cli' export --format csv --out '$work/csv' --db '$db'" || fail "export csv failed"
grep -q "export: rows of v_meeting [0-9]" "$work/terminal.log" || fail "export csv: no progress"
"$cli" export --format json --out "$work/plain.json" --db "$db" 2> "$work/err.log" ||
  fail "export without a terminal failed"
grep -q "export: " "$work/err.log" && fail "export without a terminal: progress written"
cmp -s "$work/all.json" "$work/plain.json" || fail "export json differs with progress shown"
cp "$db" "$work/import.db"
on_terminal "'$cli' import '$facts' --db '$work/import.db'" || fail "import on a terminal failed"
grep -q "import: verify: citations [0-9]* of [0-9]*" "$work/terminal.log" ||
  fail "import: no progress of its verify stage"
cp "$db" "$work/import.db"
"$cli" import "$facts" --db "$work/import.db" > "$work/out.log" 2> "$work/err.log" ||
  fail "import without a terminal failed"
grep -q "import: \|$(printf '\r')" "$work/err.log" && fail "import without a terminal: progress written"
exit $status
