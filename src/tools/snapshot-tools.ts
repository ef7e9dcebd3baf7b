import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { own } from '../kernel/own.js';
import type { EventDataByType } from '../runtime/events/catalog.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designSummary } from './design-views.js';

/**
 * Snapshots over the log (docs/zaptrace-parity.md): a snapshot is a label on a log position, a
 * rollback appends the earlier design as a new event. Nothing is deleted, so replay and audit still
 * show every state the design went through.
 */
// Checked by refine, not a JSON-schema pattern: the tool list stays small (test/surfaces/tool-metadata.test.ts).
const Label = z.string().min(1).max(80).refine((s) => /^[\p{L}\p{N}][\p{L}\p{N} ._:+-]*$/u.test(s), 'letters, digits, space and ._:+- only').describe('Snapshot label.');

type Snapshot = EventDataByType['SnapshotLabeled'] & { seq: number; at: string; by: string };

/** Every label the session's log holds for a design, oldest first (labels are rare: one read of the log). */
async function snapshotsOf(ctx: Ctx, designName: string): Promise<Snapshot[]> {
  const events = await ctx.runtime.readEvents(ctx.sessionId!);
  return events
    .filter((e) => e.type === 'SnapshotLabeled' && (e.data as Snapshot).design_name === designName)
    .map((e) => ({ ...(e.data as EventDataByType['SnapshotLabeled']), seq: e.seq, at: e.at, by: e.actor.principal }));
}

export const snapshotTools = [
  sessionTool({
    name: 'design_snapshot',
    title: 'Snapshot a design',
    description: 'Labels the design\'s current log position for design_rollback.',
    level: 'sandbox-write',
    input: { design_name: DesignName, label: Label, note: z.string().max(500).default('').describe('Why.') },
    output: looseObject({ at_seq: z.number() }),
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      if ((await snapshotsOf(ctx, input.design_name)).some((s) => s.label === input.label)) {
        throw new ZapTraceError('INVALID_INPUT', `snapshot "${input.label}" already exists for this design; labels are never moved`, { path: 'label' });
      }
      const data: EventDataByType['SnapshotLabeled'] = { design_name: input.design_name, label: input.label, at_seq: ctx.state.seq, design_hash: entry.hash, note: input.note };
      return { events: [{ type: 'SnapshotLabeled', data }], result: { label: input.label, at_seq: data.at_seq, design_hash: entry.hash } };
    },
  }),
  sessionTool({
    name: 'design_list_snapshots',
    title: 'Snapshots',
    description: 'Labels of a design, with seq and hash.',
    level: 'read',
    input: { design_name: DesignName },
    output: looseObject({}),
    async handler(input, ctx) {
      requireDesign(ctx.state, input.design_name);
      const snapshots = (await snapshotsOf(ctx, input.design_name)).map((s) => ({ label: s.label, at_seq: s.at_seq, design_hash: s.design_hash, note: s.note, at: s.at, by: s.by }));
      return { result: { design_name: input.design_name, snapshots } };
    },
  }),
  sessionTool({
    name: 'design_rollback',
    title: 'Roll back a design',
    description: 'Restores a design as at a label or seq (new event; history kept).',
    level: 'sandbox-write',
    input: {
      design_name: DesignName,
      label: Label.optional().describe('Label to restore; or seq.'),
      seq: z.number().int().min(1).optional().describe('Seq to restore; or label.'),
    },
    output: looseObject({ changed: z.boolean() }),
    async handler(input, ctx) {
      const current = requireDesign(ctx.state, input.design_name);
      if ((input.label === undefined) === (input.seq === undefined)) throw new ZapTraceError('INVALID_INPUT', 'give exactly one of label or seq', { path: 'label' });
      let fromSeq = input.seq;
      let label: string | null = null;
      if (input.label !== undefined) {
        const snap = (await snapshotsOf(ctx, input.design_name)).find((s) => s.label === input.label);
        if (!snap) throw new ZapTraceError('NOT_FOUND', `no snapshot "${input.label}" for this design`, { path: 'label' });
        fromSeq = snap.at_seq;
        label = snap.label;
      }
      if (fromSeq! > ctx.state.seq) throw new ZapTraceError('INVALID_INPUT', `seq ${fromSeq} is past the end of the log (${ctx.state.seq})`, { path: 'seq' });
      const past = await ctx.runtime.stateAt(ctx.sessionId!, fromSeq!);
      const then = own(past.designs, input.design_name);
      if (!then) throw new ZapTraceError('NOT_FOUND', `design "${input.design_name}" did not exist yet at seq ${fromSeq}`, { path: input.label !== undefined ? 'label' : 'seq' });
      if (then.hash === current.hash) {
        return { result: { ...designSummary(input.design_name, current), from_seq: fromSeq!, changed: false } };
      }
      const data: EventDataByType['DesignRestored'] = { design_name: input.design_name, design: then.design, from_seq: fromSeq!, label, design_hash: then.hash };
      return {
        events: [{ type: 'DesignRestored', data }],
        after: (s) => ({ ...designSummary(input.design_name, requireDesign(s, input.design_name)), from_seq: fromSeq!, changed: true }),
      };
    },
  }),
];
