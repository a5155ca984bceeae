#!/usr/bin/env bash
# The import benchmark: a 100,000-row amoCRM export (examples/gen_export.rs,
# deterministic; Windows-1251, `;`, every day of 2026, 20 managers) read into
# a site with Russia's production calendar. Measures with hyperfine (medians):
#   the first import (every period file new), a dry run, and importing the
#   same export again (nothing changes); then peak memory.
#
#   benches/import.sh [--rows 100000] [--runs 10]
#
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=100000 runs=10
while [ $# -gt 0 ]; do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
target=${CARGO_TARGET_DIR:-target}
bin=$PWD/$target/release/salespulse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
cargo run --release --quiet --example gen_export -- --rows "$rows" --out "$work/site"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); export: $(du -h "$work/site/export.csv" | cut -f1)"
cp -r "$work/site" "$work/pristine"
fresh="rm -rf $work/site/content/weeks && cp -r $work/pristine/content/weeks $work/site/content/"
hyperfine --warmup 1 --runs "$runs" --style none --export-json "$work/first.json" \
  --prepare "$fresh" \
  -n "import (all files new)" "$bin --root $work/site import $work/site/export.csv"
"$bin" --root "$work/site" import "$work/site/export.csv" >/dev/null
hyperfine --warmup 1 --runs "$runs" --style none --export-json "$work/again.json" \
  -n "import --dry-run" "$bin --root $work/site import $work/site/export.csv --dry-run" \
  -n "import again (no change)" "$bin --root $work/site import $work/site/export.csv"
python3 - "$work/first.json" "$work/again.json" <<'PY'
import json, sys
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"{r['command']:>26}: median {r['median']*1000:7.1f} ms  (min {r['min']*1000:.1f}, max {r['max']*1000:.1f})")
PY
/usr/bin/time -f "peak memory: %M KiB, %e s" "$bin" --root "$work/site" import "$work/site/export.csv" --dry-run 2>&1 >/dev/null | tail -n 1
"$bin" --root "$work/site" import "$work/site/export.csv" --dry-run | head -n 3
echo "period files: $(ls "$work/site/content/weeks" | wc -l)"
