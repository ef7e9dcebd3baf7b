import { describe, expect, it } from 'vitest';
import { Design } from '../../../src/eda/model/design.js';
import { loadLibrary } from '../../../src/eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { placeComponents } from '../../../src/eda/place/index.js';
import { routeNets } from '../../../src/eda/route/index.js';
import { buildBoardGeometry } from '../../../src/eda/board/index.js';
import { writeKicadPcb, writeKicadPro } from '../../../src/eda/export/kicad/index.js';
import { requireKicadOrSkip, runKicadDrc } from '../../helpers/kicad-cli.js';
import { runParity } from '../export/parity/parity.js';

/**
 * An all-through-hole NE555 astable LED blinker (TI NE555 data sheet SLFS022, "Astable
 * Operation": R_A from VCC to DISCH, R_B from DISCH to THRES/TRIG, C from THRES/TRIG to GND, 10 nF
 * on CONT) built only from library parts and through-hole footprints, placed and routed by our
 * tools, then checked by KiCad 9: its DRC (with the project's rules) and the schematic parity.
 */
const hasKicad = requireKicadOrSkip();
const library = loadLibrary();

function blinker(): Design {
  const ne = library.get('ne555p')!;
  const pins = Object.fromEntries(ne.pins.map((p) => [p.name, { name: p.name, type: p.type, number: p.number }]));
  const two = (id: string, type: string, value: string, footprint: string) => ({ id, ref: id.toUpperCase(), type, value, footprint });
  const n = (id: string, nodes: string[]) => ({ id, name: id.toUpperCase(), nodes: nodes.map((s) => ({ component: s.split('.')[0]!, pin: s.split('.')[1]! })) });
  return Design.parse({
    meta: { name: 'ne555-tht-blinker' },
    board: { width_mm: 50, height_mm: 35, layers: 2 },
    components: {
      u1: { id: 'u1', ref: 'U1', type: 'NE555', part_id: 'ne555p', footprint: 'DIP-8', mpn: 'NE555P', manufacturer: 'Texas Instruments', pins },
      r1: two('r1', 'resistor', '1k', 'R_Axial_DIN0207_L6.3mm_D2.5mm_P10.16mm_Horizontal'),
      r2: two('r2', 'resistor', '47k', 'R_Axial_DIN0207_L6.3mm_D2.5mm_P10.16mm_Horizontal'),
      r3: two('r3', 'resistor', '470', 'R_Axial_DIN0207_L6.3mm_D2.5mm_P10.16mm_Horizontal'),
      c1: { ...two('c1', 'capacitor', '10uF', 'CP_Radial_D5.0mm_P2.00mm'), pins: { '+': { name: '+', type: 'passive' }, '-': { name: '-', type: 'passive' } } },
      c2: two('c2', 'capacitor', '10nF', 'C_Disc_D5.0mm_W2.5mm_P5.00mm'),
      d1: { ...two('d1', 'LED', 'red', 'LED_D5.0mm'), pins: { A: { name: 'A', type: 'passive' }, K: { name: 'K', type: 'passive' } } },
      j1: two('j1', 'terminal', '9V', 'TerminalBlock_1x02_P5.00mm'),
    },
    nets: {
      vcc: n('vcc', ['j1.1', 'u1.VCC', 'u1.RESET', 'r1.1']),
      gnd: n('gnd', ['j1.2', 'u1.GND', 'c1.-', 'c2.2', 'd1.K']),
      dis: n('dis', ['r1.2', 'u1.DISCH', 'r2.1']),
      thr: n('thr', ['r2.2', 'u1.THRES', 'u1.TRIG', 'c1.+']),
      ctl: n('ctl', ['u1.CONT', 'c2.1']),
      out: n('out', ['u1.OUT', 'r3.1']),
      led: n('led', ['r3.2', 'd1.A']),
    },
  });
}

describe('all-through-hole NE555 board', () => {
  const d0 = blinker();
  const placed = { ...d0, placement: placeComponents(d0, resolveFootprint, { seed: 1, mapPins: mapPinsToPads }).placement };
  const routed = routeNets(placed, resolveFootprint, { seed: 1, mapPins: mapPinsToPads });
  const design: Design = { ...placed, routing: { tracks: routed.tracks, vias: routed.vias } };
  const geometry = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);

  it('every part resolves to a through-hole footprint and every pin lands on a pad', () => {
    expect(geometry.missingFootprints).toEqual([]);
    expect(geometry.unmappedPins).toEqual([]);
    expect(geometry.pads.every((p) => p.kind === 'thru_hole')).toBe(true);
    expect(Object.keys(design.placement).sort()).toEqual(Object.keys(design.components).sort());
  });

  it.runIf(hasKicad)('KiCad DRC with the project rules: 0 errors, 0 unconnected; schematic parity 0', async () => {
    expect(routed.completion.routed).toBe(routed.completion.total);
    const k = await runKicadDrc(writeKicadPcb(design, geometry, { lookupPart: library.lookup }), writeKicadPro(design));
    expect(k.violations.map((v) => `${v.type}: ${v.description}`)).toEqual([]);
    expect(k.unconnected).toEqual([]);
    const parity = await runParity('ne555', design, { erc: false });
    expect(parity.parity).toEqual([]);
  }, 180_000);
});
