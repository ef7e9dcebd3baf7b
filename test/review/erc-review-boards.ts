import { expect } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

/**
 * Small ZapTrace design documents for the ERC review tests, in the form of
 * test/eda/erc/planted-set.ts (pins "NAME:type:NET"), judged by erc_validate over an MCP client.
 */
export interface ReviewFinding {
  rule_id: string;
  severity: string;
  message: string;
  components: string[];
  nets: string[];
}
type Pin = string | { name: string; type: string; net?: string; current_domain?: string; description?: string };
export interface ReviewComp {
  ref: string;
  type: string;
  footprint: string;
  value?: string;
  voltage_supply?: string;
  pins: Record<string, { name: string; type: string; net?: string }>;
}

export function comp(ref: string, type: string, pins: Pin[], extra: { value?: string; voltage_supply?: string; footprint?: string } = {}): ReviewComp {
  const objs = pins.map((p) => {
    if (typeof p !== 'string') return p;
    const [name, type, net] = p.split(':');
    return { name: name!, type: type!, ...(net ? { net } : {}) };
  });
  return { ref, type, footprint: extra.footprint ?? 'R_0603_1608Metric', ...extra, pins: Object.fromEntries(objs.map((p) => [p.name, p])) };
}
export const res = (ref: string, value: string, a: string, b: string) => comp(ref, 'RES', [`1:passive:${a}`, `2:passive:${b}`], { value });
export const cap = (ref: string, value: string, a: string, b: string) => comp(ref, 'CAP', [`1:passive:${a}`, `2:passive:${b}`], { value });
export const out = (name: string, net: string) => ({ name, type: 'power', current_domain: 'POWER_OUT', net });

export function doc(name: string, comps: ReviewComp[]) {
  return {
    kind: 'zaptrace.design',
    schema_version: 1,
    meta: { name, description: name },
    board: { width_mm: 60, height_mm: 40, layers: 2 },
    components: Object.fromEntries(comps.map((c) => [c.ref.toLowerCase(), c])),
  };
}

/** erc_validate's findings for each document, one runtime for all. */
export async function ercFindings(...docs: ReturnType<typeof doc>[]): Promise<ReviewFinding[][]> {
  const { runtime } = await newRuntime();
  try {
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const out: ReviewFinding[][] = [];
    for (const [i, d] of docs.entries()) {
      const parsed = await callTool(client, 'design_parse_str', { yaml_content: JSON.stringify(d), design_name: `d${i}` });
      expect(parsed.data.error, JSON.stringify(parsed.data.error)).toBeUndefined();
      out.push((await callTool(client, 'erc_validate', { design_name: `d${i}` })).data.findings as ReviewFinding[]);
    }
    return out;
  } finally {
    await runtime.close();
  }
}

export const ruleHits = (fs: ReviewFinding[], rule: string) => fs.filter((f) => f.rule_id === rule);
