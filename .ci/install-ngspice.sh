#!/bin/sh
# Installs ngspice (Debian 12 package `ngspice`), the simulator simulation_gate runs and the oracle
# test/tools-parity/spice.test.ts loads exported netlists into. Idempotent: does nothing when present.
set -eu

if command -v ngspice >/dev/null 2>&1; then
  echo "install-ngspice: ngspice already present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ngspice
ngspice --version | head -n 2
