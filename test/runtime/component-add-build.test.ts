import { describe, expect, it } from 'vitest';
import { Component } from '../../src/eda/model/design.js';
import { loadLibrary } from '../../src/eda/library/index.js';
import { footprintFromLibrary } from '../../src/tools/part-footprints.js';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../helpers/harness.js';

const DESIGN = 'meta: {name: b}\nboard: {width_mm: 40, height_mm: 30, layers: 2}\ncomponents:\n  R1: {ref: R1, type: RES, value: 10k}\nnets:\n  A: {nodes: [R1.1]}\n  B: {nodes: []}\n';

/** What component_add recorded before it built the component itself: its input through Component.parse. */
function parsedLikeBefore(input: Record<string, any>) {
  const pins: Record<string, { name: string; type: string; number: string | null }> = Object.create(null);
  for (const p of input.pins ?? []) pins[p.name] = { name: p.name, type: p.type ?? 'unspecified', number: p.number ?? null };
  for (const pin of Object.keys(input.connections ?? {})) if (!Object.hasOwn(pins, pin)) pins[pin] = { name: pin, type: 'unspecified', number: null };
  const asked = Component.parse({ id: input.component_id ?? input.ref, ref: input.ref, type: input.type_name, value: input.value ?? null, footprint: input.footprint ?? null, part_id: input.part_id ?? null, pins });
  return footprintFromLibrary(asked, loadLibrary()).component;
}

describe('component_add builds its component as Component.parse does (log bytes unchanged)', () => {
  it('for bare, library-filled, pinned and connected inputs', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
    const sid = (await callTool(client, 'session_create')).data.session_id as string;
    await callTool(client, 'design_parse_str', { session_id: sid, yaml_content: DESIGN, design_name: 'd' });
    const inputs: Record<string, any>[] = [
      { ref: 'U1', type_name: 'MCU' },
      { ref: 'R2', type_name: 'RES', value: '1k' },
      { ref: 'C1', type_name: 'CAP', value: '100n', footprint: '0402', part_id: 'my-cap', component_id: 'CAP_1' },
      { ref: 'U2', type_name: 'IC', pins: [{ name: 'VCC', type: 'power_in', number: '8' }, { name: '10' }, { name: '2', type: 'output' }], connections: { VCC: 'A', '2': 'B' } },
      { ref: 'J1', type_name: 'CONN', connections: { toString: 'A', '3': 'B', '1': 'A' } },
    ];
    for (const input of inputs) {
      const r = await callTool(client, 'component_add', { session_id: sid, design_name: 'd', ...input });
      expect(r.isError).toBe(false);
    }
    const added = (await runtime.readEvents(sid)).filter((e) => e.type === 'ComponentAdded');
    expect(added).toHaveLength(inputs.length);
    added.forEach((e, i) => {
      const recorded = (e.data as { component: unknown }).component;
      const expected = parsedLikeBefore(inputs[i]!);
      expect(JSON.stringify(recorded)).toBe(JSON.stringify(expected));
      expect(recorded).toEqual(expected);
    });
  });
});
