#!/bin/sh
# Installs Debian's chromium (/usr/bin/chromium), the browser the review app's end-to-end tests drive
# through playwright-core (test/helpers/browser.ts). playwright's own browser download is not used: the
# machines reach Debian's packages, not a browser CDN. Idempotent: does nothing when chromium is present.
set -eu

if command -v chromium >/dev/null 2>&1; then
  echo "install-chromium: $(chromium --version 2>/dev/null || echo chromium) already present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core
chromium --version
