import { describe, expect, it } from 'vitest';
import { callTool, localPrincipal, mcpClient, newRuntime } from '../../helpers/harness.js';
import { buildBoardGeometry, type Rect } from '../../../src/eda/board/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import type { Design } from '../../../src/eda/model/design.js';

/**
 * Decoupling within 3 mm of the pin it serves on synthesized boards, through MCP
 * (docs/placement.md, "Parts that place themselves"), judged on the placed geometry computed
 * here: pad centroid of the capacitor to the nearest pad of the pin. Two boards used to miss it:
 * - the RP2040 motor driver put its H-bridge 0.65 mm from the RP2040 (parts bound to capacitors
 *   were tested only against parts within the capacitors' 0.25 mm gap, not the 1.25 mm everyone
 *   else keeps), with its VCC pin on that side: no room for its 0603, which ended 4.5 mm away;
 * - the 868 MHz LoRa gateway's first VCC capacitor walked from 2.85 to 3.2 mm of the pin while
 *   annealing, so that the second (soft) one could come closer.
 */
const INTENTS = ['RP2040 dual DC motor driver with encoders', 'ESP32 LoRa gateway for 868 MHz'];
/** place_components defaults: courtyard clearance + routing channel (src/eda/place/index.ts). */
const GAP_MM = 0.25 + 1;

interface ReportRow {
  constraint: { component: string; near: string | null; max_distance_mm: number | null };
  kind: string;
  hard: boolean;
}

const rectGap = (a: Rect, b: Rect) => Math.max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3]);

describe('decoupling room on synthesized boards, through MCP', () => {
  for (const intent of INTENTS) {
    it(`${intent}: every hard decoupling capacitor within its distance, other parts a full gap apart`, async () => {
      const { runtime } = await newRuntime();
      const client = await mcpClient(runtime, localPrincipal('sandbox-write'));
      const synth = await callTool(client, 'synthesize_design', { intent, design_name: 'board' });
      expect(synth.isError).toBe(false);
      const placed = await callTool(client, 'place_components', { design_name: 'board', seed: 1 });
      expect(placed.isError).toBe(false);
      expect(placed.data.unplaced).toEqual([]);
      const design = (await callTool(client, 'design_inspect', { design_name: 'board' })).data.design as Design;
      const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
      const refOf = (id: string) => design.components[id]!.ref;
      const report = (placed.data.constraint_report as ReportRow[]).filter((r) => r.kind === 'decoupling');
      const hard = report.filter((r) => r.hard);
      expect(hard.length).toBeGreaterThanOrEqual(2);
      for (const r of hard) {
        const [target, pin] = r.constraint.near!.split('.') as [string, string];
        const capPads = g.pads.filter((p) => p.ref === refOf(r.constraint.component));
        const cx = capPads.reduce((s, p) => s + p.center[0], 0) / capPads.length;
        const cy = capPads.reduce((s, p) => s + p.center[1], 0) / capPads.length;
        const pins = g.pads.filter((p) => p.ref === target && p.pin === pin);
        expect(pins.length).toBeGreaterThan(0);
        const d = Math.min(...pins.map((p) => Math.hypot(p.center[0] - cx, p.center[1] - cy)));
        expect(d, `${refOf(r.constraint.component)} to ${r.constraint.near}`).toBeLessThanOrEqual(r.constraint.max_distance_mm! + 1e-6);
      }
      // Parts bound by a decoupling constraint (capacitor and IC, capacitors of one IC) may stand at
      // the plain clearance; every other pair keeps the clearance plus the routing channel.
      const partners = new Set<string>();
      const byTarget = new Map<string, string[]>();
      for (const r of report) {
        const cap = refOf(r.constraint.component);
        const target = r.constraint.near!.split('.')[0]!;
        partners.add(`${cap}|${target}`).add(`${target}|${cap}`);
        byTarget.set(target, [...(byTarget.get(target) ?? []), cap]);
      }
      for (const caps of byTarget.values()) for (const a of caps) for (const b of caps) partners.add(`${a}|${b}`);
      const fps = g.footprints.filter((f) => f.placement.side === 'top');
      const tooClose: string[] = [];
      for (let i = 0; i < fps.length; i++) {
        for (let j = i + 1; j < fps.length; j++) {
          const a = fps[i]!;
          const b = fps[j]!;
          if (partners.has(`${a.ref}|${b.ref}`)) continue;
          const gap = rectGap(a.courtyardWorld, b.courtyardWorld);
          if (gap < GAP_MM - 1e-6) tooClose.push(`${a.ref}/${b.ref} ${gap.toFixed(2)} mm`);
        }
      }
      expect(tooClose).toEqual([]);
      await client.close();
    }, 120_000);
  }
});
