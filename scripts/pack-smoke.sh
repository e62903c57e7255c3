#!/usr/bin/env bash
# Packs perfgate as npm would publish it and installs it the ways the README says, each in an
# empty folder: the packed tarball (`npm install -D ./perfgate-X.Y.Z.tgz`, the release asset, and
# what the npm registry serves once published), where it then follows the README's quick start to
# the letter; a git install of this commit (what `npm install -D github:perfgate/perfgate#v0`
# does, from a local clone: the committed dist/, nothing built); and `npm install -g`. Needs a
# built dist/ (npm run bundle); the git install takes HEAD's committed dist/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
quiet=(--silent --no-audit --no-fund)

tarball=$(cd "$ROOT" && npm pack --silent --pack-destination "$WORK" | tail -1)
echo "packed $tarball ($(du -k "$WORK/$tarball" | cut -f1) kB)"
tar -tzf "$WORK/$tarball" | sort >"$WORK/contents"
for needed in package/dist/cli.js package/dist/js-worker.js package/schema/perfgate.schema.json; do
  grep -qx "$needed" "$WORK/contents" || { echo "missing from the tarball: $needed" >&2; exit 1; }
done
if grep -q '^package/src/\|^package/__tests__/\|^package/node_modules/' "$WORK/contents"; then
  echo "the tarball carries sources or tests:" >&2; grep '^package/\(src\|__tests__\)/' "$WORK/contents" >&2; exit 1
fi
# An empty project, as `npm init -y` makes it.
project() { mkdir -p "$1" && (cd "$1" && npm init -y >/dev/null); }
# A tiny import bench (github-action-benchmark's custom JSON) run with "$@" in folder $1.
check_run() {
  local dir=$1
  shift
  printf '%s\n' '[{"name": "parse", "unit": "ms", "value": 1.5}]' >"$dir/out.json"
  printf '%s\n' 'benches:' '  - name: tiny' '    kind: import' '    format: custom' '    path: out.json' >"$dir/perfgate.yml"
  (cd "$dir" && "$@" run --out results.json >/dev/null)
  node -e 'const r = require(process.argv[1]); const b = r.benches.find((b) => b.name === "tiny/parse"); if (!b || b.metrics[0].samples[0] !== 1.5) { console.error("unexpected results", JSON.stringify(r.benches)); process.exit(1) }' "$dir/results.json"
}

# 1. The tarball, then the README's quick start with `npx perfgate` (--no-install: never the registry).
project "$WORK/tarball"
(cd "$WORK/tarball" && npm install -D "${quiet[@]}" "$WORK/$tarball")
(cd "$WORK/tarball" && npx --no-install perfgate --help | grep -q 'perfgate compare')
"$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/readme-quick-start.ts" "$WORK/tarball" npx --no-install perfgate
echo "ok: npm install -D ./$tarball, then the README's quick start"

# 2. A git install of HEAD: npm clones, keeps package.json's `files` and runs no build.
if git -C "$ROOT" rev-parse --verify -q HEAD >/dev/null; then
  project "$WORK/git"
  (cd "$WORK/git" && npm install -D "${quiet[@]}" "git+file://$ROOT#$(git -C "$ROOT" rev-parse HEAD)")
  (cd "$WORK/git" && npx --no-install perfgate --version)
  check_run "$WORK/git" npx --no-install perfgate
  echo "ok: npm install -D git+file://…#HEAD (as github:perfgate/perfgate#v0)"
else
  echo "skipped the git install: $ROOT is not a git checkout"
fi

# 3. npm install -g, into a scratch prefix (not the machine's global folder).
npm install -g "${quiet[@]}" --prefix "$WORK/global" "$WORK/$tarball"
"$WORK/global/bin/perfgate" --help | grep -q 'perfgate run'
mkdir -p "$WORK/global-project"
check_run "$WORK/global-project" "$WORK/global/bin/perfgate"
echo "ok: npm install -g"
