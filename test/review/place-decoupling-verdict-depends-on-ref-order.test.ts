import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { mcuSixCapsYaml } from '../eda/place/decoupling-designs.js';
import { hardViolations, placementReport } from '../../src/eda/place/verify.js';
import { mapPinsToPads, resolveFootprint } from '../../src/eda/footprints/index.js';
import { Design } from '../../src/eda/model/design.js';

/**
 * Defect: the release gate (src/runtime/release-gate.ts step 3d, placementReport + hardViolations
 * of src/eda/place/verify.ts) judges decoupling with a FIXED capacitor-to-pin assignment made from
 * reference order (src/eda/place/part-roles.ts decouplersOf: caps in ascending ref, round robin
 * over the supply pins in net-node order), not from where the capacitors are. Since every local
 * bypass is a hard constraint (3b8fd88), swapping the positions of two identical 100 nF 0402
 * capacitors on the same two nets (the same copper, the same board) turns a board the gate accepts
 * into one it refuses. Any board placed by hand or imported (KiCad) whose reference numbers do not
 * follow the node order of the supply pins is refused though every pin has its capacitor at 1 mm.
 */
async function placedDesign(): Promise<Design> {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    expect((await callTool(client, 'design_parse_str', { yaml_content: mcuSixCapsYaml(''), design_name: 'd' })).isError).toBe(false);
    const r = await callTool(client, 'place_components', { design_name: 'd', seed: 1 });
    expect(r.isError).toBe(false);
    return Design.parse((await callTool(client, 'design_inspect', { design_name: 'd' })).data.design);
  } finally {
    await runtime.close();
  }
}

const unmet = (d: Design) => hardViolations(placementReport(d, resolveFootprint, mapPinsToPads)).map((u) => u.constraint.component);

function swapped(d: Design, a: string, b: string): Design {
  const raw = JSON.parse(JSON.stringify(d)) as { placement: Record<string, unknown> };
  [raw.placement[a], raw.placement[b]] = [raw.placement[b], raw.placement[a]];
  return Design.parse(raw);
}

describe('review: the decoupling verdict of the release gate', () => {
  it('control: the placer’s board has no unmet hard constraint, and C1/C3 serve different pins', { timeout: 60_000 }, async () => {
    const d = await placedDesign();
    expect(unmet(d)).toEqual([]);
    const near = (id: string) => placementReport(d, resolveFootprint, mapPinsToPads).find((r) => r.constraint.component === id)!.constraint.near;
    expect(near('C1')).not.toBe(near('C3'));
  });
  // Was a defect: swapping two identical capacitors changed the gate's verdict (capacitors were paired with pins by ref order); a rail's capacitors now serve its pins by where they stand.
  it('swapping the places of two identical 100 nF capacitors leaves the verdict unchanged', { timeout: 60_000 }, async () => {
    const d = await placedDesign();
    expect(unmet(swapped(d, 'C1', 'C3'))).toEqual([]);
  });
});
