#!/usr/bin/env bash
# Releases the checked-out commit as vX.Y.Z: refuses unless package.json says X.Y.Z, the tag is
# new, the tree is clean, the commit is on the remote and the committed dist/ and schema/ are
# what `npm run bundle` and `npm run schema` build from it. Then it pushes the annotated tag
# vX.Y.Z and moves the major tag vX to it, so `uses: perfgate/perfgate@vX` follows the newest
# X.y.z while `@vX.Y.Z` stays put. A release older than the newest vX.* (a backport) is tagged
# but leaves vX where it is.
#
#   scripts/release.sh [--dry-run] X.Y.Z      (remote: $RELEASE_REMOTE, default origin)
#
# Run from anywhere inside the repository to release; the release workflow calls it.
set -euo pipefail

dry_run=false
if [ "${1:-}" = "--dry-run" ]; then
  dry_run=true
  shift
fi
version=${1:-}
remote=${RELEASE_REMOTE:-origin}

fail() {
  echo "release: $*" >&2
  exit 1
}

[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
  fail "the version must be X.Y.Z (like 1.2.3), got \"$version\""
major="v${BASH_REMATCH[1]}"
tag="v$version"

cd "$(git rev-parse --show-toplevel)"

in_package=$(node -p 'require("./package.json").version')
[ "$in_package" = "$version" ] ||
  fail "package.json version is $in_package, not $version: bump it, commit, then release"

if [ -n "$(git status --porcelain)" ]; then
  git status --porcelain >&2
  fail "the work tree has changes: release a committed state (commit or stash them)"
fi

# Tags and branches as the remote has them now (a tag made since checkout counts too).
git fetch --quiet --force --tags "$remote"
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null ||
  git ls-remote --exit-code --tags "$remote" "refs/tags/$tag" >/dev/null; then
  fail "$tag exists already: bump the version in package.json for a new release"
fi
head=$(git rev-parse HEAD)
[ -n "$(git branch -r --contains "$head" --list "$remote/*")" ] ||
  fail "commit ${head:0:12} is on no branch of $remote: push it first, so the tag points at published history"

echo "release: rebuilding dist/ and schema/ from ${head:0:12}"
npm run -s bundle
npm run -s schema
if [ -n "$(git status --porcelain -- dist schema)" ]; then
  git status --porcelain -- dist schema >&2
  # Put the committed files back, so the refusal leaves the tree as it found it.
  for dir in dist schema; do git checkout --quiet HEAD -- "$dir" 2>/dev/null || true; done
  git clean --quiet -fd -- dist schema
  fail "the committed dist/ or schema/ is stale (listed above): run npm run bundle && npm run schema, commit, release again"
fi

# The newest release of this major line decides whether vX moves (sort -V orders 1.10 after 1.9).
newest=$( (git tag --list "$major.*.*"; echo "$tag") | grep -E "^$major\.[0-9]+\.[0-9]+$" | sort -V | tail -1)
move_major=true
[ "$newest" = "$tag" ] || move_major=false

if $dry_run; then
  echo "release: checks passed; would push $tag$($move_major && echo " and move $major") to $remote (dry run: nothing tagged)"
  exit 0
fi

# The workflow's runner has no git identity; a maintainer's own is kept.
if [ -z "$(git config user.email || true)" ]; then
  export GIT_COMMITTER_NAME="github-actions[bot]"
  export GIT_COMMITTER_EMAIL="41898282+github-actions[bot]@users.noreply.github.com"
fi

git tag -a "$tag" -m "perfgate $tag"
refs=("refs/tags/$tag")
previous_major=$(git rev-parse -q --verify "refs/tags/$major" || true)
if $move_major; then
  git tag -fa "$major" -m "perfgate $major (latest: $tag)" >/dev/null
  refs+=("+refs/tags/$major")
fi
# Both tags or neither: a failed push leaves no half release behind.
if ! git push --quiet --atomic "$remote" "${refs[@]}"; then
  git tag -d "$tag" >/dev/null
  if $move_major; then
    if [ -n "$previous_major" ]; then git update-ref "refs/tags/$major" "$previous_major"; else git tag -d "$major" >/dev/null; fi
  fi
  fail "pushing the tags to $remote failed; nothing was released"
fi
if $move_major; then
  echo "release: pushed $tag and moved $major to ${head:0:12}"
else
  echo "release: pushed $tag; $major stays with the newer $newest (a backport does not move it)"
fi
