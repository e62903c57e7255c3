#!/usr/bin/env bash
# Publishes the checked-out package to the npm registry with provenance, when NODE_AUTH_TOKEN
# (the release workflow's NPM_TOKEN secret) is set; without one it says so, as a notice on the
# workflow run, and succeeds: the git tag and the GitHub release asset already install perfgate.
#
#   NODE_AUTH_TOKEN=... scripts/publish-npm.sh [--dry-run]
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

if [ -z "${NODE_AUTH_TOKEN:-}" ]; then
  echo "::notice title=npm publish skipped::no NPM_TOKEN secret: perfgate $(node -p 'require("./package.json").version') is tagged and attached to the GitHub release, not published to npm. Add the secret (an npm automation token) and publish with 'npm publish' from the tag."
  exit 0
fi
npm publish --provenance --access public "$@"
