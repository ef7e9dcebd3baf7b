import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { buildSpiceNetlist } from '../eda/sim/spice-netlist.js';
import { capacitorRating, judgeOp, parseOpOutput } from '../eda/sim/op-report.js';
import { runNgspice } from '../runtime/external/ngspice.js';
import type { EventDataByType } from '../runtime/events/catalog.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import type { Design } from '../eda/model/design.js';

// Range checked by refine, not in the JSON schema, to keep tools/list small (test/surfaces/tool-metadata.test.ts).
const Supplies = z.record(z.string(), z.number()).default({}).refine((r) => Object.entries(r).every(([k, v]) => k.length <= 200 && Math.abs(v) <= 1000), 'net names ≤ 200 characters, volts within ±1000').describe('Extra rails: net → volts.');

export const simTools = [
  sessionTool({
    name: 'export_spice',
    title: 'SPICE netlist of a design',
    description: 'ngspice DC netlist (R, C, L, diodes; rails as sources).',
    level: 'read',
    input: { design_name: DesignName, supplies: Supplies },
    output: looseObject({ netlist: z.string() }),
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const n = buildSpiceNetlist(entry.design, input.supplies);
      return { result: { design_hash: entry.hash, netlist: n.text, sources: n.sources, elements: n.elements.length, unmodelled: n.unmodelled, assumptions: n.assumptions } };
    },
  }),
  sessionTool({
    name: 'simulation_gate',
    title: 'DC operating point check',
    description: 'DC operating point by ngspice, checked and recorded.',
    level: 'sandbox-write',
    input: { design_name: DesignName, supplies: Supplies },
    output: looseObject({ passed: z.boolean() }),
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const { data, result } = await simulateDesign(ctx, input.design_name, entry.design, entry.hash, input.supplies);
      return { events: [{ type: 'SimulationRecorded', data }], result };
    },
  }),
];

/** ngspice .op of one design state, judged; the SimulationRecorded data and the answer (simulation_gate, pipeline_run_stage). */
export async function simulateDesign(ctx: Ctx, name: string, design: Design, hash: string, supplies: Record<string, number>) {
  const netlist = buildSpiceNetlist(design, supplies);
  if (netlist.sources.length === 0) {
    throw new ZapTraceError('INVALID_INPUT', 'no rail voltage known: name power nets with their voltage (3V3, 5V) or pass supplies', { path: 'supplies' });
  }
  const run = await runNgspice(netlist.text, Math.min(30_000, ctx.remainingMs() - 500));
  if (run.missing) throw new ZapTraceError('INVALID_INPUT', 'ngspice is not installed on this server', { path: 'design_name', reason: 'ngspice_missing' });
  if (run.timedOut) throw new ZapTraceError('DEADLINE_EXCEEDED', 'ngspice did not finish in time');
  const op = run.ok ? parseOpOutput(run.stdout) : null;
  const findings: unknown[] = [];
  let judged: ReturnType<typeof judgeOp> | null = null;
  if (!op) {
    findings.push({ severity: 'error', rule: 'op-no-solution', ref: '', message: 'ngspice found no DC operating point', detail: firstError(run.stderr + '\n' + run.stdout) });
  } else {
    const ratings: Record<string, number> = {};
    for (const c of Object.values(design.components)) {
      const r = capacitorRating(c.value);
      if (r !== null) ratings[c.ref] = r;
    }
    judged = judgeOp(netlist, op, ratings);
    findings.push(...judged.findings);
  }
  const counts = { error: findings.filter((f) => (f as { severity: string }).severity === 'error').length, warning: findings.filter((f) => (f as { severity: string }).severity === 'warning').length };
  const data: EventDataByType['SimulationRecorded'] = { design_name: name, engine: 'ngspice', analysis: 'op', evaluated_hash: hash, passed: counts.error === 0, counts, findings, rails: judged?.rails ?? [] };
  const result = { ...data, resistors: judged?.resistors ?? [], node_voltages: judged?.node_voltages ?? {}, unmodelled: netlist.unmodelled, assumptions: netlist.assumptions };
  return { data, result };
}

/** The first error line ngspice printed, without any path (the netlist lives in a scratch directory). */
function firstError(text: string): string {
  const line = text.split('\n').find((l) => /error|singular|no convergence|failed/i.test(l)) ?? '';
  return line.replace(/\/[^\s:]+/g, '<file>').trim().slice(0, 200);
}
