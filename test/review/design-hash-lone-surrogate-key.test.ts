import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

/**
 * docs/design-hash.md defines the design hash over JCS (RFC 8785), which takes I-JSON only: a string
 * with an unpaired UTF-16 surrogate has no canonical form (RFC 8785 §3.2.2.2; `canonicalize` throws
 * "Lone surrogate is not allowed"). docs/capabilities.md ("Input rules every tool shares") says every
 * string passes the parser's text rule, "no lone surrogates", and docs/workspace.md calls such text
 * `invalid_unicode` (it cannot be stored as UTF-8).
 *
 * The parser checks string *values* with that rule but *keys* only against control and bidi
 * characters (src/eda/parse/sanitize.ts, BAD_IDENT), so design text written with a JSON escape
 * (`"\ud800x": {...}` — the tool argument itself is plain ASCII and passes the tool-level rule) puts a
 * component whose id is a lone surrogate into the design. The runtime then hashes it anyway
 * (JSON.stringify escapes the surrogate), so the design gets a design hash that the documented
 * definition does not give: an approval and check results bind a hash nobody can recompute from
 * docs/design-hash.md, and the part's id is text that every UTF-8 export (KiCad, BOM, SVG) mangles.
 *
 * design_parse_str now refuses the key (INVALID_INPUT naming the components path).
 */
describe('design hash: a component key with a lone surrogate', () => {
  it('design text whose component key is an unpaired surrogate is refused, as the parser refuses it in values', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write', 'local:owner'));
    try {
      const sid = (await callTool(client, 'session_create', {})).data['session_id'] as string;
      const key = 'r\ud800';
      // The definition has no hash for it.
      expect(() => canonicalize({ [key]: 1 })).toThrow(/surrogate/i);
      const component = { ref: 'R1', type: 'resistor', value: '1k', footprint: 'R_0603', pins: { '1': { name: '1', type: 'passive' } } };
      const text = JSON.stringify({ kind: 'zaptrace.design', schema_version: 1, meta: { name: 'S', version: '0.1.0' }, board: { width_mm: 50, height_mm: 50, layers: 2 }, components: { [key]: component } });
      // The argument is ASCII: JSON.stringify wrote the surrogate as the escape \ud800.
      expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
      // The same surrogate in a value is refused today; so must it be in a key.
      const asValue = JSON.stringify({ kind: 'zaptrace.design', schema_version: 1, meta: { name: 'S', version: '0.1.0' }, board: { width_mm: 50, height_mm: 50, layers: 2 }, components: { r1: { ...component, value: key } } });
      const refusedValue = await callTool(client, 'design_parse_str', { session_id: sid, design_name: 'v', yaml_content: asValue });
      expect(refusedValue.isError).toBe(true);

      const res = await callTool(client, 'design_parse_str', { session_id: sid, design_name: 's', yaml_content: text });
      expect(res.isError, `accepted with design_hash ${res.data['design_hash']}`).toBe(true);
      expect(res.data['error']).toMatchObject({ code: 'INVALID_INPUT' });
    } finally {
      await client.close();
      await runtime.close();
    }
  });
});
