import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { requireKicadOrSkip, runKicadDrc } from '../helpers/kicad-cli.js';
import { approveAsReviewer } from '../helpers/review.js';

/**
 * Land clearance through the tools (docs/drc.md, "Land clearance"): the LIS3DH's LGA-16 has 0.15 mm
 * between its lands, under the board's 0.2 mm. A board with it, run through pipeline_run (place, route,
 * DRC) passes; the gated KiCad export writes the custom rules beside the project, and kicad-cli judges
 * the exported board clean with them and reports exactly those lands without them.
 */
const hasKicad = requireKicadOrSkip();

describe('fine-pitch lands through the tools', () => {
  it('an LIS3DH board passes pipeline_run, and its gated KiCad export carries the rules kicad-cli needs', { timeout: 300_000 }, async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const run = await callTool(client, 'pipeline_run', { design_name: 'acc', intent: 'RP2040 board with an LIS3DH accelerometer', seed: 1 });
    expect(run.data.stages.map((s: { stage: string; ok: boolean }) => `${s.stage}:${s.ok}`)).toEqual(['source:true', 'erc:true', 'place:true', 'route:true', 'drc:true', 'erc-final:true']);
    const drc = (await callTool(client, 'drc_run', { design_name: 'acc' })).data;
    const findings = (drc.findings ?? drc.result?.findings) as { rule_id: string; severity: string }[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

    expect((await approveAsReviewer(runtime, client, 'acc', 'ENG-9')).isError).toBe(false);
    const out = await callTool(client, 'export_kicad', { design_name: 'acc', approval_id: 'ENG-9', output_dir: 'fab' });
    expect(out.data.error).toBeUndefined();
    const file = (ext: string) => readFileSync(join(workspaceDir, `fab/acc.${ext}`), 'utf8');
    const lga = Object.values((await callTool(client, 'design_inspect', { design_name: 'acc' })).data.design.components as Record<string, { ref: string; footprint: string | null }>).find((c) =>
      /^LGA-16/.test(c.footprint ?? ''),
    );
    expect(lga).toBeDefined();
    const dru = file('kicad_dru');
    expect(dru).toContain(`memberOfFootprint('${lga!.ref}')`);
    if (!hasKicad) return;
    const withRules = await runKicadDrc(file('kicad_pcb'), file('kicad_pro'), 180_000, { 'board.kicad_dru': dru });
    expect(withRules.violations.filter((v) => v.type === 'clearance')).toEqual([]);
    const without = await runKicadDrc(file('kicad_pcb'), file('kicad_pro'), 180_000);
    expect(without.violations.filter((v) => v.type === 'clearance').length).toBeGreaterThan(0);
  });
});
