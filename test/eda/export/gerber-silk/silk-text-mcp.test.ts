import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../../helpers/harness.js';
import { requireKicadOrSkip, runKicadExport } from '../../../helpers/kicad-cli.js';
import { approveAsReviewer } from '../../../helpers/review.js';
import { parseGerber } from '../fab/parse.js';

/**
 * Through MCP: a synthesized board is placed, routed, approved and exported with export_kicad and
 * export_gerber; kicad-cli plots the .kicad_pcb the surface wrote, and the silkscreen Gerber the
 * surface wrote must show the same legend. KiCad's plot draws its texts before any `%TO.C`
 * footprint section, which isolates its reference text. Sampled along the strokes, KiCad's text
 * must lie near our silk (95 % within 0.2 mm, all within 0.45 mm: the fonts differ, but a missing or
 * misplaced reference fails), and our whole silkscreen near KiCad's (no text of ours where KiCad
 * has none).
 */

const INTENT = '12V to 3.3V switching regulator module';
/** Glyph shapes differ by up to about a third of the 1 mm cell; a missing reference leaves the
 * middle of its box (≥ 0.5 mm from the planner's keep-out edge plus 0.15 mm) far from any stroke. */
const P95_MM = 0.2;
const MAX_MM = 0.45;

type Seg = [number, number, number, number];

function segments(text: string): Seg[] {
  const out: Seg[] = [];
  let last: [number, number] | null = null;
  for (const o of parseGerber(text).objects) {
    if (o.op === 'D01' && last) out.push([last[0], last[1], o.x, o.y]);
    last = o.op === 'D03' ? null : [o.x, o.y];
  }
  return out;
}

/** Endpoints and midpoints: where a stroke is, sampled. */
const samples = (segs: Seg[]): [number, number][] => segs.flatMap(([ax, ay, bx, by]) => [[ax, ay], [bx, by], [(ax + bx) / 2, (ay + by) / 2]] as [number, number][]);

function distToSeg(p: [number, number], [ax, ay, bx, by]: Seg): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / l2));
  return Math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy));
}

/** Distances from each sample of `from` to the nearest stroke of `to`, ascending. */
function distances(from: Seg[], to: Seg[]): number[] {
  return samples(from)
    .map((p) => to.reduce((best, s) => Math.min(best, distToSeg(p, s)), Infinity))
    .sort((a, b) => a - b);
}

const quantile = (d: number[], q: number): number => (d.length === 0 ? 0 : d[Math.min(d.length - 1, Math.floor(q * d.length))]!);

describe.runIf(requireKicadOrSkip())('silkscreen legend through MCP export_gerber vs kicad-cli on the exported .kicad_pcb', () => {
  it(`${INTENT}: every reference KiCad plots is on our silk Gerber, and nothing else is`, async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const run = await callTool(client, 'pipeline_run', { design_name: 'reg', intent: INTENT, seed: 1 });
    expect(run.data.error).toBeUndefined();
    expect((await approveAsReviewer(runtime, client, 'reg', 'ENG-9')).isError).toBe(false);
    const kicadOut = await callTool(client, 'export_kicad', { design_name: 'reg', approval_id: 'ENG-9', output_dir: 'fab' });
    expect(kicadOut.data.error).toBeUndefined();
    const gerberOut = await callTool(client, 'export_gerber', { design_name: 'reg', approval_id: 'ENG-9', output_dir: 'fab' });
    expect(gerberOut.data.error).toBeUndefined();
    const paths = [...kicadOut.data.files, ...gerberOut.data.files].map((f: { path: string }) => f.path);
    const pick = (suffix: string): string => {
      const p = paths.find((x) => x.endsWith(suffix));
      expect(p, suffix).toBeDefined();
      return readFileSync(join(workspaceDir, p!), 'utf8');
    };
    const kicad = await runKicadExport(pick('.kicad_pcb'), pick('.kicad_pro'), (out) => [
      'pcb', 'export', 'gerbers', '--no-protel-ext', '--layers', 'F.Silkscreen,B.Silkscreen', '--output', `${out}/`, 'board.kicad_pcb',
    ]);
    expect(kicad.exitCode).toBe(0);
    const figures: Record<string, unknown> = {};
    for (const side of ['F', 'B'] as const) {
      const theirs = kicad.files[`board-${side}_Silkscreen.gbr`]!;
      const kicadText = segments(theirs.split('%TO.C')[0]!);
      const kicadAll = segments(theirs);
      const ours = segments(pick(`-${side}_Silkscreen.gbr`));
      if (side === 'F') {
        expect(kicadText.length, 'KiCad plots reference text on the top silk').toBeGreaterThan(20);
        // The bound can fail: a legend with the footprint lines but no text is far from KiCad's text.
        expect(quantile(distances(kicadText, kicadAll.slice(kicadText.length)), 0.95)).toBeGreaterThan(P95_MM);
      }
      const missing = distances(kicadText, ours);
      const extra = distances(ours, kicadAll);
      const f = (d: number[]) => ({ p95: Number(quantile(d, 0.95).toFixed(3)), max: Number(quantile(d, 1).toFixed(3)) });
      figures[side] = { kicad_text_strokes: kicadText.length, our_strokes: ours.length, kicad_text_to_ours_mm: f(missing), ours_to_kicad_mm: f(extra) };
      for (const [what, d] of [['a KiCad text point from our silk', missing], ['a point of our silk from KiCad\'s', extra]] as const) {
        expect(quantile(d, 0.95), `${side}: 95 % of samples, ${what}`).toBeLessThanOrEqual(P95_MM);
        expect(quantile(d, 1), `${side}: farthest, ${what}`).toBeLessThanOrEqual(MAX_MM);
      }
    }
    console.info('silk legend via MCP export_gerber', JSON.stringify(figures));
  }, 300_000);
});
