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
