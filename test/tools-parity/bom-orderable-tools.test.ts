import { describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ESP32_YAML, callTool } from '../helpers/harness.js';
import { mcpSession } from '../helpers/mcp-session.js';
import { SYNTH_INTENTS } from '../eda/export/parity/parity.js';

/**
 * An orderable BOM (docs/exports.md, "BOM: manufacturer and MPN") asked of the tools over MCP, the
 * same judgements test/eda/export/bom-orderable.test.ts makes on `bomLines`: every synthesis template
 * kind (synthesize_design) and the ESP32 corpus node (design_parse_str), exported with
 * export_bom_json and export_bom_csv.
 */
type Line = { refs: string[]; quantity: number; value: string; footprint: string; mpn: string | null; manufacturer: string | null; source?: string; orderable?: boolean };

/** The imported library's placeholders: CC0603, CC0603-100N, R0402, RES-0603-10k, LED-0603, PINHD-1x4, TB-2P-5MM, USB-C-16P-SMD. */
const PLACEHOLDER = /^(CC|RC|R|C|RES|CAP|LED)[-_]?\d{4}([-_]\d+[A-Za-z]*\d*)?$|^PINHD-|^TB-\dP|^USB-C-16P/i;

async function bom(client: Client, sid: string, name: string): Promise<Line[]> {
  const json = await callTool(client, 'export_bom_json', { session_id: sid, design_name: name });
  expect(json.isError).toBe(false);
  const lines = json.data.lines as Line[];
  // The CSV tool writes the same lines: one record per line after the header, the MPN in column 5.
  const csv = await callTool(client, 'export_bom_csv', { session_id: sid, design_name: name });
  expect(csv.isError).toBe(false);
  const records = (csv.data.csv as string).trim().split(/\r?\n/);
  expect(records).toHaveLength(lines.length + 1);
  for (const l of lines) if (l.mpn !== null) expect(csv.data.csv as string).toContain(l.mpn);
  return lines;
}

function judge(name: string, lines: Line[]) {
  expect(lines.length, name).toBeGreaterThan(0);
  for (const l of lines) {
    const at = `${name} ${l.refs.join(' ')}`;
    expect(l.value, at).not.toBe('');
    if (l.mpn !== null) expect(l.mpn, at).not.toMatch(PLACEHOLDER);
    expect(l.manufacturer ?? '', at).not.toMatch(/^generic$/i);
    // A line without an MPN is a board feature or says it is not orderable.
    if (l.mpn === null) expect(l.orderable === true ? 'feature' : l.source, at).toMatch(/feature|no orderable part/);
  }
  const features = lines.filter((l) => l.mpn === null && l.orderable === true).length;
  return { withMpn: lines.filter((l) => l.mpn !== null && l.manufacturer !== null).length, orderableLines: lines.length - features };
}

describe('BOM export tools: every line can be ordered or says why not (MCP)', () => {
  it('every synthesis template kind: no placeholder MPN, no "Generic" maker, a value on every line, at least 9 in 10 lines with maker + MPN; the RS-485 node orders MAX3485ESA+T', { timeout: 300_000 }, async () => {
    const { runtime, client, sid } = await mcpSession();
    try {
      for (const [i, intent] of SYNTH_INTENTS.entries()) {
        const made = await callTool(client, 'synthesize_design', { session_id: sid, intent, design_name: `s${i}` });
        expect(made.isError, intent).toBe(false);
        const lines = await bom(client, sid, `s${i}`);
        const f = judge(intent, lines);
        expect(f.withMpn / f.orderableLines, intent).toBeGreaterThanOrEqual(0.9);
        if (intent === 'STM32 RS-485 node') {
          const max = lines.find((l) => l.mpn?.startsWith('MAX3485'));
          expect(max).toMatchObject({ mpn: 'MAX3485ESA+T' });
          const fp = await callTool(client, 'footprint_get', { name: max!.footprint });
          expect(fp.data.footprint.name).toBe('SOIC-8');
        }
      }
    } finally {
      await runtime.close();
    }
  });

  it("the ESP32 corpus node, an IC's part number as its value, and a 12 V rail's 10 µF capacitor rated 25 V", { timeout: 60_000 }, async () => {
    const { runtime, client, sid } = await mcpSession();
    try {
      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: ESP32_YAML(), design_name: 'esp' })).isError).toBe(false);
      judge('esp32', await bom(client, sid, 'esp'));

      const parts = JSON.stringify({
        meta: { name: 'parts' },
        components: {
          U1: { type: 'NE555', part_id: 'ne555p', footprint: 'DIP-8' },
          C1: { type: 'capacitor', value: '10uF', footprint: '0805', pins: { '1': { net: '+12V' }, '2': { net: 'GND' } } },
        },
      });
      expect((await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: parts, design_name: 'parts' })).isError).toBe(false);
      const lines = await bom(client, sid, 'parts');
      expect(lines.find((l) => l.refs.includes('U1'))).toMatchObject({ value: 'NE555P', mpn: 'NE555P', manufacturer: 'Texas Instruments' });
      // Samsung CL21A106KAYNNNE: 10 µF, 25 V, X5R, 0805 — the lowest rating covering a 12 V rail (passives.ts)
      expect(lines.find((l) => l.refs.includes('C1'))).toMatchObject({ mpn: 'CL21A106KAYNNNE', manufacturer: 'Samsung Electro-Mechanics' });
    } finally {
      await runtime.close();
    }
  });
});
