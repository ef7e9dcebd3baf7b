#!/bin/sh
# Installs KiCad 9 (kicad-cli, the independent DRC oracle for test/helpers/kicad-cli.ts), gerbv and
# rsvg-convert on Debian 12, with KiCad's demo projects (kicad-demos: real KiCad-made boards and hierarchical
# schematics that test/tools-parity/import-kicad.test.ts imports) and KiCad's symbol and footprint libraries
# (kicad-symbols, kicad-footprints: the independent reading of our checked pinouts and transcribed lands in
# test/eda/library/kicad-cross-check.test.ts and test/eda/footprints/kicad-lands.test.ts). KiCad 9 lives in bookworm-backports, which these machines can reach but do not
# list; we copy the machine's own first debian.sources stanza (so no mirror is hard-coded) and point it at
# bookworm-backports. See shared/spec/facts.md, "KiCad 9 as the file oracle". Idempotent: does nothing when
# kicad-cli, gerbv and rsvg-convert are already on PATH and the demos and libraries are installed.
set -eu

if command -v kicad-cli >/dev/null 2>&1 && command -v gerbv >/dev/null 2>&1 \
  && command -v rsvg-convert >/dev/null 2>&1 && [ -d /usr/share/kicad/demos ] \
  && [ -f /usr/share/kicad/symbols/Device.kicad_sym ] && [ -d /usr/share/kicad/footprints/Package_DFN_QFN.pretty ]; then
  echo "install-kicad: kicad-cli, gerbv, rsvg-convert, the demos and the libraries already present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

BACKPORTS=/etc/apt/sources.list.d/bookworm-backports.sources
if [ ! -f "$BACKPORTS" ]; then
  awk 'NR==1,/^$/' /etc/apt/sources.list.d/debian.sources | grep -v '^#' \
    | sed 's/^Suites:.*/Suites: bookworm-backports/' | $SUDO tee "$BACKPORTS" >/dev/null
fi

$SUDO apt-get update
if ! command -v kicad-cli >/dev/null 2>&1; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -t bookworm-backports kicad
fi
if [ ! -d /usr/share/kicad/demos ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -t bookworm-backports kicad-demos
fi
if [ ! -f /usr/share/kicad/symbols/Device.kicad_sym ] || [ ! -d /usr/share/kicad/footprints/Package_DFN_QFN.pretty ]; then
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -t bookworm-backports kicad-symbols kicad-footprints
fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gerbv librsvg2-bin

kicad-cli version
