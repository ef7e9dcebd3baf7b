import { describe, expect, it } from 'vitest';
import { writeKicadPcb, writeKicadPro } from '../../../../src/eda/export/kicad/index.js';
import { boardOutline } from '../../../../src/eda/model/design.js';
import { requireKicadOrSkip, runKicadExport } from '../../../helpers/kicad-cli.js';
import { builtBoards, fabFixtureBoard, gerberOf, type BuiltBoard } from './boards.js';
import { renderGerber, requireGerbvOrSkip, type Frame } from './gerbv.js';
import { iou } from './png.js';

/**
 * Pixel comparison of our Gerbers with KiCad's Gerbers of the same board: we export the board as
 * .kicad_pcb, kicad-cli plots it, gerbv rasterises both files of a layer onto one pixel grid
 * (600 dpi, same origin and window), and the intersection-over-union of the lit pixels must be
 * at least 0.99. Silkscreen differs by design (both plot the references, KiCad in its newstroke
 * font, we in Hershey simplex), so its IoU is reported only; test/eda/export/gerber-silk checks
 * that the references sit where KiCad puts them. Figures are recorded in docs/render.md.
 */

const run = requireGerbvOrSkip() && requireKicadOrSkip();

const REQUIRED = ['F_Cu', 'B_Cu', 'F_Mask', 'B_Mask', 'F_Paste', 'B_Paste', 'Edge_Cuts'] as const;
const REPORTED = ['F_Silkscreen', 'B_Silkscreen'] as const;
const KICAD_LAYERS = 'F.Cu,B.Cu,F.Mask,B.Mask,F.Paste,B.Paste,F.Silkscreen,B.Silkscreen,Edge.Cuts';
const DPI = 600;
const MARGIN_MM = 1;

/** The board outline plus a margin, in file coordinates (y up, board at y ∈ [−h, 0]). */
function frameOf(board: BuiltBoard): Frame {
  const pts = boardOutline(board.design.board);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => -p[1]);
  const minX = Math.min(...xs) - MARGIN_MM;
  const minY = Math.min(...ys) - MARGIN_MM;
  return { originXMm: minX, originYMm: minY, widthMm: Math.max(...xs) + MARGIN_MM - minX, heightMm: Math.max(...ys) + MARGIN_MM - minY, dpi: DPI };
}

describe.runIf(requireGerbvOrSkip())('gerbv + PNG decoder calibration', () => {
  it('a 0.1 in (2.54 mm) square flash lights 60 × 60 pixels at 600 dpi, where it was drawn', async () => {
    const gerber = ['%FSLAX46Y46*%', '%MOMM*%', '%ADD10R,2.54X2.54*%', 'D10*', 'X2540000Y2540000D03*', 'M02*', ''].join('\n');
    // Frame 0..5.08 mm square: the flash covers the middle half in both axes.
    const img = await renderGerber(gerber, { originXMm: 0, originYMm: 0, widthMm: 5.08, heightMm: 5.08, dpi: DPI });
    expect([img.width, img.height]).toEqual([120, 120]);
    const lit: number[] = [];
    img.bits.forEach((v, i) => {
      if (v) lit.push(i);
    });
    expect(lit.length).toBe(3600);
    const xs = lit.map((i) => i % img.width);
    const ys = lit.map((i) => Math.floor(i / img.width));
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([30, 89, 30, 89]);
  });
});

describe.runIf(run).each([...builtBoards(), fabFixtureBoard()].map((b) => [b.label, b] as const))('%s: our Gerbers vs KiCad\'s plot of our board (gerbv, 600 dpi)', (_label, board) => {
  it('every layer matches with IoU ≥ 0.99 (silkscreen reported only)', async () => {
    const kicad = await runKicadExport(writeKicadPcb(board.design, board.geometry), writeKicadPro(board.design), (out) => [
      'pcb', 'export', 'gerbers', '--no-protel-ext', '--layers', KICAD_LAYERS, '--output', `${out}/`, 'board.kicad_pcb',
    ]);
    expect(kicad.exitCode).toBe(0);
    const frame = frameOf(board);
    const figures: Record<string, { iou: number; oursPx: number; kicadPx: number }> = {};
    for (const layer of [...REQUIRED, ...REPORTED]) {
      const theirs = kicad.files[`board-${layer}.gbr`];
      expect(theirs, `kicad-cli wrote ${layer}`).toBeDefined();
      const a = await renderGerber(gerberOf(board, layer).content, frame);
      const b = await renderGerber(theirs!, frame);
      const r = iou(a, b);
      figures[layer] = { iou: Number(r.iou.toFixed(4)), oursPx: a.bits.reduce((n, v) => n + v, 0), kicadPx: b.bits.reduce((n, v) => n + v, 0) };
    }
    console.info(`${board.label} IoU per layer`, JSON.stringify(figures));
    for (const layer of REQUIRED) {
      expect(figures[layer]!.iou, `${layer} ${JSON.stringify(figures[layer])}`).toBeGreaterThanOrEqual(0.99);
    }
    // The rendered images are not trivially empty where the board has copper and an outline.
    for (const layer of ['F_Cu', 'F_Mask', 'Edge_Cuts'] as const) expect(figures[layer]!.oursPx).toBeGreaterThan(100);
    for (const layer of REPORTED) expect(figures[layer]!.iou).toBeGreaterThanOrEqual(0);
    // The measure can fail: our front copper against KiCad's back copper scores far below 0.99.
    const cross = iou(await renderGerber(gerberOf(board, 'F_Cu').content, frame), await renderGerber(kicad.files['board-B_Cu.gbr']!, frame));
    expect(cross.iou).toBeLessThan(0.5);
  }, 180_000);
});
