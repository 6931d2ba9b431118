#!/usr/bin/env bash
# The browser tests' fixture: builds the seed site into the build tree with its search index.
# Usage: build_site.sh CLI DB OUT PAGEFIND. Without Pagefind (node_modules missing: npm ci) the
# site is built without the index and the browser tests skip (they need the same node_modules);
# under CI=true a missing Pagefind is a failure.
set -euo pipefail
cli=$1 db=$2 out=$3 pagefind=$4
if [[ -x "$pagefind" ]]; then
  exec "$cli" site --db "$db" --out "$out" --pagefind "$pagefind"
fi
if [[ "${CI:-}" == "true" ]]; then
  echo "FAILED: no $pagefind (CI=true: scripts/test runs npm ci)" >&2
  exit 1
fi
echo "note: no $pagefind (npm ci installs it): site built without its search index"
exec "$cli" site --db "$db" --out "$out"
