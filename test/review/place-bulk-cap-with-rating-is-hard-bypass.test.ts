import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';
import { mcuSixCapsYaml } from '../eda/place/decoupling-designs.js';

/**
 * Defect: src/eda/place/part-roles.ts decouplersOf reads a capacitor's size with parseValue of the
 * whole value text, which gives null for "470uF 25V", "100uF 16V", "10uF/16V", "22uF 0805" (a value
 * with its rating or size, the form the ERC's cap.voltage-rating reads). A null size is taken as a
 * LOCAL bypass (bulk = farads > 1 µF), so a 10 mm electrolytic becomes a HARD 3 mm near constraint
 * on an MCU supply pin (since 3b8fd88 every local bypass is hard), is reported unmet, and takes a
 * bypass slot the 100 nF capacitors needed: they are pushed out and reported unmet too. The same
 * board with the value written "470uF" places with no violation.
 */
async function place(c7Value: string) {
  const yaml = mcuSixCapsYaml('').replace('C7: {ref: C7, type: CAP, value: 4.7uF, footprint: "0805"', `C7: {ref: C7, type: CAP, value: "${c7Value}", footprint: "CP_Radial_D10.0mm_P5.00mm"`);
  expect(yaml).toContain(c7Value);
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    expect((await callTool(client, 'design_parse_str', { yaml_content: yaml, design_name: 'd' })).isError).toBe(false);
    const r = await callTool(client, 'place_components', { design_name: 'd', seed: 1 });
    expect(r.isError).toBe(false);
    type Row = { constraint: { component: string; reason: string }; hard: boolean };
    const c7 = (r.data.constraint_report as Row[]).find((x) => x.constraint.component === 'C7')!;
    return { c7, hardViolations: (r.data.violations as Row[]).filter((v) => v.hard) };
  } finally {
    await runtime.close();
  }
}

describe('review: a bulk electrolytic whose value states its rating', () => {
  it('control: "470uF" is a soft bulk constraint and the board places with no violation', { timeout: 60_000 }, async () => {
    const { c7, hardViolations } = await place('470uF');
    expect(c7.hard).toBe(false);
    expect(c7.constraint.reason).toMatch(/^bulk/);
    expect(hardViolations).toEqual([]);
  });
  // Was a defect: "470uF 25V" was taken for a local bypass (hard 3 mm), unmet, and displaced the 100 nF capacitors; the leading capacitance is read now.
  it('"470uF 25V" is the same bulk capacitor: soft, and no hard violation', { timeout: 60_000 }, async () => {
    const { c7, hardViolations } = await place('470uF 25V');
    expect(c7.hard).toBe(false);
    expect(hardViolations).toEqual([]);
  });
});
