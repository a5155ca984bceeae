#!/usr/bin/env bash
# The benchmark of a big department: generates it (examples/gen_site.rs,
# deterministic), then measures with hyperfine (medians of repeated runs):
#   check; build over the previous output (what a sales head and CI's cache
#   see); build from nothing (no output/, no spare); the small demo build;
# the stage times (`build --verbose`), peak memory (/usr/bin/time), a
# `serve` rebuild after editing one stand-up, pages, charts and bytes.
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
bin=$PWD/$target/release/salespulse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site=$work/big
cargo build --release --quiet
cargo run --release --quiet --example gen_site -- --managers "$managers" --weeks "$weeks" --out "$site"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(df -T "$work" | awk 'NR==2 {print $2}') under $work"
demo=$work/demo
mkdir -p "$demo" && cp -r content "$demo/"

as_of="--as-of 2026-11-27"
# Two builds make output/ and the spare; then let the kernel write back the
# generated content and those two sites, so the timings below measure
# salespulse, not the page cache flushing the setup's 160 MB.
"$bin" --root "$site" build $as_of --quiet && "$bin" --root "$site" build $as_of --quiet
"$bin" --root "$demo" build $as_of --quiet && "$bin" --root "$demo" build $as_of --quiet
sync; sleep 3

echo "== wall time (hyperfine, $runs runs, medians)"
# The build from nothing is measured apart, at the end: a --prepare given
# once applies to every command of a hyperfine run.
hyperfine --warmup 2 --runs "$runs" --export-json "$work/h1.json" --style none \
  -n check "$bin --root $site check $as_of" \
  -n build "$bin --root $site build $as_of --quiet" \
  -n "demo build" "$bin --root $demo build $as_of --quiet"
medians() {
python3 - "$@" <<'PY'
import json, sys
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"{r['command']:>26}: median {r['median']*1000:7.1f} ms  (mean {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms, min {r['min']*1000:.1f}, max {r['max']*1000:.1f})")
PY
}
medians "$work/h1.json"

echo "== stages of one build (build --verbose)"
"$bin" --root "$site" build $as_of --verbose 2>&1 | grep -E "^stages|^built"

echo "== peak memory"
for cmd in check build; do
  /usr/bin/time -f "$cmd: %M KiB max RSS, %e s" "$bin" --root "$site" $cmd $as_of >/dev/null 2>"$work/time.txt" || true
  tail -n 1 "$work/time.txt"
done

echo "== serve: rebuild after editing one stand-up"
standup=$(ls "$site"/content/standups/*.md | sed -n 400p)
"$bin" --root "$site" serve --port 0 $as_of >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q "^rebuilt" "$work/serve.err" 2>/dev/null && break; sleep 0.2; done
for i in $(seq "$runs"); do
  sed -i "s/^duration_min: .*/duration_min: $((10 + i))/" "$standup"
  for _ in $(seq 100); do [ "$(grep -c '^rebuilt' "$work/serve.err")" -gt "$i" ] && break; sleep 0.1; done
  sleep 0.3
done
kill "$server"; wait "$server" 2>/dev/null || true
python3 - "$work/serve.err" <<'PY'
import re, statistics, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.startswith("rebuilt")]
first, edits = lines[0], lines[1:]
ms = [int(re.search(r" in (\d+) ms", l).group(1)) for l in edits]
made = [int(re.search(r"\((\d+) files made anew", l).group(1)) for l in edits]
took = lambda line: int(re.search(r" in (\d+) ms", line).group(1))
print(f"first build {took(first)} ms; after an edit: median {statistics.median(ms):.0f} ms over {len(ms)} edits (min {min(ms)}, max {max(ms)}), {statistics.median(made):.0f} files made anew")
PY

echo "== a build with no previous output (no output/, no .output.spare/), e.g. CI on a fresh clone"
hyperfine --warmup 1 --runs "$runs" --export-json "$work/h2.json" --style none \
  -n "build, no previous output" --prepare "rm -rf $site/output $site/.output.spare" \
  "$bin --root $site build $as_of --quiet"
medians "$work/h2.json"

echo "== output"
out=$site/output
printf 'pages: %s, files: %s, bytes: %s\n' "$(find "$out" -name '*.html' | wc -l)" "$(find "$out" -type f | wc -l)" "$(du -sb --apparent-size "$out" | cut -f1)"
python3 - "$out" <<'PY'
import re, sys, pathlib
largest, charts, total, pages = (0, ""), 0, 0, 0
for page in pathlib.Path(sys.argv[1]).rglob("*.html"):
    html = page.read_bytes()
    pages += len(html)
    for svg in re.findall(rb'<svg[^>]*role="img".*?</svg>', html, re.S):
        charts += 1
        total += len(svg)
        if len(svg) > largest[0]:
            largest = (len(svg), str(page.relative_to(sys.argv[1])))
plain = pages - total
print(f"charts: {charts} drawings, {total} bytes; largest {largest[0]} bytes ({largest[1]})")
print(f"pages: {pages} bytes = {pages / plain:.2f} x the same pages without charts ({plain} bytes)")
PY
