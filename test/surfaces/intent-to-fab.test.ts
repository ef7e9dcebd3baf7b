import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeRuntime } from '../../src/compose.js';
import { steppingClock } from '../../src/kernel/clock.js';
import { createMemoryEventStore } from '../../src/runtime/store/memory-store.js';
import { callTool, localPrincipal, mcpClient, newRuntime, readJsonResource, tempDir } from '../helpers/harness.js';
import { kicadFigures, requireKicadOrSkip, runKicadDrc } from '../helpers/kicad-cli.js';
import { approveAsReviewer } from '../helpers/review.js';

const INTENT = '12V to 3.3V switching regulator module';

describe('from intent to an approved manufacturing bundle through MCP', () => {
  it('lists templates, synthesizes with explanations, and refuses what it does not understand', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    const templates = (await callTool(client, 'list_synthesis_templates')).data.templates;
    expect(templates.length).toBeGreaterThanOrEqual(11);
    const made = await callTool(client, 'synthesize_design', { intent: 'ESP32 I2C sensor node with USB-C power and a BME280', design_name: 'node' });
    expect(made.isError).toBe(false);
    expect(made.data.choices.length).toBeGreaterThan(3);
    expect(made.data.assumptions.length).toBeGreaterThan(0);
    const again = await callTool(client, 'synthesize_design', { intent: 'ESP32 I2C sensor node with USB-C power and a BME280', design_name: 'node2' });
    expect(again.data.design_hash).toBe(made.data.design_hash);
    const unknown = await callTool(client, 'synthesize_design', { intent: 'a quantum flux capacitor', design_name: 'x' });
    expect(unknown.data.error.code).toBe('INVALID_INPUT');
    expect(unknown.data.error.details.path).toBe('intent');
    expect(made.data.unmet).toEqual([]);
  });

  it('composes from blocks, reports every named element, and refuses what has nothing buildable', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    const toaster = await callTool(client, 'synthesize_design', { intent: 'toaster', design_name: 't' });
    expect(toaster.data.error.code).toBe('INVALID_INPUT');
    expect(toaster.data.error.details.unknown).toEqual(['toaster']);
    expect((await callTool(client, 'design_list')).data.designs ?? []).toEqual([]);

    const ldo = await callTool(client, 'synthesize_design', { intent: '3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes', design_name: 'ldo' });
    expect(ldo.data.template).toBe('composed');
    const status = Object.fromEntries(ldo.data.elements.map((e: { element: string; status: string }) => [e.element, e.status]));
    expect(status).toMatchObject({ 'LDO regulator': 'placed', 'power LED': 'placed', '2 mounting holes': 'placed', '3.3 V rail': 'placed', '5 V rail': 'placed' });
    // Unmet elements are named in `unmet`, never left out.
    for (const [element, st] of Object.entries(status)) if (st === 'unmet') expect(ldo.data.unmet.join(' ')).toContain(element);
    const parts = Object.values((await callTool(client, 'design_inspect', { design_name: 'ldo' })).data.design.components) as { part_id: string | null; footprint: string | null }[];
    expect(parts.filter((c) => /MountingHole/.test(c.footprint ?? ''))).toHaveLength(2);
    expect(parts.some((c) => /esp32|nrf52|rp2040|stm32|attiny/.test(c.part_id ?? ''))).toBe(false);

    const tag = await callTool(client, 'synthesize_design', { intent: 'nRF52840 humidity tag from a coin cell', design_name: 'tag' });
    expect(tag.data.unmet).toEqual([]);
    expect(tag.data.elements.find((e: { element: string }) => e.element === 'humidity sensor').status).toBe('placed');
  });

  it('pipeline_run(intent) → design_commit → export_manufacturing, audited step by step, replaying to the same files', async () => {
    const { runtime, workspaceDir } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('release-export'));
    const run = await callTool(client, 'pipeline_run', { design_name: 'reg', intent: INTENT, seed: 1 });
    expect(run.data.error).toBeUndefined();
    expect(run.data.stages.map((s: { stage: string; ok: boolean }) => `${s.stage}:${s.ok}`)).toEqual(['source:true', 'erc:true', 'place:true', 'route:true', 'drc:true', 'erc-final:true']);
    // The agent that built the design cannot approve it; a reviewer the owner names does.
    const self = await callTool(client, 'design_commit', { design_name: 'reg', approval_id: 'ENG-42', statement: 'looks fine to me' });
    expect(self.data.error.code).toBe('SELF_APPROVAL');
    const commit = await approveAsReviewer(runtime, client, 'reg', 'ENG-42');
    expect(commit.data.design_hash).toBe(run.data.design_hash);
    const sid = (await callTool(client, 'session_list')).data.sessions[0].session_id;
    const logBeforeExport = await runtime.readEvents(sid);
    const out = await callTool(client, 'export_manufacturing', { design_name: 'reg', approval_id: 'ENG-42', output_dir: 'release' });
    expect(out.data.error).toBeUndefined();
    const audit = await readJsonResource(client, 'zaptrace://audit/events');
    expect(audit.events.map((e: { tool: string; principal: string; outcome: string }) => `${e.tool}:${e.principal}:${e.outcome}`)).toEqual([
      'pipeline_run:local:test:ok',
      'design_commit:local:test:SELF_APPROVAL',
      'session_add_reviewer:local:test:ok',
      'design_commit:local:reviewer:ok',
      'export_manufacturing:local:test:ok',
    ]);

    const store = createMemoryEventStore();
    await store.append(sid, logBeforeExport, 0);
    const ws2 = tempDir('zt-ws-');
    const replayed = await composeRuntime({ workspaceDir: ws2, store, clock: steppingClock() });
    const client2 = await mcpClient(replayed, localPrincipal('release-export'));
    await callTool(client2, 'export_manufacturing', { session_id: sid, design_name: 'reg', approval_id: 'ENG-42', output_dir: 'release' });
    expect(readFileSync(join(ws2, 'release/reg-fab.zip')).equals(readFileSync(join(workspaceDir, 'release/reg-fab.zip')))).toBe(true);
  });

  it('an intent naming a library I2C part by number gets that part on the bus with pull-ups and decoupling, routed and DRC-clean', async () => {
    const { runtime } = await newRuntime();
    const client = await mcpClient(runtime, localPrincipal('preview-write'));
    const intent = 'ESP32 board with a TMP117 temperature sensor';
    const made = await callTool(client, 'synthesize_design', { intent, design_name: 'temp' });
    expect(made.isError).toBe(false);
    expect(made.data.unmet).toEqual([]);
    const el = made.data.elements.find((e: { element: string }) => e.element === 'TMP117');
    expect(el.status).toBe('placed');
    const d = (await callTool(client, 'design_inspect', { design_name: 'temp' })).data.design as { components: Record<string, { id: string; ref: string; part_id: string | null; value: string | null }>; nets: Record<string, { name: string; nodes: { component: string; pin: string }[] }> };
    const t = Object.values(d.components).find((c) => c.part_id === 'tmp117naidrl')!;
    expect(el.by).toEqual([t.ref]);
    const net = (pin: string) => Object.values(d.nets).find((n) => n.nodes.some((x) => x.component === t.id && x.pin === pin))?.name;
    expect([net('SDA'), net('SCL'), net('VDD'), net('GND'), net('ADD0')]).toEqual(['I2C_SDA', 'I2C_SCL', '+3V3', 'GND', 'GND']);
    for (const bus of ['I2C_SDA', 'I2C_SCL']) {
      const refs = d.nets[bus]!.nodes.map((x) => d.components[x.component]!);
      expect(refs.some((c) => c.ref.startsWith('R') && /k$/.test(c.value ?? ''))).toBe(true);
      expect(refs.some((c) => /esp32/.test(c.part_id ?? ''))).toBe(true);
    }
    const run = await callTool(client, 'pipeline_run', { design_name: 'temp2', intent, seed: 1 });
    expect(run.data.stages.map((s: { stage: string; ok: boolean }) => `${s.stage}:${s.ok}`)).toEqual(['source:true', 'erc:true', 'place:true', 'route:true', 'drc:true', 'erc-final:true']);
    expect(run.data.stages.find((s: { stage: string }) => s.stage === 'route').detail.unrouted).toBe(0);
  }, 120_000);

  // Fine-pitch parts (RP2040 QFN-56 at 0.4 mm and USB-C D± at 0.5 mm; nRF52840 aQFN-73) only route
  // with neck-down, grid-aligned placement and the narrowed lands; the exported board goes to kicad-cli.
  const hasKicad = requireKicadOrSkip();
  for (const [name, intent] of [['kbd', 'RP2040 USB keyboard'], ['ble', 'battery powered nRF52840 BLE temperature sensor']] as const) {
    it(`${intent}: pipeline_run routes 100 % and the gated .kicad_pcb export is kicad-cli clean (the nRF52840 board on its certified module passes the RF check)`, async () => {
      const { runtime, workspaceDir } = await newRuntime();
      const client = await mcpClient(runtime, localPrincipal('release-export'));
      const run = await callTool(client, 'pipeline_run', { design_name: name, intent, seed: 1 });
      expect(run.data.stages.map((s: { stage: string; ok: boolean }) => `${s.stage}:${s.ok}`)).toEqual(['source:true', 'erc:true', 'place:true', 'route:true', 'drc:true', 'erc-final:true']);
      const route = run.data.stages.find((s: { stage: string }) => s.stage === 'route');
      expect(route.detail.unrouted).toBe(0);
      expect((await approveAsReviewer(runtime, client, name, 'ENG-7')).isError).toBe(false);
      const out = await callTool(client, 'export_kicad', { design_name: name, approval_id: 'ENG-7', output_dir: 'fab' });
      if (name === 'ble') {
        // The nRF52840 board is built on the certified MDBT50Q-1MV2 module (crystal, match and antenna
        // inside, supply decoupled on the board): the gate's RF check passes and the export goes out.
        const parts = Object.values((await callTool(client, 'design_inspect', { design_name: name })).data.design.components) as { part_id: string | null }[];
        expect(parts.map((c) => c.part_id)).toContain('mdbt50q-1mv2');
        expect(parts.map((c) => c.part_id)).not.toContain('nrf52840-qiaa');
      }
      expect(out.data.error).toBeUndefined();
      const board = readFileSync(join(workspaceDir, `fab/${name}.kicad_pcb`), 'utf8');
      // necked copper is in the file: 0.15 mm segments next to the RP2040's fine-pitch pads
      if (name === 'kbd') expect(board).toMatch(/\(segment [^\n]*\(width 0\.15\)/);
      if (!hasKicad) return;
      const k = kicadFigures(await runKicadDrc(board, readFileSync(join(workspaceDir, `fab/${name}.kicad_pro`), 'utf8'), 180_000));
      expect({ errors: k.types, unconnected: k.unconnected }).toEqual({ errors: {}, unconnected: 0 });
    }, 240_000);
  }
});
