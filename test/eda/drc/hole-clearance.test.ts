import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDrc } from '../../../src/eda/drc/index.js';
import { routeNets } from '../../../src/eda/route/index.js';
import { writeKicadPcb, writeKicadPro } from '../../../src/eda/export/kicad/index.js';
import { inTempDir, runTool } from '../../helpers/external-tool.js';
import { requireKicadOrSkip, runKicadDrc } from '../../helpers/kicad-cli.js';
import { geometryOf, resolve, twoResistors } from './fixtures.js';
import type { Design } from '../../../src/eda/model/design.js';

/**
 * Copper to a non-plated hole keeps KiCad 9's default hole clearance, 0.25 mm (Board Setup →
 * Constraints, "Copper to hole clearance"), above the board's 0.2 mm copper clearance: our DRC
 * holds tracks to it, the router keeps tracks that far from NPTH edges, and the exported project
 * says the same, so kicad-cli agrees with or without the .kicad_pro beside the board.
 */
const hasKicad = requireKicadOrSkip();

/** SIG runs along y = 10 (0.25 mm wide, edge at 10.125); a 3.2 mm NPTH sits `gap` mm below its edge. */
function trackByHole(gap: number): Design {
  return twoResistors({
    components: { h1: { id: 'h1', ref: 'H1', type: 'hole', footprint: 'HOLE' } },
    placement: { h1: { x_mm: 15, y_mm: 10.125 + gap + 1.6, rotation_deg: 0, side: 'top' } },
  });
}

const clearanceFindings = (d: Design) => runDrc(d, geometryOf(d)).findings.filter((f) => f.rule_id === 'DRC_CLEARANCE');

async function kicadDefaultRuleErrors(d: Design): Promise<string[]> {
  return inTempDir('zt-hole-', { 'board.kicad_pcb': writeKicadPcb(d, geometryOf(d)) }, async (dir) => {
    await runTool('kicad-cli', ['pcb', 'drc', '--severity-error', '--format', 'json', '-o', 'out.json', 'board.kicad_pcb'], dir, 120_000);
    const j = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8')) as { violations: { type: string }[] };
    return j.violations.map((v) => v.type);
  });
}

describe('hole clearance: copper to a non-plated hole', () => {
  it('our DRC flags a track 0.22 mm from an NPTH edge (required 0.25 mm) and passes one 0.27 mm away', () => {
    const near = clearanceFindings(trackByHole(0.22));
    expect(near).toHaveLength(1);
    expect(near[0]!.required_mm).toBe(0.25);
    expect(near[0]!.measured_mm).toBeCloseTo(0.22, 3);
    expect(clearanceFindings(trackByHole(0.27))).toEqual([]);
  });

  it('the exported project sets KiCad min_hole_clearance to 0.25 mm', () => {
    const pro = JSON.parse(writeKicadPro(trackByHole(0.27))) as { board: { design_settings: { rules: { min_hole_clearance: number } } } };
    expect(pro.board.design_settings.rules.min_hole_clearance).toBe(0.25);
  });

  it('the router keeps a track at least 0.25 mm from an NPTH standing in its way', () => {
    const d = twoResistors({
      tracks: [],
      components: { h1: { id: 'h1', ref: 'H1', type: 'hole', footprint: 'HOLE' } },
      placement: { h1: { x_mm: 15, y_mm: 10, rotation_deg: 0, side: 'top' } },
    });
    const r = routeNets(d, resolve);
    expect(r.completion.complete).toBe(true);
    d.routing = { tracks: r.tracks, vias: r.vias };
    let closest = Infinity;
    for (const t of r.tracks) {
      // distance from the hole centre (15, 10) to the segment, minus the hole radius and half the width
      const [ax, ay] = t.start;
      const [bx, by] = t.end;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((15 - ax) * dx + (10 - ay) * dy) / len2));
      const dist = Math.hypot(ax + u * dx - 15, ay + u * dy - 10) - 1.6 - t.width_mm / 2;
      closest = Math.min(closest, dist);
    }
    expect(closest).toBeGreaterThanOrEqual(0.25 - 1e-6);
    expect(closest).toBeLessThan(1.5); // it went round the hole, not round the board
    expect(clearanceFindings(d)).toEqual([]);
  });
});

describe.runIf(hasKicad)('hole clearance: kicad-cli agrees', () => {
  it('0.22 mm: kicad-cli reports hole_clearance with our project and with KiCad defaults; 0.27 mm: clean for both', { timeout: 60_000 }, async () => {
    const near = trackByHole(0.22);
    const withPro = await runKicadDrc(writeKicadPcb(near, geometryOf(near)), writeKicadPro(near));
    expect(withPro.violations.map((v) => v.type)).toEqual(['hole_clearance']);
    expect(await kicadDefaultRuleErrors(near)).toEqual(['hole_clearance']);
    const far = trackByHole(0.27);
    const farPro = await runKicadDrc(writeKicadPcb(far, geometryOf(far)), writeKicadPro(far));
    expect(farPro.violations).toEqual([]);
    expect(await kicadDefaultRuleErrors(far)).toEqual([]);
  });
});
