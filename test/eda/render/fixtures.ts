import { externalTool } from '../../helpers/external-tool.js';
import { Design } from '../../../src/eda/model/design.js';
import { buildBoardGeometry, type BoardGeometry } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';

/** Strings that break XML, SVG, Markdown tables or HTML when not escaped. */
export const HOSTILE = {
  ref: 'R1"><script>alert(1)</script>',
  value: "10k & <b>'bold'</b> | col",
  net: 'NET<&>"\'|\n\u0001\tx]]>',
  name: 'Board ]]> <!-- & "name" | *bold* `code` [link](x)',
  mpn: 'MPN|\r\nrow2',
};

const pins = (...names: string[]) => Object.fromEntries(names.map((n) => [n, { name: n, type: 'passive' }]));

/** Two 0603 resistors and a 2-pin header with hostile strings; routing as given. */
export function hostileDesign(routing: { tracks: unknown[]; vias: unknown[] } = { tracks: [], vias: [] }): { design: Design; geometry: BoardGeometry } {
  const design = Design.parse({
    meta: { name: HOSTILE.name },
    board: { width_mm: 20, height_mm: 12, layers: 2 },
    components: {
      r1: { id: 'r1', ref: HOSTILE.ref, type: 'resistor', value: HOSTILE.value, footprint: 'R_0603', mpn: HOSTILE.mpn, pins: pins('1', '2') },
      r2: { id: 'r2', ref: 'R2', type: 'resistor', value: '1k', footprint: 'R_0603', pins: pins('1', '2') },
      j1: { id: 'j1', ref: 'J1', type: 'connector', value: 'HDR', footprint: 'PinHeader_1x02_P2.54mm', pins: pins('1', '2') },
    },
    nets: {
      n1: { id: 'n1', name: HOSTILE.net, nodes: [{ component: 'r1', pin: '2' }, { component: 'r2', pin: '1' }] },
      vcc: { id: 'vcc', name: 'VCC', nodes: [{ component: 'j1', pin: '1' }, { component: 'r1', pin: '1' }] },
      gnd: { id: 'gnd', name: 'GND', nodes: [{ component: 'j1', pin: '2' }, { component: 'r2', pin: '2' }] },
    },
    placement: {
      r1: { x_mm: 8, y_mm: 4, rotation_deg: 0, side: 'top' },
      r2: { x_mm: 14, y_mm: 4, rotation_deg: 90, side: 'bottom' },
      j1: { x_mm: 3, y_mm: 6, rotation_deg: 0, side: 'top' },
    },
    routing,
  });
  return { design, geometry: buildBoardGeometry(design, resolveFootprint, mapPinsToPads) };
}

const rsvg = externalTool('rsvg-convert', ['--version'], 'see .ci/install-kicad.sh');

export const rsvgAvailable = rsvg.available;

/** Like the kicad-cli helper: skipped without rsvg-convert, a failure in CI. */
export const requireRsvgOrSkip = rsvg.requireOrSkip;
