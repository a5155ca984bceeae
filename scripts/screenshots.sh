#!/usr/bin/env bash
# Screenshots of the built demo site, to look at before a commit: the
# dashboard, a month (its verdict and the head's checklist of actions), a
# week, a manager and the control points at 1280 and 390 px wide, light and
# dark, plus the dashboard printed to PDF. Writes to shots/ (git-ignored).
#
#   scripts/screenshots.sh            # builds the demo as of 2026-11-27 first
#   SKIP_BUILD=1 scripts/screenshots.sh
#
# Needs Debian's chromium. Each run uses a throwaway profile, no network.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
as_of=${AS_OF:-2026-11-27}
month=${MONTH:-2026-11}
week=${WEEK:-2026-W48}
manager=${MANAGER:-petr-sidorov}
out=$root/shots
browser=${CHROMIUM:-chromium}

if [ -z "${SKIP_BUILD:-}" ]; then
  cargo run --release --quiet -- build --as-of "$as_of" --quiet
fi
mkdir -p "$out"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

shoot() { # name url width scheme(light|dark) [extra flags…]
  local name=$1 url=$2 width=$3 scheme=$4
  shift 4
  local flags=()
  if [ "$scheme" = dark ]; then
    flags+=(--force-dark-mode --blink-settings=preferredColorScheme=0)
  else
    flags+=(--blink-settings=preferredColorScheme=1)
  fi
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "${flags[@]}" "$@" \
    --window-size="$width,3000" --screenshot="$out/$name-$width-$scheme.png" \
    "file://$root/output/$url" 2>/dev/null
}

pages=(
  "dashboard:index.html"
  "month:months/$month/index.html"
  "week:weeks/$week/index.html"
  "manager:team/$manager/index.html"
  "checklist:checklist/index.html"
)
for entry in "${pages[@]}"; do
  name=${entry%%:*}
  url=${entry#*:}
  for width in 1280 390; do
    for scheme in light dark; do
      shoot "$name" "$url" "$width" "$scheme"
    done
  done
done

"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --no-pdf-header-footer \
  --print-to-pdf="$out/dashboard.pdf" "file://$root/output/index.html" 2>/dev/null

ls -1 "$out"
