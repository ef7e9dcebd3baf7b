import { describe, expect, it } from 'vitest';
import { buildBoardGeometry } from '../../src/eda/board/index.js';
import { writeKicadDru, writeKicadPcb, writeKicadPro } from '../../src/eda/export/kicad/index.js';
import { mapPinsToPads, resolveFootprint } from '../../src/eda/footprints/index.js';
import { loadLibrary } from '../../src/eda/library/index.js';
import { Design } from '../../src/eda/model/design.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { requireKicadOrSkip, runKicadDrc } from '../helpers/kicad-cli.js';

/**
 * Land clearance through the tools (docs/drc.md, "Land clearance"): the LIS3DH's LGA-16 has 0.15 mm
 * between its lands, under the board's 0.2 mm. A synthesized board with it, placed and routed, passes
 * drc_run; kicad-cli agrees when given the custom rules the KiCad export writes, and without them
 * reports exactly those lands.
 */
const hasKicad = requireKicadOrSkip();

describe('fine-pitch lands through the tools', () => {
  it('an LIS3DH board passes drc_run, and kicad-cli with the exported rules agrees', { timeout: 300_000 }, async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const made = await callTool(client, 'synthesize_design', { intent: 'RP2040 board with an LIS3DH accelerometer', design_name: 'acc' });
    expect(made.isError).toBe(false);
    expect((await callTool(client, 'place_components', { design_name: 'acc', seed: 1 })).isError).toBe(false);
    expect((await callTool(client, 'route_nets', { design_name: 'acc' })).isError).toBe(false);
    const drc = (await callTool(client, 'drc_run', { design_name: 'acc' })).data;
    const findings = (drc.findings ?? drc.result?.findings) as { rule_id: string; severity: string }[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);

    const design = Design.parse((await callTool(client, 'design_inspect', { design_name: 'acc' })).data.design);
    const lga = Object.values(design.components).find((c) => /^LGA-16/.test(c.footprint ?? ''));
    expect(lga).toBeDefined();
    // The geometry and writer the KiCad export uses (src/tools/artifact-builders.ts).
    const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
    const lookupPart = loadLibrary().lookup;
    const dru = writeKicadDru(design, g);
    expect(dru).toContain(`memberOfFootprint('${lga!.ref}')`);
    if (!hasKicad) return;
    const withRules = await runKicadDrc(writeKicadPcb(design, g, { lookupPart }), writeKicadPro(design), 120_000, { 'board.kicad_dru': dru });
    expect(withRules.violations.filter((v) => v.type === 'clearance')).toEqual([]);
    const without = await runKicadDrc(writeKicadPcb(design, g, { lookupPart }), writeKicadPro(design));
    expect(without.violations.filter((v) => v.type === 'clearance').length).toBeGreaterThan(0);
  });
});
