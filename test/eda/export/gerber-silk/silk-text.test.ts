import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeKicadPcb, writeKicadPro } from '../../../../src/eda/export/kicad/index.js';
import { planReferenceTexts, textBox } from '../../../../src/eda/export/kicad/silk-text.js';
import { boardOutline, type Point } from '../../../../src/eda/model/design.js';
import { strokeText } from '../../../../src/eda/export/stroke-font.js';
import { requireKicadOrSkip, runKicadExport } from '../../../helpers/kicad-cli.js';
import { buildBoard, fabFixtureBoard, gerberOf, type BuiltBoard } from '../gerber-independent/boards.js';
import { renderGerber, requireGerbvOrSkip, type Frame } from '../gerber-independent/gerbv.js';
import type { BinaryImage } from '../gerber-independent/png.js';
import { parseGerber } from '../fab/parse.js';

/**
 * Reference designators on our silkscreen Gerbers, judged against KiCad's own plot of the
 * .kicad_pcb we export for the same board (`kicad-cli pcb export gerbers`). KiCad draws its
 * newstroke font and we draw Hershey simplex, so the pictures cannot be identical; what must agree
 * is where each reference is: for every reference the planner put on silk, the strokes inside its
 * text box (grown by 0.07 mm, less than the 0.15 mm the planner keeps free around it) must exist in
 * both files, their ink bounding boxes must have centres within 0.3 mm and the same extent across
 * the reading direction (orientation and size),
 * and none of our text pixels may fall in a solder-mask opening of KiCad's mask plot. Silk IoU
 * (whole layer, and inside the text boxes only) is printed per board; figures in docs/exports.md.
 */

const run = requireGerbvOrSkip() && requireKicadOrSkip();
const DPI = 600;
const WINDOW_GROW_MM = 0.07;

const TEMPLATES = path.resolve(process.cwd(), '../shared/corpus/zaptrace/designs/templates');
const SOURCES = [
  { label: 'tiny-led', file: path.resolve(process.cwd(), 'fixtures/designs/tiny-led.yaml') },
  ...readdirSync(TEMPLATES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ label: f.replace(/\.yaml$/, ''), file: path.join(TEMPLATES, f) })),
];

type Box = [number, number, number, number];

interface Segment {
  a: [number, number];
  b: [number, number];
  width: number;
}

/** Stroked segments (D01 draws) of a Gerber file, in file coordinates, mm. */
function segmentsOf(text: string): Segment[] {
  const widths = new Map<number, number>();
  for (const m of text.matchAll(/%ADD(\d+)C,([\d.]+)\*%/g)) widths.set(Number(m[1]), Number(m[2]));
  const out: Segment[] = [];
  let last: [number, number] | null = null;
  for (const o of parseGerber(text).objects) {
    const p: [number, number] = [o.x, o.y];
    if (o.op === 'D01' && last) out.push({ a: last, b: p, width: widths.get(o.aperture) ?? 0 });
    last = o.op === 'D03' ? null : p;
  }
  return out;
}

const inside = (p: [number, number], w: Box): boolean => p[0] >= w[0] && p[0] <= w[2] && p[1] >= w[1] && p[1] <= w[3];

/** Ink box (strokes included) of the segments lying wholly in `w`; null when there are none. */
function inkIn(segs: Segment[], w: Box): Box | null {
  let box: Box | null = null;
  for (const s of segs) {
    if (!inside(s.a, w) || !inside(s.b, w)) continue;
    const r = s.width / 2;
    for (const p of [s.a, s.b]) {
      const q: Box = [p[0] - r, p[1] - r, p[0] + r, p[1] + r];
      box = box ? [Math.min(box[0], q[0]), Math.min(box[1], q[1]), Math.max(box[2], q[2]), Math.max(box[3], q[3])] : q;
    }
  }
  return box;
}

function frameOf(board: BuiltBoard): Frame {
  const pts = boardOutline(board.design.board);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => -p[1]);
  const minX = Math.min(...xs) - 1;
  const minY = Math.min(...ys) - 1;
  return { originXMm: minX, originYMm: minY, widthMm: Math.max(...xs) + 1 - minX, heightMm: Math.max(...ys) + 1 - minY, dpi: DPI };
}

/** Pixel-index ranges of a file-coordinate box on the frame's grid (row 0 at the top). */
function pixelsOf(frame: Frame, img: BinaryImage, w: Box): number[] {
  const px = (mm: number): number => (mm * frame.dpi) / 25.4;
  const x0 = Math.max(0, Math.floor(px(w[0] - frame.originXMm)));
  const x1 = Math.min(img.width - 1, Math.ceil(px(w[2] - frame.originXMm)));
  const r0 = Math.max(0, Math.floor(img.height - px(w[3] - frame.originYMm)));
  const r1 = Math.min(img.height - 1, Math.ceil(img.height - px(w[1] - frame.originYMm)));
  const out: number[] = [];
  for (let r = r0; r <= r1; r++) for (let c = x0; c <= x1; c++) out.push(r * img.width + c);
  return out;
}

function iouOver(a: BinaryImage, b: BinaryImage, idx: Iterable<number>): number {
  let inter = 0;
  let union = 0;
  for (const i of idx) {
    inter += a.bits[i]! & b.bits[i]!;
    union += a.bits[i]! | b.bits[i]!;
  }
  return union === 0 ? 1 : inter / union;
}

const all = (img: BinaryImage): number[] => Array.from({ length: img.bits.length }, (_, i) => i);

const summary: Record<string, unknown> = {};

describe.runIf(run)('reference designators on our silkscreen Gerbers vs KiCad\'s plot of our .kicad_pcb', () => {
  it.each([...SOURCES.map((s) => s.label), 'fab-fixture'])('%s', async (label) => {
    const src = SOURCES.find((s) => s.label === label);
    const board = src ? buildBoard(src.label, src.file) : fabFixtureBoard();
    const kicad = await runKicadExport(writeKicadPcb(board.design, board.geometry), writeKicadPro(board.design), (out) => [
      'pcb', 'export', 'gerbers', '--no-protel-ext', '--layers', 'F.Silkscreen,B.Silkscreen,F.Mask,B.Mask', '--output', `${out}/`, 'board.kicad_pcb',
    ]);
    expect(kicad.exitCode).toBe(0);
    const plan = planReferenceTexts(board.geometry, boardOutline(board.design.board));
    const frame = frameOf(board);
    const figures: Record<string, unknown> = { refs: 0, fab: plan.fab.length };
    let worst = 0;
    let refs = 0;
    for (const side of ['F', 'B'] as const) {
      const ours = gerberOf(board, `${side}_Silkscreen`).content;
      const theirs = kicad.files[`board-${side}_Silkscreen.gbr`]!;
      const mask = kicad.files[`board-${side}_Mask.gbr`]!;
      expect(theirs, `kicad-cli wrote ${side}_Silkscreen`).toBeDefined();
      const oursSegs = segmentsOf(ours);
      const theirSegs = segmentsOf(theirs);
      const windows: Box[] = [];
      for (const placed of board.geometry.footprints) {
        if ((placed.placement.side === 'bottom') !== (side === 'B')) continue;
        const t = plan.byComponent.get(placed.component);
        if (t?.layer !== 'silk') continue;
        const b = textBox(placed.ref, t.at, t.angleDeg, t.sizeMm, t.thicknessMm);
        // Board frame is y down, the files y up.
        const w: Box = [b[0] - WINDOW_GROW_MM, -b[3] - WINDOW_GROW_MM, b[2] + WINDOW_GROW_MM, -b[1] + WINDOW_GROW_MM];
        windows.push(w);
        // Our whole text stays inside the box the planner kept clear (so the mask check below sees all of it).
        const textPts = strokeText(placed.ref, { at: t.at, angleDeg: t.angleDeg, sizeMm: t.sizeMm, mirrored: side === 'B' }).flat();
        expect(textPts.every((p) => inside([p[0], -p[1]], w)), `${label} ${placed.ref}: text inside its box`).toBe(true);
        const mine = inkIn(oursSegs, w);
        const kic = inkIn(theirSegs, w);
        expect(mine, `${label} ${placed.ref}: our ${side} silk has its reference`).not.toBeNull();
        expect(kic, `${label} ${placed.ref}: KiCad's ${side} silk has its reference`).not.toBeNull();
        const d = Math.hypot((mine![0] + mine![2]) / 2 - (kic![0] + kic![2]) / 2, (mine![1] + mine![3]) / 2 - (kic![1] + kic![3]) / 2);
        worst = Math.max(worst, d);
        refs++;
        expect(d, `${label} ${placed.ref}: ink centre ours ${mine!.join(',')} vs KiCad ${kic!.join(',')}`).toBeLessThanOrEqual(0.3);
        // Orientation and size: across the reading direction both span the capital height plus
        // the stroke (the fonts differ along it: Hershey is narrower than newstroke).
        const across = (k: Box): number => (t.angleDeg === 0 ? k[3] - k[1] : k[2] - k[0]);
        expect(Math.abs(across(mine!) - across(kic!)), `${label} ${placed.ref}: height across the text`).toBeLessThanOrEqual(0.1);
      }
      const a = await renderGerber(ours, frame);
      const b = await renderGerber(theirs, frame);
      const m = await renderGerber(mask, frame);
      const textPx = new Set(windows.flatMap((w) => pixelsOf(frame, a, w)));
      let overMask = 0;
      let lit = 0;
      for (const i of textPx) {
        lit += a.bits[i]!;
        overMask += a.bits[i]! & m.bits[i]!;
      }
      expect(overMask, `${label} ${side}: our reference text pixels over mask openings`).toBe(0);
      if (windows.length > 0) expect(lit).toBeGreaterThan(0);
      figures[`${side}_layer_iou`] = Number(iouOver(a, b, all(a)).toFixed(3));
      figures[`${side}_text_iou`] = Number(iouOver(a, b, textPx).toFixed(3));
    }
    figures.refs = refs;
    figures.worst_centre_mm = Number(worst.toFixed(3));
    summary[label] = figures;
    console.info(`silk text ${label}`, JSON.stringify(figures));
    expect(refs).toBeGreaterThan(0);
  }, 240_000);
});

/** A minimal Gerber of stroked polylines (board frame in, file frame out), for gerbv. */
function polylineGerber(lines: Point[][], width: number): string {
  const c = (v: number): string => String(Math.round(v * 1e6));
  const body = lines.flatMap((l) => l.map((p, i) => `X${c(p[0])}Y${c(-p[1])}${i === 0 ? 'D02' : 'D01'}*`));
  return ['%FSLAX46Y46*%', '%MOMM*%', `%ADD10C,${width}*%`, 'D10*', 'G01*', ...body, 'M02*', ''].join('\n');
}

/** KiCad's text strokes: its silk plot draws texts first, before any `%TO.C` footprint section. */
const kicadTextSegments = (gbr: string): Segment[] => segmentsOf(gbr.split('%TO.C')[0]!);

describe.runIf(run)('stroke text at 90°, 0.8 mm, mirrored on the bottom vs kicad-cli', () => {
  it('fab fixture with every reference turned to 90° at 0.8 mm: same centres, orientation and reading direction as KiCad', async () => {
    const board = fabFixtureBoard();
    // The planner chose 0° at 1 mm everywhere on this board; the .kicad_pcb is edited to 90° and
    // 0.8 / 0.12 mm, and our font drawn with the same parameters at the same planned points.
    const pcb = writeKicadPcb(board.design, board.geometry).replace(
      /(\(property "Reference" "[^"]*"\s*\(at -?[\d.]+ -?[\d.]+ )0\)([\s\S]*?)\(font \(size 1 1\) \(thickness 0\.15\)\)/g,
      '$190)$2(font (size 0.8 0.8) (thickness 0.12))',
    );
    expect(pcb.match(/size 0\.8 0\.8/g)?.length).toBe(board.geometry.footprints.length);
    const kicad = await runKicadExport(pcb, writeKicadPro(board.design), (out) => [
      'pcb', 'export', 'gerbers', '--no-protel-ext', '--layers', 'F.Silkscreen,B.Silkscreen', '--output', `${out}/`, 'board.kicad_pcb',
    ]);
    expect(kicad.exitCode).toBe(0);
    const plan = planReferenceTexts(board.geometry, boardOutline(board.design.board));
    const frame = frameOf(board);
    const figures: Record<string, unknown> = {};
    for (const side of ['F', 'B'] as const) {
      const theirs = kicad.files[`board-${side}_Silkscreen.gbr`]!;
      const theirSegs = kicadTextSegments(theirs);
      const right: Point[][] = [];
      const flipped: Point[][] = [];
      const windows: Box[] = [];
      let worst = 0;
      for (const placed of board.geometry.footprints) {
        const bottom = placed.placement.side === 'bottom';
        if (bottom !== (side === 'B')) continue;
        const t = plan.byComponent.get(placed.component)!;
        const drawn = strokeText(placed.ref, { at: t.at, angleDeg: 90, sizeMm: 0.8, mirrored: bottom });
        right.push(...drawn);
        flipped.push(...strokeText(placed.ref, { at: t.at, angleDeg: 90, sizeMm: 0.8, mirrored: !bottom }));
        const b = textBox(placed.ref, t.at, 90, 0.8, 0.12);
        const w: Box = [b[0] - WINDOW_GROW_MM, -b[3] - WINDOW_GROW_MM, b[2] + WINDOW_GROW_MM, -b[1] + WINDOW_GROW_MM];
        windows.push(w);
        const ours = inkIn(drawn.flatMap((l) => l.slice(1).map((p, i): Segment => ({ a: [l[i]![0], -l[i]![1]], b: [p[0], -p[1]], width: 0.12 }))), w);
        const kic = inkIn(theirSegs, w);
        expect(ours, `${placed.ref}: our text inside its box`).not.toBeNull();
        expect(kic, `${placed.ref}: KiCad's text inside the box`).not.toBeNull();
        const d = Math.hypot((ours![0] + ours![2]) / 2 - (kic![0] + kic![2]) / 2, (ours![1] + ours![3]) / 2 - (kic![1] + kic![3]) / 2);
        worst = Math.max(worst, d);
        expect(d, `${placed.ref}: centre ours ${ours!.join(',')} vs KiCad ${kic!.join(',')}`).toBeLessThanOrEqual(0.3);
        // Vertical text: the capital height (plus stroke) lies along x in both.
        expect(Math.abs(ours![2] - ours![0] - (kic![2] - kic![0])), `${placed.ref}: height across the text`).toBeLessThanOrEqual(0.1);
      }
      if (windows.length === 0) continue;
      const k = await renderGerber(theirs, frame);
      const a = await renderGerber(polylineGerber(right, 0.12), frame);
      const f = await renderGerber(polylineGerber(flipped, 0.12), frame);
      const px = new Set(windows.flatMap((w) => pixelsOf(frame, k, w)));
      const good = iouOver(a, k, px);
      const bad = iouOver(f, k, px);
      figures[side] = { refs: windows.length, worst_centre_mm: Number(worst.toFixed(3)), text_iou: Number(good.toFixed(3)), text_iou_mirror_swapped: Number(bad.toFixed(3)) };
      // The wrong mirroring reads backwards: it must match KiCad's picture clearly worse.
      expect(good, `${side}: IoU ${good} vs ${bad} with the mirroring swapped`).toBeGreaterThan(bad * 1.15);
    }
    console.info('silk text fab-fixture at 90° / 0.8 mm', JSON.stringify(figures));
    expect(Object.keys(figures)).toEqual(['F', 'B']);
  }, 240_000);
});
