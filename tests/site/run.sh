#!/usr/bin/env bash
# The site tests (README, "Site tests"): builds the demo as of 2026-11-27 into
# output/ and the same content with base_url "/salespulse/" into a temporary
# site, runs site-test.mjs on both (the second served under /salespulse/),
# then on the broken fixture, where every check must fail. Screenshots of the
# demo go to shots/site/ (git-ignored). Needs `npm ci` in tests/site first,
# Java 17+ and Debian's chromium (.ci/run installs them).
set -uo pipefail
site=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$site/../.." && pwd)
as_of=2026-11-27
status=0
start=$SECONDS

cd "$root"
cargo run --release --quiet -- build --as-of "$as_of" --quiet || exit 1

sub=$(mktemp -d)
trap 'rm -rf "$sub"' EXIT
cp -r content "$sub/"
sed -i 's|^base_url:.*|base_url: "/salespulse/"|' "$sub/content/config.yaml"
grep -q '^base_url: "/salespulse/"$' "$sub/content/config.yaml" || { echo "site test: could not set base_url" >&2; exit 1; }
cargo run --release --quiet -- --root "$sub" build --as-of "$as_of" --quiet || exit 1

cd "$site"
sum="$sub/summary"
: > "$sum"
node site-test.mjs "$root/output" --name demo --shots "$root/shots/site" --summary "$sum" || status=1
node site-test.mjs "$sub/output" --name sub-path --prefix /salespulse/ --summary "$sum" || status=1
node site-test.mjs "$site/broken" --name broken --expect-failures --summary "$sum" || status=1

# One closing line: the two real builds added up, then the broken fixture.
echo
awk -v secs=$((SECONDS - start)) -v status=$status '
  $1 == "broken" { broken = ($7 == "ok") ? "every check failed on the broken fixture, as it must" : "SOME CHECK FOUND NOTHING on the broken fixture"; next }
  { pages += $2; html += $3; axe += $4; links += $5; other += $6; builds = builds (builds ? ", " : "") $1 " " $2 }
  END {
    if (broken == "") broken = "the broken fixture did not run"
    printf "site test: %d pages (%s), %d HTML errors, %d axe violations, %d broken links, %d other problems; %s; %d s — %s\n",
      pages, builds, html, axe, links, other, broken, secs, status ? "FAILED" : "passed"
  }' "$sum"
exit $status
