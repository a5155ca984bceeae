#!/usr/bin/env bash
# The benchmark of a big department: generates it (examples/gen_site.rs,
# deterministic), then measures with hyperfine (medians of repeated runs):
#   check; build over the previous output (what a sales head and CI's cache
#   see); build from nothing (no output/, no spare); the small demo build;
# the stage times (`build --verbose`), peak memory (/usr/bin/time), a
# `serve` rebuild after editing one stand-up, pages, charts and bytes.
# Then input at and past the limits (issue #15): every manager's name at
# the 150-character cap, a 30,000-character name, 4,000 rule pages, 10,001
# content files.
#
#   benches/run.sh [--managers 50] [--weeks 156] [--runs 10] [--only limits]
#
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
managers=50 weeks=156 runs=10 only=all
while [ $# -gt 0 ]; do
  case $1 in
    --managers) managers=$2; shift 2 ;;
    --weeks) weeks=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
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
medians() {
python3 - "$@" <<'PY'
import json, sys
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"{r['command']:>26}: median {r['median']*1000:7.1f} ms  (mean {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms, min {r['min']*1000:.1f}, max {r['max']*1000:.1f})")
PY
}

limits() {
  echo "== input at and past the limits"
  # The big department with every name at the cap; one name of 30,000
  # characters; the demo with 4,000 rule pages; the demo with 10,001
  # content files.
  python3 - "$site" "$demo" "$work" <<'PY'
import pathlib, re, shutil, sys
site, demo, work = map(pathlib.Path, sys.argv[1:])
def copy(src, name):
    dst = work / name
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src / "content", dst / "content")
    return dst
def names(root, make):
    team = root / "content/team.yaml"
    text = team.read_text(encoding="utf-8")
    team.write_text(re.sub(r'name: "([^"]*)"', lambda m: 'name: "' + make(m.group(1)) + '"', text), encoding="utf-8")
filler = " Константинопольская-Преображенская"
names(copy(site, "long-names"), lambda n: (n + filler * 10)[:150])
names(copy(demo, "huge-name"), lambda n: n + "Ж" * 30000)
rules = copy(demo, "rule-pages")
paragraph = "Правило для всех менеджеров отдела: отвечать клиенту в течение часа, фиксировать каждый звонок в CRM и сообщать РОПу о каждой сделке больше 100 000 ₽. " * 3
for n in range(1, 4001):
    (rules / f"content/pages/rule-{n:04}.md").write_text(
        f'---\ntitle: "Правило № {n}: порядок работы с заявками"\norder: {n + 10}\n---\n{paragraph}\n\n{paragraph}\n',
        encoding="utf-8")
many = copy(demo, "many-files")
for n in range(1, 10002):
    (many / f"content/pages/p{n:05}.md").write_text('---\ntitle: "Правило"\n---\nТекст.\n', encoding="utf-8")
PY
  "$bin" --root "$work/long-names" build $as_of --quiet && "$bin" --root "$work/long-names" build $as_of --quiet
  "$bin" --root "$work/rule-pages" build $as_of --quiet && "$bin" --root "$work/rule-pages" build $as_of --quiet
  sync; sleep 3
  hyperfine --warmup 2 --runs "$runs" --export-json "$work/h3.json" --style none -i \
    -n "build, real names" "$bin --root $site build $as_of --quiet" \
    -n "build, names of 150 chars" "$bin --root $work/long-names build $as_of --quiet" \
    -n "build, 4,000 rule pages" "$bin --root $work/rule-pages build $as_of --quiet" \
    -n "check, a 30,000-char name" "$bin --root $work/huge-name check $as_of" \
    -n "build, a 30,000-char name" "$bin --root $work/huge-name build $as_of --quiet" \
    -n "check, 10,001 files" "$bin --root $work/many-files check $as_of"
  medians "$work/h3.json"
  "$bin" --root "$work/huge-name" check $as_of 2>&1 | grep -m1 "^error" || true
  "$bin" --root "$work/many-files" check $as_of 2>&1 | grep -m1 "^error" || true
  out=$work/rule-pages/output
  printf 'rule pages: %s pages, %s bytes in all; largest page %s bytes\n' \
    "$(find "$out" -name '*.html' | wc -l)" "$(du -sb --apparent-size "$out" | cut -f1)" \
    "$(find "$out" -name '*.html' -printf '%s\n' | sort -n | tail -1)"
  /usr/bin/time -f "peak memory, build with 4,000 rule pages: %M KiB" "$bin" --root "$work/rule-pages" build $as_of --quiet
}

if [ "$only" = limits ]; then
  "$bin" --root "$site" build $as_of --quiet && "$bin" --root "$site" build $as_of --quiet
  limits
  exit 0
fi

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
# `serve` says "rebuilt …" in English and "пересобрано …" in Russian (the big department).
for _ in $(seq 100); do grep -Eq "^(rebuilt|пересобрано) " "$work/serve.err" 2>/dev/null && break; sleep 0.2; done
for i in $(seq "$runs"); do
  sed -i "s/^duration_min: .*/duration_min: $((10 + i))/" "$standup"
  for _ in $(seq 100); do [ "$(grep -Ec '^(rebuilt|пересобрано) ' "$work/serve.err")" -gt "$i" ] && break; sleep 0.1; done
  sleep 0.3
done
kill "$server"; wait "$server" 2>/dev/null || true
python3 - "$work/serve.err" <<'PY'
import re, statistics, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.startswith(("rebuilt ", "пересобрано "))]
first, edits = lines[0], lines[1:]
took = lambda line: int(re.search(r" (?:in|за) (\d+) (?:ms|мс)", line).group(1))
ms = [took(l) for l in edits]
made = [int(re.search(r"\((?:заново: )?(\d+) (?:files made anew|файл)", l).group(1)) for l in edits]
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

limits
