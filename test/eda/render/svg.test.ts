import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeAirwires, renderBoardSvg, svgLayerNames } from '../../../src/eda/render/index.js';
import { ZapTraceError } from '../../../src/kernel/errors.js';
import { boardOutline, type Design } from '../../../src/eda/model/design.js';
import { builtBoards, gerberOf } from '../export/gerber-independent/boards.js';
import { gerbvAvailable, renderGerber } from '../export/gerber-independent/gerbv.js';
import { decodePngBinary, iou } from '../export/gerber-independent/png.js';
import { allElements, checkWellFormed, type XmlElement } from './xml-check.js';
import { HOSTILE, hostileDesign, requireRsvgOrSkip } from './fixtures.js';

const [tiny, esp32] = builtBoards();
const unroutedTiny: Design = { ...tiny!.design, routing: { tracks: [], vias: [] } };

const groups = (root: XmlElement) => root.children.filter((e) => e.name === 'g').map((g) => g.attrs['data-layer']);
const layerGroup = (root: XmlElement, layer: string) => root.children.find((e) => e.name === 'g' && e.attrs['data-layer'] === layer);
const airwireLines = (root: XmlElement) => allElements(root).filter((e) => e.attrs.class === 'airwire');

describe('renderBoardSvg: structure', () => {
  it('is well-formed XML with one <g> per layer, back to front, and a viewBox around the outline', () => {
    const svg = renderBoardSvg(tiny!.design, tiny!.geometry);
    const root = checkWellFormed(svg);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(groups(root)).toEqual(['B.Cu', 'F.Cu', 'B.Silkscreen', 'F.Silkscreen', 'Drills', 'Edge.Cuts', 'Airwires', 'DRC']);
    expect(root.attrs.viewBox).toBe('-1 -1 32 22');
    const edge = layerGroup(root, 'Edge.Cuts')!.children[0]!;
    expect(edge.attrs.points).toBe(boardOutline(tiny!.design.board).map((p) => p.join(',')).join(' '));
  });

  it('draws every pad of a layer, every track and every via on the copper layers', () => {
    for (const board of [tiny!, esp32!]) {
      const root = checkWellFormed(renderBoardSvg(board.design, board.geometry));
      for (const layer of ['F.Cu', 'B.Cu']) {
        const g = layerGroup(root, layer)!;
        const pads = g.children.filter((e) => e.attrs['data-pad'] !== undefined);
        expect(pads.length, layer).toBe(board.geometry.pads.filter((p) => p.kind !== 'np_thru_hole' && p.layers.includes(layer)).length);
        expect(g.children.filter((e) => e.name === 'line').length, layer).toBe(board.design.routing.tracks.filter((t) => t.layer === layer).length);
        expect(g.children.filter((e) => e.attrs.class === 'via').length, layer).toBe(board.design.routing.vias.length);
      }
      const silk = layerGroup(root, 'F.Silkscreen')!;
      const refs = silk.children.filter((e) => e.name === 'text').map((e) => e.text).sort();
      expect(refs).toEqual(board.geometry.footprints.filter((f) => f.placement.side === 'top').map((f) => f.ref).sort());
    }
  });

  it('draws only the requested layers and refuses unknown ones with INVALID_INPUT', () => {
    const root = checkWellFormed(renderBoardSvg(tiny!.design, tiny!.geometry, { layers: ['F.Cu', 'Edge.Cuts'] }));
    expect(groups(root)).toEqual(['F.Cu', 'Edge.Cuts']);
    expect(svgLayerNames(tiny!.design)).toContain('Airwires');
    try {
      renderBoardSvg(tiny!.design, tiny!.geometry, { layers: ['F.Cu', 'In7.Cu'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ZapTraceError);
      expect((e as ZapTraceError).code).toBe('INVALID_INPUT');
      expect((e as ZapTraceError).details.path).toBe('options.layers.1');
    }
  });

  it('is deterministic', () => {
    const a = renderBoardSvg(esp32!.design, esp32!.geometry, { drcFindings: [{ location: { x_mm: 1, y_mm: 2 }, message: 'm' }] });
    const b = renderBoardSvg(esp32!.design, esp32!.geometry, { drcFindings: [{ location: { x_mm: 1, y_mm: 2 }, message: 'm' }] });
    expect(a).toBe(b);
  });
});

describe('renderBoardSvg: airwires', () => {
  it('draws one airwire per missing connection when nothing is routed, pad centre to pad centre', () => {
    const root = checkWellFormed(renderBoardSvg(unroutedTiny, tiny!.geometry));
    const lines = airwireLines(root);
    // Each net's pads need (pads − 1) connections; count them from the geometry independently.
    const perNet = new Map<string, number>();
    for (const p of tiny!.geometry.pads) if (p.net !== null) perNet.set(p.net, (perNet.get(p.net) ?? 0) + 1);
    const expected = [...perNet.values()].reduce((n, k) => n + k - 1, 0);
    expect(expected).toBe(3);
    expect(lines.length).toBe(expected);
    for (const l of lines) {
      const from = tiny!.geometry.pads.find((p) => `${p.ref}.${p.padNumber}` === l.attrs['data-from'])!;
      const to = tiny!.geometry.pads.find((p) => `${p.ref}.${p.padNumber}` === l.attrs['data-to'])!;
      expect([Number(l.attrs.x1), Number(l.attrs.y1)]).toEqual(from.center);
      expect([Number(l.attrs.x2), Number(l.attrs.y2)]).toEqual(to.center);
      expect(from.net).toBe(to.net);
      expect(l.attrs['data-net']).toBe(tiny!.design.nets[from.net!]!.name);
    }
  });

  it('draws none on the fully routed boards', () => {
    for (const board of [tiny!, esp32!]) {
      expect(board.routeComplete).toBe(true);
      const root = checkWellFormed(renderBoardSvg(board.design, board.geometry));
      expect(airwireLines(root)).toEqual([]);
      expect(layerGroup(root, 'Airwires')!.attrs['data-count']).toBe('0');
    }
  });

  it('brings back exactly the nets whose tracks were removed', () => {
    const tracks = esp32!.design.routing.tracks;
    const victim = tracks[Math.floor(tracks.length / 2)]!.net;
    const cut: Design = { ...esp32!.design, routing: { ...esp32!.design.routing, tracks: tracks.filter((t) => t.net !== victim) } };
    const wires = computeAirwires(cut, esp32!.geometry);
    expect(wires.length).toBeGreaterThan(0);
    expect(new Set(wires.map((w) => w.net))).toEqual(new Set([victim]));
    const pads = esp32!.geometry.pads.filter((p) => p.net === victim).length;
    expect(wires.length).toBe(pads - 1); // no copper left on the net: a spanning tree over its pads
  });

  it('uses the airwires given in the options instead of computing them', () => {
    const root = checkWellFormed(renderBoardSvg(unroutedTiny, tiny!.geometry, { airwires: [] }));
    expect(airwireLines(root)).toEqual([]);
  });
});

describe('renderBoardSvg: hostile strings and DRC markers', () => {
  const { design, geometry } = hostileDesign();
  const message = 'clearance <0.1 mm> & "quoted" \u0002';
  const svg = renderBoardSvg(design, geometry, { drcFindings: [{ location: { x_mm: 5, y_mm: 5 }, message }, { location: { x_mm: Number.NaN, y_mm: 1 }, message: 'nowhere' }] });

  it('escapes refs, values, net and design names so the document stays well-formed', () => {
    const root = checkWellFormed(svg);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<!--');
    expect(allElements(root).filter((e) => e.name === 'script')).toEqual([]);
    expect(root.attrs['data-design']).toBe(HOSTILE.name);
    const title = root.children.find((e) => e.name === 'title')!;
    expect(title.text).toBe(HOSTILE.name);
    const refText = allElements(root).find((e) => e.name === 'text' && e.attrs['data-ref'] === HOSTILE.ref);
    expect(refText?.text).toBe(HOSTILE.ref);
    // The net name comes back intact except for U+0001, which XML cannot carry at all.
    const nets = new Set(allElements(root).map((e) => e.attrs['data-net']).filter((n) => n !== undefined));
    expect(nets).toContain(HOSTILE.net.replace('\u0001', '\\u0001'));
  });

  it('marks each located DRC finding with its message as the title', () => {
    const root = checkWellFormed(svg);
    const markers = allElements(root).filter((e) => e.attrs.class === 'drc-marker');
    expect(markers.length).toBe(1);
    expect(markers[0]!.children.find((e) => e.name === 'title')!.text).toBe(message.replace('\u0002', '\\u0002'));
    expect(markers[0]!.children.find((e) => e.name === 'circle')!.attrs).toMatchObject({ cx: '5', cy: '5' });
  });
});

const run = requireRsvgOrSkip();

function execFileP(file: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => execFile(file, args, { cwd, timeout: 60_000 }, (err) => (err ? reject(err) : resolve())));
}

describe.runIf(run)('renderBoardSvg read by rsvg-convert', () => {
  it('librsvg renders the hostile board', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'zaptrace-svg-'));
    try {
      const { design, geometry } = hostileDesign();
      await writeFile(path.join(dir, 'in.svg'), renderBoardSvg(design, geometry), 'utf8');
      await execFileP('rsvg-convert', ['-o', 'out.png', 'in.svg'], dir);
      const img = decodePngBinary(await readFile(path.join(dir, 'out.png')));
      expect(img.width).toBeGreaterThan(50);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.runIf(gerbvAvailable())('its F.Cu picture matches gerbv\'s render of our F.Cu Gerber (IoU ≥ 0.95)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'zaptrace-svg-'));
    try {
      const board = esp32!;
      // One frame on a 500 dpi grid with whole pixels (gerbv takes 4-decimal inches).
      const dpi = 500;
      const pts = boardOutline(board.design.board);
      const px = (mm: number) => mm / 25.4 * dpi;
      const left = Math.floor(px(Math.min(...pts.map((p) => p[0])) - 1));
      const top = Math.floor(px(Math.min(...pts.map((p) => p[1])) - 1));
      const wPx = Math.ceil(px(Math.max(...pts.map((p) => p[0])) + 1)) - left;
      const hPx = Math.ceil(px(Math.max(...pts.map((p) => p[1])) + 1)) - top;
      const mm = (p: number) => (p / dpi) * 25.4;
      const svg = renderBoardSvg(board.design, board.geometry, { layers: ['F.Cu'] }).replace(
        /width="[^"]*" height="[^"]*" viewBox="[^"]*"/,
        `width="${wPx / dpi}in" height="${hPx / dpi}in" viewBox="${mm(left)} ${mm(top)} ${mm(wPx)} ${mm(hPx)}"`,
      );
      await writeFile(path.join(dir, 'in.svg'), svg, 'utf8');
      await execFileP('rsvg-convert', ['-d', String(dpi), '-p', String(dpi), '-o', 'out.png', 'in.svg'], dir);
      // Copper (opacity 0.8 over the substrate) has a channel mean near 87, the substrate 29.
      const ours = decodePngBinary(await readFile(path.join(dir, 'out.png')), 58);
      const gerbv = await renderGerber(gerberOf(board, 'F_Cu').content, { originXMm: mm(left), originYMm: -mm(top + hPx), widthMm: mm(wPx), heightMm: mm(hPx), dpi });
      expect([ours.width, ours.height]).toEqual([gerbv.width, gerbv.height]);
      const r = iou(ours, gerbv);
      console.info('SVG F.Cu vs gerbv F_Cu IoU', r.iou.toFixed(4));
      expect(r.iou).toBeGreaterThanOrEqual(0.95);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
