import type { Design, Point } from '../../model/design.js';
import { footprintToWorld, rotateVec } from '../../board/index.js';
import type { BoardGeometry } from '../../board/index.js';
import { fileStem, fixed, GENERATOR, padsWithSource, toFileXY } from '../gerber/fab-common.js';
import { copperLayers } from '../../model/design.js';

/**
 * Excellon drill files (docs/exports.md, "Excellon"), in the dialect KiCad and most fabs read (IPC-NC-349 / Excellon
 * format as documented by Ucamco's "Excellon format" notes): an `M48` header with `METRIC` and
 * `FMAT,2`, a tool table `T<n>C<diameter>` sorted by diameter, `%` to end the header, `G90`
 * absolute and `G05` drill mode, the hits per tool, `M30` to end. Coordinates are decimal mm with
 * an explicit point (the header still names `LZ`), y written as −y (docs/exports.md), so zero suppression never matters.
 * Slotted holes use `G85` (routed slot from the first to the second point).
 */

export interface DrillFile {
  name: string;
  content: string;
}

interface Hit {
  /** Board coordinates. */
  at: Point;
  /** Slot end point, when the hole is a slot. */
  to?: Point;
  diameterMm: number;
}

const c = (v: number): string => fixed(v, 4).replace(/0+$/, '').replace(/\.$/, '.0');

function xy(p: Point): string {
  const [x, y] = toFileXY(p);
  return `X${c(x)}Y${c(y)}`;
}

const diamKey = (d: number): number => Math.round(d * 1000) / 1000;

function drillFile(name: string, fileFunction: string, hits: Hit[]): DrillFile {
  const diameters = [...new Set(hits.map((h) => diamKey(h.diameterMm)))].sort((a, b) => a - b);
  const lines = [
    'M48',
    `; DRILL file ${GENERATOR.vendor} ${GENERATOR.application} ${GENERATOR.version}`,
    '; FORMAT={-:-/ absolute / metric / decimal}',
    `; #@! TF.FileFunction,${fileFunction}`,
    'FMAT,2',
    // Zero-suppression mode stated even though every coordinate carries a decimal point: readers
    // such as gerber-to-svg otherwise warn and guess (",LZ" = leading zeros kept).
    'METRIC,LZ',
    ...diameters.map((d, i) => `T${i + 1}C${d.toFixed(3)}`),
    '%',
    'G90',
    'G05',
  ];
  diameters.forEach((d, i) => {
    const mine = hits
      .filter((h) => diamKey(h.diameterMm) === d)
      .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || Number(a.to !== undefined) - Number(b.to !== undefined));
    lines.push(`T${i + 1}`);
    for (const h of mine) lines.push(h.to ? `${xy(h.at)}G85${xy(h.to)}` : xy(h.at));
  });
  lines.push('M30');
  return { name, content: lines.join('\n') + '\n' };
}

/**
 * The plated (`<stem>-PTH.drl`: vias and through-hole pads) and unplated (`<stem>-NPTH.drl`)
 * drill files. Both are always written, even when empty, so a fab sees an explicit "no holes".
 */
export function writeExcellon(design: Design, geometry: BoardGeometry): DrillFile[] {
  const plated: Hit[] = design.routing.vias.map((v) => ({ at: v.at, diameterMm: v.drill_mm }));
  const unplated: Hit[] = [];
  for (const p of padsWithSource(geometry)) {
    if (p.pad.kind === 'smd') continue;
    const slot = p.source.drill_slot_mm;
    let hit: Hit;
    if (slot && Math.abs(slot[0] - slot[1]) > 1e-9) {
      // Slot [w, h] before rotation: tool = the short side, travel along the long side.
      const d = Math.min(slot[0], slot[1]);
      const half = (Math.max(slot[0], slot[1]) - d) / 2;
      const axis: Point = slot[0] >= slot[1] ? [half, 0] : [0, half];
      const off = rotateVec(axis, p.source.rotation_deg);
      const a: Point = [p.source.at[0] - off[0], p.source.at[1] - off[1]];
      const b: Point = [p.source.at[0] + off[0], p.source.at[1] + off[1]];
      hit = { at: footprintToWorld(a, p.placement), to: footprintToWorld(b, p.placement), diameterMm: d };
    } else {
      const d = p.pad.drillMm ?? Math.min(p.pad.size[0], p.pad.size[1]);
      hit = { at: p.pad.center, diameterMm: d };
    }
    (p.pad.kind === 'thru_hole' ? plated : unplated).push(hit);
  }
  const stem = fileStem(design);
  const n = copperLayers(design.board.layers).length;
  return [
    drillFile(`${stem}-PTH.drl`, `Plated,1,${n},PTH`, plated),
    drillFile(`${stem}-NPTH.drl`, `NonPlated,1,${n},NPTH`, unplated),
  ];
}
