import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { own } from '../kernel/own.js';
import { classDefinition, classifyNets, type NetClassKind } from '../eda/erc/net-classes.js';
import { netClassTable } from '../eda/route/index.js';
import type { NetClass } from '../eda/model/design.js';
import type { EventDraft } from '../runtime/events/types.js';
import type { DesignEntry } from '../runtime/projections/session-state.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designSummary } from './design-views.js';
import { designText, routerBudgetMs, runHeavy } from './heavy.js';
import { routedData } from './layout-tools.js';
import { foldDrafts } from './scratch.js';

/**
 * Net classes as an event (NetClassesAssigned): the router's class table (eda/route netClassTable)
 * and DRC's design rules read `net_classes` and each net's `class`, so once recorded both use them.
 * Nets that already carry a class keep it unless `overwrite` is set: a caller's choice wins.
 */
function classesFor(ctx: Ctx, entry: DesignEntry, name: string, overwrite: boolean, widths: TrackWidths = {}) {
  const found = classifyNets(entry.design, ctx.services.library.lookup);
  const assignments: Record<string, string> = {};
  const members = new Map<NetClassKind, string[]>();
  for (const n of found) {
    if (!overwrite && own(entry.design.nets, n.net)?.class != null) continue;
    assignments[n.net] = n.kind;
    members.set(n.kind, [...(members.get(n.kind) ?? []), n.name]);
  }
  const net_classes: Record<string, NetClass> = {};
  for (const [kind, nets] of members) {
    const defined = classDefinition(kind, [...(own(entry.design.net_classes, kind)?.nets ?? []), ...nets]);
    const width = own(widths, kind);
    net_classes[kind] = width === undefined ? defined : { ...defined, track_width_mm: width };
  }
  const events: EventDraft[] = Object.keys(assignments).length > 0 ? [{ type: 'NetClassesAssigned', data: { design_name: name, net_classes, assignments } }] : [];
  return { found, events, assigned: Object.keys(assignments).length };
}

/** A caller's track width per class kind, replacing the default of classDefinition (eda/erc/net-classes.ts); DRC enforces it (eda/drc/class-widths.ts). */
const Width = z.number().min(0.05).max(20).describe('mm.');
const TrackWidths = z
  .object({ ground: Width, power: Width, rf: Width, differential: Width, high_speed: Width, signal: Width })
  .partial()
  .strict()
  .describe('Track width (mm) per class recorded by this call, e.g. {"power": 0.5}; default 0.4 power/ground, 0.2 others.');
type TrackWidths = z.infer<typeof TrackWidths>;

const classifyInput = { design_name: DesignName, overwrite: z.boolean().default(false).describe('Replace classes nets already have.'), track_width_mm: TrackWidths.optional() };

function classifyTool(name: string, description: string) {
  return sessionTool({
    name,
    title: 'Classify nets',
    description,
    level: 'sandbox-write',
    input: classifyInput,
    output: looseObject({ design_hash: z.string() }),
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const c = classesFor(ctx, entry, input.design_name, input.overwrite, input.track_width_mm);
      const counts: Record<string, number> = {};
      for (const n of c.found) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
      return {
        events: c.events,
        after: (s) => ({ design_hash: requireDesign(s, input.design_name).hash, assigned: c.assigned, counts, nets: c.found.map((n) => ({ name: n.name, class: n.kind, why: n.why })) }),
      };
    },
  });
}

const DESC = 'Classes nets power/ground/signal/high_speed/differential/rf (ERC netlist view) and records them for route and DRC.';

export const netClassTools = [
  sessionTool({
    name: 'board_summarize_nets',
    title: 'Summarize nets',
    description: 'Per net: class, type, nodes, routed length, track widths, vias.',
    level: 'read',
    input: { design_name: DesignName },
    output: looseObject({ nets: z.array(z.unknown()) }),
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const d = entry.design;
      const { byNet, base } = netClassTable(d);
      const copper = new Map<string, { length: number; widths: Set<number>; vias: number }>();
      const of = (net: string) => copper.get(net) ?? copper.set(net, { length: 0, widths: new Set(), vias: 0 }).get(net)!;
      for (const t of d.routing.tracks) {
        const c = of(t.net);
        c.length += Math.hypot(t.end[0] - t.start[0], t.end[1] - t.start[1]);
        c.widths.add(t.width_mm);
      }
      for (const v of d.routing.vias) of(v.net).vias++;
      const nets = Object.values(d.nets)
        .map((n) => {
          const c = copper.get(n.id) ?? copper.get(n.name);
          return {
            name: n.name,
            type: n.type,
            class: n.class,
            nodes: n.nodes.length,
            class_width_mm: (byNet[n.id] ?? base).traceWidthMm,
            routed_length_mm: c ? Number(c.length.toFixed(2)) : null,
            track_widths_mm: c ? [...c.widths].sort((a, b) => a - b) : [],
            vias: c?.vias ?? 0,
          };
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { result: { design_name: input.design_name, design_hash: entry.hash, nets } };
    },
  }),
  classifyTool('board_classify_nets', DESC),
  // ZapTrace names the same operation twice (board_ and design_); one handler serves both (docs/zaptrace-parity.md).
  classifyTool('design_classify_nets', 'Same as board_classify_nets.'),
  sessionTool({
    name: 'design_route_smart',
    title: 'Route with net classes',
    description: 'Classifies unclassed nets (as board_classify_nets), then routes with per-class widths (route_nets router).',
    level: 'sandbox-write',
    input: { design_name: DesignName, seed: z.number().int().min(0).max(2 ** 31).default(1).describe('Router seed.'), time_limit_ms: z.number().int().min(100).max(600_000).default(60_000).describe('Routing budget, ms.') },
    output: looseObject({ design_hash: z.string() }),
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      if (Object.keys(entry.design.placement).length === 0) throw new ZapTraceError('INVALID_INPUT', 'place the components first (place_components)', { path: 'design_name' });
      const c = classesFor(ctx, entry, input.design_name, false);
      // The router sees the design as it will be once the classes are appended.
      const classed = foldDrafts(ctx.state, c.events, '').designs[input.design_name]!.design;
      const options = { seed: input.seed, timeLimitMs: routerBudgetMs(input.time_limit_ms, ctx.remainingMs()) };
      const result = await runHeavy(ctx, 'route', { design: designText(classed), options }, { basis: { [input.design_name]: entry.hash } });
      return {
        events: [...c.events, { type: 'NetsRouted', data: routedData(input.design_name, result) }],
        after: (s) => ({
          ...designSummary(input.design_name, requireDesign(s, input.design_name)),
          classes_assigned: c.assigned,
          track_widths_mm: [...new Set(result.tracks.map((t) => t.width_mm))].sort((a, b) => a - b),
          completion: result.completion,
        }),
      };
    },
  }),
];
