#!/usr/bin/env bash
# Packs perfgate as npm would publish it and runs the packed CLI the two ways a user would:
# `npm install -g ./perfgate-X.tgz` (into a scratch prefix) and `npx perfgate` in an empty
# folder. Each runs --help and a tiny import run. Needs a built dist/ (npm run bundle).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

tarball=$(cd "$ROOT" && npm pack --silent --pack-destination "$WORK" | tail -1)
echo "packed $tarball ($(du -k "$WORK/$tarball" | cut -f1) kB)"
tar -tzf "$WORK/$tarball" | sort >"$WORK/contents"
for needed in package/dist/cli.js package/dist/js-worker.js package/schema/perfgate.schema.json; do
  grep -qx "$needed" "$WORK/contents" || { echo "missing from the tarball: $needed" >&2; exit 1; }
done
if grep -q '^package/src/\|^package/__tests__/\|^package/node_modules/' "$WORK/contents"; then
  echo "the tarball carries sources or tests:" >&2; grep '^package/\(src\|__tests__\)/' "$WORK/contents" >&2; exit 1
fi

# A tiny project: one import bench on github-action-benchmark's custom JSON, nothing to build.
tiny() {
  mkdir -p "$1"
  printf '%s\n' '[{"name": "parse", "unit": "ms", "value": 1.5}]' >"$1/out.json"
  printf '%s\n' 'benches:' '  - name: tiny' '    kind: import' '    format: custom' '    path: out.json' >"$1/perfgate.yml"
}
check_run() {
  local dir=$1
  shift
  (cd "$dir" && "$@" run --out results.json >/dev/null)
  node -e 'const r = require(process.argv[1]); const b = r.benches.find((b) => b.name === "tiny/parse"); if (!b || b.metrics[0].samples[0] !== 1.5) { console.error("unexpected results", JSON.stringify(r.benches)); process.exit(1) }' "$dir/results.json"
}

# 1. npm install -g, into a scratch prefix (not the machine's global folder).
npm install --silent --no-audit --no-fund -g --prefix "$WORK/global" "$WORK/$tarball"
"$WORK/global/bin/perfgate" --help | grep -q 'perfgate run'
"$WORK/global/bin/perfgate" --version
tiny "$WORK/global-project"
check_run "$WORK/global-project" "$WORK/global/bin/perfgate"
echo "ok: npm install -g"

# 2. npx perfgate in an empty folder that installs the tarball.
mkdir -p "$WORK/empty"
(cd "$WORK/empty" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "$WORK/$tarball")
(cd "$WORK/empty" && npx --no-install perfgate --help | grep -q 'perfgate compare')
tiny "$WORK/empty"
check_run "$WORK/empty" npx --no-install perfgate
echo "ok: npx perfgate"
