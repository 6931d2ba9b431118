#!/usr/bin/env bash
# The browser tests' fixture: builds the seed site into the build tree with its search index.
# Usage: build_site.sh CLI DB OUT PAGEFIND FACTS LOCAL-DB LOCAL-OUT. Then the text-fragment test's
# site: the seed plus FACTS (tests/cli/site/facts: a source with a URL on 127.0.0.1) into LOCAL-OUT,
# with its change page against the seed (changes.html). Without Pagefind (node_modules missing: npm ci) the
# site is built without the index and the browser tests skip (they need the same node_modules);
# under CI=true a missing Pagefind is a failure.
set -euo pipefail
cli=$1 db=$2 out=$3 pagefind=$4 facts=$5 local_db=$6 local_out=$7
"$cli" build --db "$local_db" --force --facts "$facts"
"$cli" site --db "$local_db" --out "$local_out" --changes-since "$db"
if [[ -x "$pagefind" ]]; then
  exec "$cli" site --db "$db" --out "$out" --pagefind "$pagefind"
fi
if [[ "${CI:-}" == "true" ]]; then
  echo "FAILED: no $pagefind (CI=true: scripts/test runs npm ci)" >&2
  exit 1
fi
echo "note: no $pagefind (npm ci installs it): site built without its search index"
exec "$cli" site --db "$db" --out "$out"
