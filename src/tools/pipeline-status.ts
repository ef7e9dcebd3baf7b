import { z } from 'zod';
import { own } from '../kernel/own.js';
import { approvalCounts } from '../runtime/approval-policy.js';
import { authorsOf } from '../runtime/projections/authorship.js';
import type { EventDataByType } from '../runtime/events/catalog.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';

type Status = 'done' | 'failed' | 'stale' | 'pending';

/**
 * Where a design stands in the pipeline, judged against its CURRENT state hash: a check run on an
 * earlier state is "stale", as the release gate would judge it (contract.md, "Release gate").
 */
export const pipelineStatusTool = sessionTool({
  name: 'pipeline_status',
  title: 'Pipeline status',
  description: 'Stages done/failed/stale/pending at the current hash; next tool.',
  level: 'read',
  input: { design_name: DesignName },
  output: looseObject({ next: z.string() }),
  async handler(input, ctx) {
    const entry = requireDesign(ctx.state, input.design_name);
    const d = entry.design;
    const parts = Object.values(d.components).filter((c) => !c.dnp && c.footprint !== null).length;
    const placed = Object.keys(d.placement).length;
    const ev = own(ctx.state.evidence, input.design_name) ?? {};
    const check = (r: { passed: boolean; evaluated_hash: string } | undefined): Status => (!r ? 'pending' : r.evaluated_hash !== entry.hash ? 'stale' : r.passed ? 'done' : 'failed');
    // Routing completion and simulations live only in their events: the last of each for this design.
    let routed: EventDataByType['NetsRouted']['completion'] | null = null;
    let sim: EventDataByType['SimulationRecorded'] | null = null;
    for (const e of await ctx.runtime.readEvents(ctx.sessionId!, { from: entry.created_seq })) {
      const data = e.data as { design_name?: string };
      if (data.design_name !== input.design_name) continue;
      if (e.type === 'NetsRouted') routed = (e.data as EventDataByType['NetsRouted']).completion;
      if (e.type === 'ComponentsPlaced' || e.type === 'DesignParsed' || e.type === 'DesignRestored') routed = null;
      if (e.type === 'SimulationRecorded') sim = e.data as EventDataByType['SimulationRecorded'];
    }
    const hasCopper = d.routing.tracks.length > 0;
    const approved = ctx.state.approvals.some(
      (a) => a.design_name === input.design_name && a.design_hash === entry.hash && approvalCounts(ctx.services.approvalPolicy, a.principal, authorsOf(ctx.state, input.design_name)),
    );
    const stages: { stage: string; status: Status; detail: string }[] = [
      { stage: 'place', status: placed >= parts && parts > 0 ? 'done' : 'pending', detail: `${placed}/${parts} placed` },
      { stage: 'route', status: routed && hasCopper ? (routed.complete ? 'done' : 'failed') : 'pending', detail: routed && hasCopper ? `${routed.routed}/${routed.total} connections` : 'not routed since the last placement' },
      { stage: 'erc', status: check(ev.erc), detail: ev.erc ? `${ev.erc.counts.error} errors at seq ${ev.erc.seq}` : 'never run' },
      { stage: 'drc', status: check(ev.drc), detail: ev.drc ? `${ev.drc.counts.error} errors at seq ${ev.drc.seq}` : 'never run' },
      { stage: 'simulation', status: check(sim ?? undefined), detail: sim ? `${sim.counts.error} errors` : 'never run (optional)' },
      { stage: 'approval', status: approved ? 'done' : 'pending', detail: approved ? 'approved at this hash' : 'no independent approval of this state' },
    ];
    const order = ['place', 'route', 'erc', 'drc', 'approval'];
    const next = stages.find((s) => order.includes(s.stage) && s.status !== 'done');
    const tool: Record<string, string> = { place: 'place_components', route: 'route_nets', erc: 'erc_validate', drc: 'drc_run', approval: 'design_commit' };
    return { result: { design_name: input.design_name, design_hash: entry.hash, stages, next: next ? tool[next.stage]! : 'export_manufacturing' } };
  },
});
