#!/usr/bin/env bash
# Validates the demo content against the JSON Schemas that `salespulse schema`
# generates, with an independent validator (check-jsonschema). Markdown files
# are checked by their front matter.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --quiet --release -- schema --out "$work/schemas" >/dev/null

check() { # schema, files...
  local schema=$1; shift
  [ $# -eq 0 ] && return 0
  check-jsonschema --schemafile "$work/schemas/$schema" "$@"
}
front_matter() { # extracts the YAML between the first two --- lines into $work/fm/
  mkdir -p "$work/fm"
  local out=()
  for f in "$@"; do
    local target="$work/fm/$(echo "$f" | tr '/' '_').yaml"
    awk 'NR==1 && /^---$/ {inside=1; next} inside && /^---$/ {exit} inside {print}' "$f" > "$target"
    out+=("$target")
  done
  printf '%s\n' "${out[@]}"
}

check config.json content/config.yaml
check team.json content/team.yaml
[ -f content/checklist.yaml ] && check checklist.json content/checklist.yaml
check targets.json content/targets/*.yaml
check week.json content/weeks/*.yaml
check assessment.json content/assessments/*.yaml
for kind in standups:standup idp:idp months:month pages:page one-on-ones:one-on-one; do
  dir=${kind%%:*}; schema=${kind##*:}.json
  mapfile -t files < <(front_matter content/"$dir"/*.md)
  check "$schema" "${files[@]}"
done
echo "demo content validates against the generated schemas"

# Every kind `salespulse new` writes, on a copy of the demo, against the same schemas.
site="$work/site"
mkdir -p "$site" && cp -r content "$site/"
rm "$site/content/months/2026-11.md"
sp() { cargo run --quiet --release -- --root "$site" "$@" --as-of 2026-11-27; }
sp new week 2026-W49 >/dev/null
sp new standup 2026-11-30 >/dev/null
sp new idp olga-morozova >/dev/null
sp new targets 2027-01 >/dev/null
sp new assessment >/dev/null
sp new month >/dev/null
sp new one-on-one petr-sidorov >/dev/null
check week.json "$site"/content/weeks/2026-W49-*.yaml
check targets.json "$site/content/targets/2027-01.yaml"
check assessment.json "$site/content/assessments/2026-11-27.yaml"
for pair in standups/2026-11-30:standup idp/olga-morozova-2026-11:idp months/2026-11:month one-on-ones/2026-11-27-petr-sidorov:one-on-one; do
  file=${pair%%:*}; schema=${pair##*:}.json
  mapfile -t fm < <(front_matter "$site/content/$file.md")
  check "$schema" "${fm[@]}"
done
echo "every scaffold of salespulse new validates against the generated schemas"
