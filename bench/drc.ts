import { pathToFileURL } from 'node:url';
import { Design } from '../src/eda/model/design.js';
import { Footprint } from '../src/eda/model/footprint.js';
import { buildBoardGeometry } from '../src/eda/board/index.js';
import { runDrc } from '../src/eda/drc/index.js';

/**
 * DRC time against track count, so a slowdown with board size shows up (docs/drc.md).
 * Generates clean boards of parallel nets: each net is a row of 1 mm track segments between two
 * test points, dropping to B.Cu through a via for the middle third. Rows are 0.8 mm apart, so
 * every track has neighbours within the clearance search radius (the spatial index is exercised,
 * not bypassed). Run directly: `npx tsx bench/drc.ts`.
 */

const TP = Footprint.parse({
  name: 'TP',
  family: 'test-point',
  description: 'bench test point',
  pads: [{ number: '1', kind: 'smd', shape: 'circle', at: [0, 0], size: [0.6, 0.6] }],
  courtyard: [-0.35, -0.35, 0.35, 0.35],
  silkscreen: [],
  body: [-0.3, -0.3, 0.3, 0.3],
  source: 'bench',
});

export function benchBoard(rows: number, segmentsPerRow: number): Design {
  const pitch = 0.8;
  const components: Record<string, unknown> = {};
  const nets: Record<string, unknown> = {};
  const placement: Record<string, unknown> = {};
  const tracks: unknown[] = [];
  const vias: unknown[] = [];
  const x0 = 5;
  const x1 = x0 + segmentsPerRow;
  const third = Math.max(1, Math.floor(segmentsPerRow / 3));
  for (let r = 0; r < rows; r++) {
    const y = 5 + r * pitch;
    const net = `n${r}`;
    for (const [end, x] of [['a', x0], ['b', x1]] as const) {
      const id = `tp${r}${end}`;
      components[id] = { id, ref: `TP${r}${end.toUpperCase()}`, type: 'test_point', footprint: 'TP' };
      placement[id] = { x_mm: x, y_mm: y, rotation_deg: 0, side: 'top' };
    }
    nets[net] = { id: net, name: `NET${r}`, nodes: [{ component: `tp${r}a`, pin: '1' }, { component: `tp${r}b`, pin: '1' }] };
    for (let s = 0; s < segmentsPerRow; s++) {
      const layer = s >= third && s < 2 * third ? 'B.Cu' : 'F.Cu';
      tracks.push({ net, layer, start: [x0 + s, y], end: [x0 + s + 1, y], width_mm: 0.2 });
    }
    if (segmentsPerRow >= 3) {
      vias.push({ net, at: [x0 + third, y], diameter_mm: 0.6, drill_mm: 0.3 });
      vias.push({ net, at: [x0 + 2 * third, y], diameter_mm: 0.6, drill_mm: 0.3 });
    }
  }
  return Design.parse({
    meta: { name: `bench-${rows}x${segmentsPerRow}` },
    board: { width_mm: x1 + 5, height_mm: 10 + rows * pitch, layers: 2 },
    components,
    nets,
    placement,
    routing: { tracks, vias },
  });
}

const SIZES: [label: string, rows: number, segments: number][] = [
  ['1k', 50, 20],
  ['10k', 200, 50],
  ['50k', 500, 100],
];

export async function benchDrc(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  for (const [label, rows, segs] of SIZES) {
    const design = benchBoard(rows, segs);
    const g0 = performance.now();
    const geometry = buildBoardGeometry(design, (n) => (n === 'TP' ? TP : undefined));
    const geometryMs = performance.now() - g0;
    const report = runDrc(design, geometry);
    out[`drc_${label}_tracks`] = report.stats.tracks;
    out[`drc_${label}_ms`] = Math.round(report.stats.ms);
    out[`drc_${label}_geometry_ms`] = Math.round(geometryMs);
    out[`drc_${label}_pairs`] = report.stats.pairsChecked;
    out[`drc_${label}_us_per_track`] = Math.round((report.stats.ms * 1000) / report.stats.tracks);
    out[`drc_${label}_errors`] = report.counts.error;
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchDrc();
  for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(28)} ${v}`);
}
