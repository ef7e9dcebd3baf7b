import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeGerberJob, writeGerbers, escapeAttr, unescapeAttr, MASK_EXPANSION_MM } from '../../../../src/eda/export/gerber/index.js';
import { buildBoardGeometry, footprintToWorld } from '../../../../src/eda/board/index.js';
import { mapPinsToPads } from '../../../../src/eda/footprints/index.js';
import { Design } from '../../../../src/eda/model/design.js';
import { ZapTraceError } from '../../../../src/kernel/errors.js';
import { fabFixture, resolveTest } from './fixture.js';
import { parseGerber, type ParsedGerber } from './parse.js';

const { design, geometry } = fabFixture();
const files = writeGerbers(design, geometry);
const byName = (suffix: string) => {
  const f = files.find((x) => x.name.endsWith(suffix));
  if (!f) throw new Error(`no file ${suffix}`);
  return f;
};
const parsed = (suffix: string): ParsedGerber => parseGerber(byName(suffix).content);
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const netName = (id: string | null) => (id === null ? undefined : design.nets[id]?.name);

describe('writeGerbers: file set and headers', () => {
  it('writes one file per layer with the X2 FileFunction and polarity of that layer', () => {
    const table = Object.fromEntries(files.map((f) => [f.name, [parseGerber(f.content).fileAttrs.FileFunction, parseGerber(f.content).fileAttrs.FilePolarity]]));
    expect(table).toEqual({
      'fab_test-F_Cu.gbr': ['Copper,L1,Top', 'Positive'],
      'fab_test-B_Cu.gbr': ['Copper,L2,Bot', 'Positive'],
      'fab_test-F_Mask.gbr': ['Soldermask,Top', 'Negative'],
      'fab_test-B_Mask.gbr': ['Soldermask,Bot', 'Negative'],
      'fab_test-F_Paste.gbr': ['Paste,Top', 'Positive'],
      'fab_test-B_Paste.gbr': ['Paste,Bot', 'Positive'],
      'fab_test-F_Silkscreen.gbr': ['Legend,Top', 'Positive'],
      'fab_test-B_Silkscreen.gbr': ['Legend,Bot', 'Positive'],
      'fab_test-Edge_Cuts.gbr': ['Profile,NP', 'Positive'],
    });
  });

  it('every file opens with the attribute/FS/MO header, defines apertures before use and ends with M02', () => {
    for (const f of files) {
      const lines = f.content.split('\n');
      expect(lines[0]).toMatch(/^%TF\.GenerationSoftware,ZapTrace,zaptrace,[\d.]+\*%$/);
      const fs = lines.indexOf('%FSLAX46Y46*%');
      const mo = lines.indexOf('%MOMM*%');
      const firstObject = lines.findIndex((l) => /^X-?\d+Y-?\d+D0[123]\*$/.test(l));
      expect(fs).toBeGreaterThan(0);
      expect(mo).toBeGreaterThan(fs);
      if (firstObject >= 0) expect(firstObject).toBeGreaterThan(mo);
      const p = parseGerber(f.content);
      expect(p.errors, f.name).toEqual([]);
      expect(p.lastLine).toBe('M02*');
      expect(f.content.endsWith('M02*\n')).toBe(true);
      // No timestamps of any kind.
      expect(f.content).not.toMatch(/CreationDate|\d{4}-\d\d-\d\dT/);
    }
  });

  it('keeps every coordinate inside the board outline (y written as −y)', () => {
    let count = 0;
    for (const f of files) {
      for (const o of parseGerber(f.content).objects) {
        count++;
        expect(o.x, f.name).toBeGreaterThanOrEqual(0);
        expect(o.x, f.name).toBeLessThanOrEqual(design.board.width_mm);
        expect(o.y, f.name).toBeLessThanOrEqual(0);
        expect(o.y, f.name).toBeGreaterThanOrEqual(-design.board.height_mm);
      }
    }
    expect(count).toBeGreaterThan(100);
  });
});

describe('writeGerbers: copper', () => {
  it('flashes every copper pad at its board position with TO.P and the TO.N of its net', () => {
    for (const [suffix, layer] of [['F_Cu.gbr', 'F.Cu'], ['B_Cu.gbr', 'B.Cu']] as const) {
      const flashes = parsed(suffix).objects.filter((o) => o.op === 'D03' && o.attrs.P);
      const expected = geometry.pads.filter((p) => p.kind !== 'np_thru_hole' && p.layers.includes(layer));
      expect(flashes.length).toBe(expected.length);
      for (const pad of expected) {
        const hit = flashes.find((o) => o.attrs.P?.[0] === pad.ref && o.attrs.P?.[1] === pad.padNumber && near(o.x, pad.center[0]) && near(o.y, -pad.center[1]));
        expect(hit, `${layer} ${pad.ref}.${pad.padNumber}`).toBeDefined();
        expect(hit?.attrs.N?.[0]).toBe(netName(pad.net));
        expect(hit?.attrs.C?.[0]).toBe(pad.ref);
      }
    }
    // R2 sits on the bottom: its SMD pads are on B.Cu only.
    expect(parsed('F_Cu.gbr').objects.some((o) => o.attrs.P?.[0] === 'R2')).toBe(false);
    expect(parsed('B_Cu.gbr').objects.filter((o) => o.attrs.P?.[0] === 'R2').length).toBe(2);
  });

  it('draws every track with a Conductor aperture of its width and the TO.N of its net', () => {
    for (const [suffix, layer] of [['F_Cu.gbr', 'F.Cu'], ['B_Cu.gbr', 'B.Cu']] as const) {
      const p = parsed(suffix);
      const draws = p.objects.filter((o) => o.op === 'D01');
      const tracks = design.routing.tracks.filter((t) => t.layer === layer);
      expect(draws.length).toBe(tracks.length);
      for (const t of tracks) {
        const d = draws.find((o) => near(o.x, t.end[0]) && near(o.y, -t.end[1]) && o.attrs.N?.[0] === netName(t.net));
        expect(d, `${t.net} to ${t.end.join(',')}`).toBeDefined();
        expect(p.apertures.get(d!.aperture)).toBe('Conductor');
        expect(byName(suffix).content).toContain(`%ADD${d!.aperture}C,${t.width_mm}*%`);
      }
    }
  });

  it('flashes each via on every copper layer as a ViaPad on its net', () => {
    const via = design.routing.vias[0]!;
    for (const suffix of ['F_Cu.gbr', 'B_Cu.gbr']) {
      const p = parsed(suffix);
      const vias = p.objects.filter((o) => o.op === 'D03' && p.apertures.get(o.aperture) === 'ViaPad');
      expect(vias.length).toBe(design.routing.vias.length);
      expect(vias[0]!.attrs.N).toEqual(['GND']);
      expect(near(vias[0]!.x, via.at[0]) && near(vias[0]!.y, -via.at[1])).toBe(true);
    }
  });

  it('escapes * % , and \\ in attribute values and reads them back intact', () => {
    expect(byName('F_Cu.gbr').content).toContain('%TO.N,EN\\u002A\\u0025\\u002C\\u005Cx*%');
    expect(parsed('F_Cu.gbr').objects.some((o) => o.attrs.N?.[0] === 'EN*%,\\x')).toBe(true);
    for (const s of ['a*b', '100%', 'x,y', 'back\\slash', 'tab\there', 'µ-Ω']) expect(unescapeAttr(escapeAttr(s))).toBe(s);
    expect(escapeAttr('a*b%c')).not.toMatch(/[*%]/);
  });

  it('uses standard apertures for axis-aligned pads and macros with rotation for tilted and rounded ones', () => {
    const text = byName('F_Cu.gbr').content;
    // J1 pad 1: 1.7 mm square THT pad → R; pad 2 round → C.
    expect(text).toMatch(/%ADD\d+R,1\.7X1\.7\*%/);
    expect(text).toMatch(/%ADD\d+C,1\.7\*%/);
    // T1 pad 1: 1.2 × 0.6 rect at 45° → centre-line primitive rotated 45°.
    expect(text).toContain('21,1,1.2,0.6,0,0,45*');
    // The oval at 30°: a body plus two end circles at ±0.3 mm along the rotated axis.
    const ends = [...text.matchAll(/^1,1,0\.6,(-?[\d.]+),(-?[\d.]+)\*/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ends.length).toBe(2);
    for (const [x, y] of ends) {
      expect(Math.hypot(x!, y!)).toBeCloseTo(0.3, 5);
      expect(Math.atan2(Math.abs(y!), Math.abs(x!)) * (180 / Math.PI)).toBeCloseTo(30, 3);
    }
    // Every macro is defined before the AD that names it (checked by the parser) and used.
    expect(parsed('F_Cu.gbr').macros.size).toBeGreaterThan(0);
  });

  it('adds inner copper layers on a 4-layer board, with through-hole pads and vias on all of them', () => {
    const four = Design.parse({ ...design, board: { ...design.board, layers: 4 } });
    const g4 = buildBoardGeometry(four, resolveTest, mapPinsToPads);
    const out = writeGerbers(four, g4);
    const fn = out.map((f) => parseGerber(f.content).fileAttrs.FileFunction);
    expect(fn.slice(0, 4)).toEqual(['Copper,L1,Top', 'Copper,L2,Inr', 'Copper,L3,Inr', 'Copper,L4,Bot']);
    const inner = parseGerber(out.find((f) => f.name.endsWith('In1_Cu.gbr'))!.content);
    const tht = g4.pads.filter((p) => p.kind === 'thru_hole').length;
    expect(inner.objects.filter((o) => o.op === 'D03' && o.attrs.P).length).toBe(tht);
    expect(inner.objects.filter((o) => inner.apertures.get(o.aperture) === 'ViaPad').length).toBe(1);
  });

  it('rejects a track on a copper layer the board does not have', () => {
    const bad = Design.parse({ ...design, routing: { ...design.routing, tracks: [{ net: 'sig', layer: 'In1.Cu', start: [1, 1], end: [2, 2], width_mm: 0.2 }] } });
    try {
      writeGerbers(bad, geometry);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ZapTraceError);
      expect((e as ZapTraceError).code).toBe('INVALID_INPUT');
      expect((e as ZapTraceError).details.path).toBe('routing.tracks.0.layer');
    }
  });
});

describe('writeGerbers: mask, paste, silkscreen, profile', () => {
  it('opens the mask over every pad of the side, grown by the mask margin; vias stay tented', () => {
    const p = parsed('F_Mask.gbr');
    const expected = geometry.pads.filter((q) => q.kind !== 'smd' || q.layers.includes('F.Cu'));
    expect(p.objects.filter((o) => o.op === 'D03').length).toBe(expected.length);
    const grown = 1.7 + 2 * MASK_EXPANSION_MM;
    expect(byName('F_Mask.gbr').content).toContain(`R,${grown}X${grown}*%`);
    expect([...p.apertures.values()]).not.toContain('ViaPad');
    const bottom = parsed('B_Mask.gbr').objects.filter((o) => o.op === 'D03');
    expect(bottom.length).toBe(geometry.pads.filter((q) => q.kind !== 'smd' || q.layers.includes('B.Cu')).length);
  });

  it('puts paste only on SMD pads that ask for it', () => {
    const top = parsed('F_Paste.gbr').objects;
    const smdTop = geometry.pads.filter((q) => q.kind === 'smd' && q.layers.includes('F.Cu'));
    // T1 pad 2 is declared paste: false.
    expect(top.length).toBe(smdTop.length - 1);
    expect(top.some((o) => o.attrs.P?.[0] === 'T1' && o.attrs.P?.[1] === '2')).toBe(false);
    expect(top.some((o) => o.attrs.P?.[0] === 'J1')).toBe(false);
    expect(parsed('B_Paste.gbr').objects.map((o) => o.attrs.P?.[0])).toEqual(['R2', 'R2']);
  });

  it('draws each footprint silkscreen line on the side the footprint is placed on', () => {
    // Each line is a D02 at its start and a D01 at its end (file frame, y up); reference text
    // strokes (test/eda/export/gerber-silk) come on top of these.
    const segs = (o: ParsedGerber['objects']): Set<string> => {
      const out = new Set<string>();
      o.forEach((b, i) => {
        const a = o[i - 1];
        if (b.op === 'D01' && a && a.op !== 'D03') out.add([a.x, a.y, b.x, b.y].map((v) => v.toFixed(4)).join(','));
      });
      return out;
    };
    const top = segs(parsed('F_Silkscreen.gbr').objects);
    const bottom = segs(parsed('B_Silkscreen.gbr').objects);
    for (const f of geometry.footprints) {
      for (const line of f.footprint.silkscreen) {
        const [a, b] = [footprintToWorld(line.start, f.placement), footprintToWorld(line.end, f.placement)];
        const key = [a[0], -a[1], b[0], -b[1]].map((v) => (v === 0 ? 0 : v).toFixed(4)).join(',');
        expect(f.placement.side === 'top' ? top.has(key) : bottom.has(key), `${f.ref} line ${key}`).toBe(true);
        expect(f.placement.side === 'top' ? bottom.has(key) : top.has(key), `${f.ref} line ${key} on the other side`).toBe(false);
      }
    }
    expect(new Set(parsed('B_Silkscreen.gbr').objects.map((o) => o.attrs.C?.[0]))).toEqual(new Set(['R2']));
  });

  it('writes the outline as one closed Profile contour', () => {
    const p = parsed('Edge_Cuts.gbr');
    expect(p.objects.map((o) => [o.op, o.x, o.y])).toEqual([
      ['D02', 0, 0],
      ['D01', 30, 0],
      ['D01', 30, -20],
      ['D01', 0, -20],
      ['D01', 0, 0],
    ]);
    expect(new Set(p.apertures.values())).toEqual(new Set(['Profile']));
  });
});

describe('writeGerberJob and determinism', () => {
  it('lists every layer file with its function and polarity, and the board size', () => {
    const job = JSON.parse(writeGerberJob(design, files)) as {
      Header: { GenerationSoftware: { Vendor: string } };
      GeneralSpecs: { Size: { X: number; Y: number }; LayerNumber: number; BoardThickness: number };
      FilesAttributes: { Path: string; FileFunction: string; FilePolarity: string }[];
    };
    expect(job.Header.GenerationSoftware.Vendor).toBe('ZapTrace');
    expect(job.GeneralSpecs.Size).toEqual({ X: 30, Y: 20 });
    expect(job.GeneralSpecs.LayerNumber).toBe(2);
    expect(job.GeneralSpecs.BoardThickness).toBe(1.6);
    expect(job.FilesAttributes.map((f) => f.Path)).toEqual(files.map((f) => f.name));
    for (const f of job.FilesAttributes) {
      const attrs = parseGerber(byName(f.Path).content).fileAttrs;
      expect([f.FileFunction, f.FilePolarity]).toEqual([attrs.FileFunction, attrs.FilePolarity]);
    }
  });

  it('produces identical bytes for the same input, including a re-parsed copy of the design', () => {
    const again = fabFixture();
    expect(writeGerbers(again.design, again.geometry)).toEqual(files);
    const copy = Design.parse(JSON.parse(JSON.stringify(design)));
    const out = writeGerbers(copy, buildBoardGeometry(copy, resolveTest, mapPinsToPads));
    expect(out).toEqual(files);
    expect(writeGerberJob(copy, out)).toBe(writeGerberJob(design, files));
  });
});

const GERBV = '/usr/bin/gerbv';
describe.runIf(existsSync(GERBV))('gerbv render (optional, when gerbv is installed)', () => {
  it('renders the top copper to a non-empty PNG', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zt-gerbv-'));
    try {
      const src = path.join(dir, 'top.gbr');
      const png = path.join(dir, 'top.png');
      writeFileSync(src, byName('F_Cu.gbr').content);
      await promisify(execFile)(GERBV, ['-x', 'png', '-D', '300', '-o', png, src], { timeout: 60_000 });
      const bytes = readFileSync(png);
      expect(bytes.length).toBeGreaterThan(100);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
