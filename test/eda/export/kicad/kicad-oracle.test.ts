import { describe, expect, it } from 'vitest';
import { labelSafe, writeKicadPcb, writeKicadPro } from '../../../../src/eda/export/kicad/index.js';
import { runDrc } from '../../../../src/eda/drc/index.js';
import { footprintToWorld } from '../../../../src/eda/board/index.js';
import { requireKicadOrSkip, runKicadDrc, runKicadExport } from '../../../helpers/kicad-cli.js';
import { twoResistors, geometryOf, makeDesign } from '../../drc/fixtures.js';
import type { Design } from '../../../../src/eda/model/design.js';

/**
 * The exported board read back by KiCad 9 (kicad-cli): it loads, its DRC is clean when ours is,
 * pads land where our board geometry says, and hostile strings survive the round trip.
 * Skipped on a machine without kicad-cli; in CI a missing kicad-cli fails the suite.
 */
const hasKicad = requireKicadOrSkip();

const T = (net: string, start: [number, number], end: [number, number], width_mm = 0.25, layer = 'F.Cu') => ({ net, layer, start, end, width_mm });

/** A richer clean board: 4 layers, odd outline, THT header, a bottom resistor, a via, a mounting hole. */
function mixedBoard(): Design {
  const res = (id: string, ref: string) => ({ id, ref, type: 'resistor', value: '1k', footprint: 'R0603' });
  return makeDesign({
    board: { width_mm: 40, height_mm: 25, layers: 4, outline_mm: [[0, 0], [40, 0], [40, 25], [6, 25], [0, 19]] },
    components: {
      j1: { id: 'j1', ref: 'J1', type: 'conn', footprint: 'HDR2' },
      r1: res('r1', 'R1'),
      r2: res('r2', 'R2'),
      h1: { id: 'h1', ref: 'H1', type: 'hole', footprint: 'HOLE' },
    },
    nets: {
      vin: { id: 'vin', name: 'VIN', nodes: [{ component: 'j1', pin: '1' }, { component: 'r1', pin: '1' }] },
      mid: { id: 'mid', name: 'MID', nodes: [{ component: 'r1', pin: '2' }, { component: 'r2', pin: '1' }] },
      gnd: { id: 'gnd', name: 'GND', nodes: [{ component: 'j1', pin: '2' }, { component: 'r2', pin: '2' }] },
    },
    placement: {
      j1: { x_mm: 8, y_mm: 8, rotation_deg: 0, side: 'top' },
      r1: { x_mm: 20, y_mm: 8, rotation_deg: 0, side: 'top' },
      r2: { x_mm: 30, y_mm: 12, rotation_deg: 90, side: 'bottom' },
      h1: { x_mm: 35, y_mm: 20, rotation_deg: 0, side: 'top' },
    },
    routing: {
      tracks: [
        T('vin', [8, 8], [19.2, 8]),
        // MID: R1.2 (20.8,8) → via (25,8) → In1.Cu → via (25,11.2) → B.Cu → R2.1. R2 sits on the
        // bottom at 90°: pad 1 local (-0.8,0) → mirrored (0.8,0) → rotated (0,-0.8) → (30,11.2).
        T('mid', [20.8, 8], [25, 8]),
        T('mid', [25, 8], [25, 11.2], 0.25, 'In1.Cu'),
        T('mid', [25, 11.2], [30, 11.2], 0.25, 'B.Cu'),
        // GND: J1.2 (8,10.54) on B.Cu around the bottom to R2.2 (30,12.8)
        T('gnd', [8, 10.54], [12, 10.54], 0.3, 'B.Cu'),
        T('gnd', [12, 10.54], [12, 16], 0.3, 'B.Cu'),
        T('gnd', [12, 16], [33, 16], 0.3, 'B.Cu'),
        T('gnd', [33, 16], [33, 12.8], 0.3, 'B.Cu'),
        T('gnd', [33, 12.8], [30, 12.8], 0.3, 'B.Cu'),
      ],
      vias: [
        { net: 'mid', at: [25, 8], diameter_mm: 0.6, drill_mm: 0.3 },
        { net: 'mid', at: [25, 11.2], diameter_mm: 0.6, drill_mm: 0.3 },
      ],
    },
  });
}

describe.runIf(hasKicad)('kicad-cli reads what we write', () => {
  it('a clean hand-routed board (two resistors, a track): 0 errors, 0 unconnected from kicad-cli and from us', async () => {
    const d = twoResistors();
    const g = geometryOf(d);
    expect(runDrc(d, g).counts.error).toBe(0);
    const k = await runKicadDrc(writeKicadPcb(d, g), writeKicadPro(d));
    expect(k.exitCode).toBe(0);
    expect(k.violations).toEqual([]);
    expect(k.unconnected).toEqual([]);
  });

  it('a mixed board (4 layers, THT, bottom side, vias, hole, polygon outline) is clean for both', async () => {
    const d = mixedBoard();
    const g = geometryOf(d);
    expect(runDrc(d, g).findings).toEqual([]);
    const k = await runKicadDrc(writeKicadPcb(d, g), writeKicadPro(d));
    expect({ exit: k.exitCode, v: k.violations.map((v) => v.type), u: k.unconnected.length }).toEqual({ exit: 0, v: [], u: 0 });
  });

  it('pads land where our geometry says, for both sides and all four rotations (Gerber flashes)', async () => {
    const sides = ['top', 'bottom'] as const;
    const rots = [0, 90, 180, 270] as const;
    const components: Record<string, unknown> = {};
    const placement: Record<string, unknown> = {};
    let n = 0;
    for (const side of sides) {
      for (const rot of rots) {
        const id = `u${n}`;
        components[id] = { id, ref: `U${n}`, type: 'x', footprint: 'ASYM' };
        placement[id] = { x_mm: 6 + (n % 4) * 9, y_mm: 6 + Math.floor(n / 4) * 10, rotation_deg: rot, side };
        n++;
      }
    }
    const d = makeDesign({ board: { width_mm: 40, height_mm: 25, layers: 2 }, components, placement });
    const g = geometryOf(d);
    const res = await runKicadExport(writeKicadPcb(d, g), writeKicadPro(d), (o) => ['pcb', 'export', 'gerbers', '--layers', 'F.Cu,B.Cu', '-o', `${o}/`, 'board.kicad_pcb']);
    expect(res.exitCode).toBe(0);
    // Gerber: %ADDnnR,wXh*% / %ADDnnC,d*% apertures, %TO.P,REF,PAD*% then XxxxYyyyD03* (FSLAX46Y46, Y up).
    const flashes = new Map<string, { x: number; y: number; aperture: string; layer: string }>();
    for (const [file, text] of Object.entries(res.files)) {
      if (!file.endsWith('.gtl') && !file.endsWith('.gbl')) continue;
      const apertures = new Map<string, string>();
      let current = '';
      let pad = '';
      for (const line of text.split('\n')) {
        const ad = /^%ADD(\d+)([RC]),([\d.X]+)\*%$/.exec(line);
        if (ad) apertures.set(ad[1]!, `${ad[2]}${ad[3]}`);
        const sel = /^D(\d+)\*$/.exec(line);
        if (sel) current = apertures.get(sel[1]!) ?? '';
        const to = /^%TO\.P,([^,]+),([^,*]+)/.exec(line);
        if (to) pad = `${to[1]}.${to[2]}`;
        const fl = /^X(-?\d+)Y(-?\d+)D03\*$/.exec(line);
        if (fl && pad) flashes.set(pad, { x: Number(fl[1]) / 1e6, y: -Number(fl[2]) / 1e6, aperture: current, layer: file.endsWith('.gtl') ? 'F.Cu' : 'B.Cu' });
      }
    }
    expect(flashes.size).toBe(16);
    for (const p of g.pads) {
      const f = flashes.get(`${p.ref}.${p.padNumber}`);
      expect(f, `${p.ref}.${p.padNumber}`).toBeDefined();
      expect(f!.x).toBeCloseTo(p.center[0], 5);
      expect(f!.y).toBeCloseTo(p.center[1], 5);
      expect(f!.layer).toBe(p.layers[0]);
      if (p.shape === 'rect') {
        const vertical = p.rotationDeg === 90 || p.rotationDeg === 270;
        const [w, h] = vertical ? [p.size[1], p.size[0]] : p.size;
        expect(f!.aperture).toBe(`R${w.toFixed(6)}X${h.toFixed(6)}`);
      }
    }
    // a spot check against hand arithmetic: bottom, 90°, pad 1 at local (-1.5,-0.5) → mirror (1.5,-0.5) → rotate → (-0.5,-1.5)
    const u5 = d.placement.u5!;
    expect(footprintToWorld([-1.5, -0.5], u5)).toEqual([u5.x_mm - 0.5, u5.y_mm - 1.5]);
  });

  it('hostile refs and values load and come back unchanged; a hostile net name comes back in its label-safe form', async () => {
    const ref1 = 'R"1\\(x)';
    const ref2 = 'Rü2\n)(kicad_pcb';
    const value = 'v\t"q" 电阻 🙂';
    const net = 'N "a\\b"\n(net 9)\u0001é';
    const d = twoResistors({ names: { r1: ref1, r2: ref2, sig: net, v1: value }, tracks: [T('sig', [10.8, 10], [15, 10])] });
    const pcb = writeKicadPcb(d, geometryOf(d));
    const pro = writeKicadPro(d);
    const k = await runKicadDrc(pcb, pro);
    expect(k.exitCode).toBe(5); // loaded (3 would be a load failure); the planted gap is the one violation
    expect(k.violations).toEqual([]);
    expect(k.unconnected).toHaveLength(1);
    const items = k.unconnected[0]!.items.map((i) => i.description);
    // Net names are written as the schematic's label text would be (export/kicad/nets.ts), so both files agree.
    expect(items).toContain(`Pad 1 [${labelSafe(net)}] of ${ref2} on F.Cu`);
    const pos = await runKicadExport(pcb, pro, (o) => ['pcb', 'export', 'pos', '--format', 'csv', '--units', 'mm', '-o', o, 'board.kicad_pcb']);
    expect(pos.exitCode).toBe(0);
    const csv = pos.files.out ?? '';
    expect(csv).toContain(ref1);
    expect(csv).toContain(ref2);
    expect(csv).toContain(value);
    // our own DRC names the same islands
    const ours = runDrc(d, geometryOf(d)).findings;
    expect(ours.map((f) => [f.rule_id, f.nets])).toEqual([['DRC_UNCONNECTED', [net]]]);
  });

  it('copper pours load as unfilled zones (kicad-cli does not fill them, so they add no copper)', async () => {
    const d = twoResistors();
    d.copper_pours = { gnd_b: { net: 'a', layer: 'B.Cu', polygon: [[1, 1], [29, 1], [29, 19], [1, 19]] } };
    const k = await runKicadDrc(writeKicadPcb(d, geometryOf(d)), writeKicadPro(d));
    expect({ exit: k.exitCode, v: k.violations.length, u: k.unconnected.length }).toEqual({ exit: 0, v: 0, u: 0 });
    expect(runDrc(d, geometryOf(d)).findings.map((f) => f.rule_id)).toEqual(['DRC_ZONE_NOT_FILLED']);
  });

  it('a design keep-out is a KiCad rule area: a track through it is a KiCad error, one beside it is clean', async () => {
    const ko = (polygon: [number, number][]) => ({ id: 'placer_antenna_U1', polygon, layers: [], no_tracks: true, no_vias: true, no_footprints: true });
    const d = twoResistors();
    // Beside the track (y 10): clean for KiCad, and the rule area says no tracks, vias or pours.
    d.keepouts = [ko([[12, 13], [18, 13], [18, 17], [12, 17]])];
    const pcb = writeKicadPcb(d, geometryOf(d));
    expect(pcb).toMatch(/\(keepout \(tracks not_allowed\) \(vias not_allowed\) \(pads allowed\) \(copperpour not_allowed\) \(footprints allowed\)\)/);
    const clean = await runKicadDrc(pcb, writeKicadPro(d));
    expect({ exit: clean.exitCode, v: clean.violations.map((v) => v.type) }).toEqual({ exit: 0, v: [] });
    // Across the track: KiCad loads the rule area and flags the track in it.
    d.keepouts = [ko([[12, 9], [18, 9], [18, 11], [12, 11]])];
    const hit = await runKicadDrc(writeKicadPcb(d, geometryOf(d)), writeKicadPro(d));
    expect(hit.exitCode).toBe(5);
    expect(hit.violations.map((v) => v.type)).toContain('items_not_allowed');
  });
});
