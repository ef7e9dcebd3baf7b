import { describe, expect, it } from 'vitest';
import { callTool, corpusText, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';
import { BOARDS, HELD_OUT_2, HELD_OUT_3, planted } from './planted-set.js';

/**
 * The zt-erc-1.4.0 rules as agents reach them: designs go in through design_parse_str and are
 * judged by erc_validate over an in-process MCP client, with the shipped library and footprints.
 */
interface Finding {
  rule_id: string;
  severity: string;
  message: string;
  components: string[];
  nets: string[];
}

async function session() {
  const { runtime } = await newRuntime();
  const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
  let n = 0;
  const erc = async (text: string): Promise<{ passed: boolean; findings: Finding[] }> => {
    const design_name = `d${n++}`;
    const parsed = await callTool(client, 'design_parse_str', { yaml_content: text, design_name });
    expect(parsed.data.error, design_name).toBeUndefined();
    return (await callTool(client, 'erc_validate', { design_name })).data as { passed: boolean; findings: Finding[] };
  };
  return { client, erc };
}

describe('erc_validate through MCP: rail voltages from feedback dividers and the level rules', () => {
  it('lists the new rules through erc_list_rules', async () => {
    const { client } = await session();
    const ids = ((await callTool(client, 'erc_list_rules', {})).data.rules as { id: string }[]).map((r) => r.id);
    for (const id of ['power.feedback-voltage', 'signal.over-voltage', 'cap.voltage-rating', 'power.ground-pin-not-grounded', 'pin.enable-floating']) expect(ids).toContain(id);
  });

  it('computes the MP2307 divider of the corpus switching-regulator module: 3.85 V on VOUT_3V3', async () => {
    const { erc } = await session();
    const r = await erc(corpusText('zaptrace/designs/templates/switching_regulator_module.yaml'));
    const fb = r.findings.filter((f) => f.rule_id === 'power.feedback-voltage');
    expect(fb).toHaveLength(1);
    expect(fb[0]!.severity).toBe('error');
    expect(fb[0]!.message).toContain('3.85 V');
    expect(fb[0]!.nets).toEqual(['VOUT_3V3', 'VOUT_FB']);
    expect(r.passed).toBe(false);
  });

  it('passes the adjustable-LDO and 24 V boards and catches each second held-out and probe fault with its rule', async () => {
    const { erc } = await session();
    for (const name of ['adj-ldo-sensor-node', '24v-solenoid-controller']) {
      const clean = await erc(JSON.stringify(BOARDS[name]!()));
      expect(clean.findings.filter((f) => f.severity !== 'info'), name).toEqual([]);
    }
    const cleanKeys = new Map<string, Set<string>>();
    for (const fault of [...HELD_OUT_2, ...HELD_OUT_3]) {
      if (!cleanKeys.has(fault.board)) {
        const base = await erc(JSON.stringify(BOARDS[fault.board]!()));
        cleanKeys.set(fault.board, new Set(base.findings.map((f) => `${f.rule_id}|${f.components.join(',')}`)));
      }
      const r = await erc(JSON.stringify(planted(fault)));
      const fresh = r.findings.filter((f) => !cleanKeys.get(fault.board)!.has(`${f.rule_id}|${f.components.join(',')}`));
      expect(fresh.map((f) => f.rule_id).filter((id) => fault.rules.includes(id)), fault.id).not.toEqual([]);
    }
  }, 120_000);
});
