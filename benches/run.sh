#!/usr/bin/env bash
# The benchmark of a big department: generates it (examples/gen_site.rs,
# deterministic), then measures `check` and `build` with hyperfine (medians of
# repeated runs), the stage times (`build --verbose`), peak memory
# (/usr/bin/time), pages, charts and output bytes, and the largest chart.
#
#   benches/run.sh [--managers 50] [--weeks 156] [--runs 10]
#
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
managers=50 weeks=156 runs=10
while [ $# -gt 0 ]; do
  case $1 in
    --managers) managers=$2; shift 2 ;;
    --weeks) weeks=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown flag $1" >&2; exit 2 ;;
  esac
done
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/salespulse
site=$(mktemp -d)/big
cargo build --release --quiet
cargo run --release --quiet --example gen_site -- --managers "$managers" --weeks "$weeks" --out "$site"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

echo "== wall time (hyperfine, $runs runs, medians)"
hyperfine --warmup 2 --runs "$runs" --export-json "$site/../hyperfine.json" --style basic \
  -n check "$bin --root $site check --as-of 2026-11-27" \
  -n build "$bin --root $site build --as-of 2026-11-27 --quiet" >/dev/null
python3 - "$site/../hyperfine.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:>6}: median {r['median']*1000:7.1f} ms  (mean {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms, min {r['min']*1000:.1f}, max {r['max']*1000:.1f})")
PY

echo "== stages of one build (build --verbose)"
"$bin" --root "$site" build --as-of 2026-11-27 --verbose 2>&1 | grep -E "^stages|^built"

echo "== peak memory"
for cmd in check build; do
  /usr/bin/time -f "$cmd: %M KiB max RSS, %e s" "$bin" --root "$site" $cmd --as-of 2026-11-27 >/dev/null 2>"$site/../time.txt" || true
  tail -n 1 "$site/../time.txt"
done

echo "== output"
out=$site/output
printf 'pages: %s, files: %s, bytes: %s\n' "$(find "$out" -name '*.html' | wc -l)" "$(find "$out" -type f | wc -l)" "$(du -sb "$out" | cut -f1)"
python3 - "$out" <<'PY'
import re, sys, pathlib
largest = (0, "")
total = 0
for page in pathlib.Path(sys.argv[1]).rglob("*.html"):
    html = page.read_text(encoding="utf-8")
    for svg in re.findall(r'<svg[^>]*role="img".*?</svg>', html, re.S):
        total += len(svg.encode())
        if len(svg.encode()) > largest[0]:
            largest = (len(svg.encode()), str(page.relative_to(sys.argv[1])))
print(f"chart bytes: {total}, largest chart: {largest[0]} bytes ({largest[1]})")
PY
