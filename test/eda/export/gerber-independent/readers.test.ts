import { describe, expect, it } from 'vitest';
import gerberToSvg from 'gerber-to-svg';
import { boardOutline, copperLayers } from '../../../../src/eda/model/design.js';
import { PROFILE_LINE_MM } from '../../../../src/eda/export/gerber/index.js';
import { builtBoards, fabFixtureBoard, gerberOf, type BuiltBoard } from './boards.js';
import { extentOf, parseTree, unionBox, type Box } from './extent.js';

/**
 * Our Gerber and Excellon files read by two independent readers from the tracespace project:
 * gerber-to-svg 4.2 (parser + plotter + SVG renderer) and @tracespace/parser 5.0.0-alpha.0
 * (syntax tree only; the extent is computed from the tree in ./extent.ts). Boards come from our
 * own parse → place → route pipeline (./boards.ts).
 */

const boards = [...builtBoards(), fabFixtureBoard()];

interface Warning {
  message: string;
  line: number;
}

function convert(text: string): Promise<{ warnings: Warning[]; svg: string; width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const warnings: Warning[] = [];
    const converter = gerberToSvg(text, { id: 'layer' }, (err, svg) => {
      if (err) reject(err);
      else resolve({ warnings, svg, width: converter.width, height: converter.height });
    });
    converter.on('warning', (w: Warning) => warnings.push(w));
  });
}

/** gerber-to-svg predates Gerber X2: it reports every TF/TA/TO/TD block as unrecognised. */
const X2_UNKNOWN = /^block "%T[FAO]\.[A-Za-z]+[^"]*" was not recognized and was ignored$|^block "%TD[^"]*" was not recognized and was ignored$/;

/** The outline's bounding box in file coordinates (y up, written as −y; docs/exports.md). */
function outlineBox(b: BuiltBoard): Box {
  const pts = boardOutline(b.design.board);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => -p[1]);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

const inside = (inner: Box, outer: Box, tol = 1e-6) =>
  inner.minX >= outer.minX - tol && inner.minY >= outer.minY - tol && inner.maxX <= outer.maxX + tol && inner.maxY <= outer.maxY + tol;

describe.each(boards.map((b) => [b.label, b] as const))('%s: independent Gerber readers', (_label, board) => {
  it('is a complete, routed board (the premise of the checks below)', () => {
    expect(board.routeComplete).not.toBe(false); // true for pipeline boards, null for the hand-routed fixture
    expect(board.design.routing.tracks.length).toBeGreaterThan(0);
    expect(board.gerbers.length).toBe(copperLayers(board.design.board.layers).length + 7);
  });

  it('gerber-to-svg renders every Gerber and drill file with no warning except unknown X2 attributes', async () => {
    const unexpected: Record<string, Warning[]> = {};
    let x2 = 0;
    for (const f of [...board.gerbers, ...board.drills]) {
      const res = await convert(f.content);
      const other = res.warnings.filter((w) => !X2_UNKNOWN.test(w.message));
      x2 += res.warnings.length - other.length;
      if (other.length > 0) unexpected[f.name] = other;
      expect(res.svg.startsWith('<svg'), f.name).toBe(true);
    }
    expect(unexpected).toEqual({});
    expect(x2).toBeGreaterThan(0); // the filter is exercised: our files do carry X2 attributes
  });

  it('gerber-to-svg sizes the profile as the board plus the profile line width', async () => {
    const res = await convert(gerberOf(board, 'Edge_Cuts').content);
    const box = outlineBox(board);
    expect(res.width).toBeCloseTo(box.maxX - box.minX + PROFILE_LINE_MM, 3);
    expect(res.height).toBeCloseTo(box.maxY - box.minY + PROFILE_LINE_MM, 3);
  });

  it('@tracespace/parser parses every file; its only unimplemented nodes are X2 attributes', () => {
    for (const f of board.gerbers) {
      const tree = parseTree(f.content);
      expect(tree.filetype, f.name).toBe('gerber');
      const ext = extentOf(tree);
      expect(ext.unimplemented.filter((u) => !/^%T[FAOD][.*]/.test(u)), f.name).toEqual([]);
      expect(tree.children.at(-1)?.type, f.name).toBe('done');
    }
    for (const f of board.drills) {
      const tree = parseTree(f.content);
      expect(tree.filetype, f.name).toBe('drill');
      expect(extentOf(tree).unimplemented, f.name).toEqual([]);
    }
  });

  it('tracespace: Edge.Cuts traces the outline (within 1e-3 mm) and copper + outline span exactly the board', () => {
    const box = outlineBox(board);
    const edge = extentOf(parseTree(gerberOf(board, 'Edge_Cuts').content));
    expect(edge.path).not.toBeNull();
    for (const k of ['minX', 'minY', 'maxX', 'maxY'] as const) expect(Math.abs(edge.path![k] - box[k]), k).toBeLessThan(1e-3);
    const copper = copperLayers(board.design.board.layers).map((l) => extentOf(parseTree(gerberOf(board, l.replace('.', '_')).content)).ink);
    for (const c of copper) if (c) expect(inside(c, box), JSON.stringify(c)).toBe(true);
    const all = unionBox([...copper, edge.path]);
    expect(all).not.toBeNull();
    for (const k of ['minX', 'minY', 'maxX', 'maxY'] as const) expect(Math.abs(all![k] - box[k]), k).toBeLessThan(1e-3);
  });

  it('tracespace: every pad and via is flashed once per copper layer it occupies, and every hole is drilled', () => {
    const vias = board.design.routing.vias.length;
    for (const layer of copperLayers(board.design.board.layers)) {
      const ext = extentOf(parseTree(gerberOf(board, layer.replace('.', '_')).content));
      const pads = board.geometry.pads.filter((p) => p.kind !== 'np_thru_hole' && p.layers.includes(layer)).length;
      expect(ext.flashes, layer).toBe(pads + vias);
      expect(ext.draws, layer).toBe(board.design.routing.tracks.filter((t) => t.layer === layer).length);
    }
    const holes = board.geometry.pads.filter((p) => p.kind !== 'smd').length + vias;
    const drilled = board.drills.map((d) => extentOf(parseTree(d.content)));
    expect(drilled.reduce((n, e) => n + e.flashes + e.draws, 0)).toBe(holes);
    const box = outlineBox(board);
    for (const e of drilled) if (e.ink) expect(inside(e.ink, box)).toBe(true);
  });
});
