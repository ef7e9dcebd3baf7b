import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { designText, routerBudgetMs, runHeavy } from './heavy.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { designSummary } from './design-views.js';
import type { RouteNetsResult } from '../eda/route/index.js';
import { resolveFootprint } from '../eda/footprints/index.js';
import { SIZED_TO_CONTENT_KEY, boardFitViolations, boardOrigin, boardTooSmall, grownBoard } from '../eda/place/board-growth.js';

export const layoutTools = [
  sessionTool({
    name: 'place_components',
    title: 'Place components',
    description:
      'Places every component inside the outline with courtyards clear of each other and the edge, honouring stated placement constraints and those parts imply (edge connectors and antennas at an edge facing out, mounting holes in corners, decoupling near its pin, heat away from sensors); unmet ones are listed as violations. A board sized to its content grows for added parts; a stated board is kept and parts without room are named (board_too_small). Antennas get copper keep-outs. Deterministic for a seed; recorded in a ComponentsPlaced event. Clears existing routing.',
    level: 'sandbox-write',
    input: {
      design_name: DesignName,
      seed: z.number().int().min(0).max(2 ** 31).default(1),
      clearance_mm: z.number().min(0).max(10).default(0.25),
      edge_clearance_mm: z.number().min(0).max(20).default(0.5),
      channel_mm: z.number().min(0).max(20).default(1),
      allow_bottom: z.boolean().default(false),
      iterations: z.number().int().min(0).max(200_000).optional(),
    },
    output: looseObject({ design_name: z.string(), design_hash: z.string(), placed: z.number(), unplaced: z.array(z.unknown()), score: z.number() }),
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const options = {
        seed: input.seed,
        clearanceMm: input.clearance_mm,
        edgeClearanceMm: input.edge_clearance_mm,
        channelMm: input.channel_mm,
        allowBottom: input.allow_bottom,
        ...(input.iterations !== undefined ? { iterations: input.iterations } : {}),
      };
      // A board sized to its content grows with it; a stated one is kept and misfits are named (eda/place/board-growth.ts).
      const origin = boardOrigin(entry.design, entry.sized_to_content);
      const grown = origin === 'content' ? grownBoard(entry.design, resolveFootprint) : null;
      const design = grown ? { ...entry.design, board: { ...entry.design.board, width_mm: grown.width_mm, height_mm: grown.height_mm } } : entry.design;
      const result = await runHeavy(ctx, 'place', { design: designText(design), options }, { basis: { [input.design_name]: entry.hash } });
      if (Object.keys(result.placement).length === 0 && Object.keys(entry.design.components).length > 0) {
        throw new ZapTraceError('INVALID_INPUT', 'nothing could be placed', { unplaced: result.unplaced.slice(0, 50) });
      }
      const data = {
        design_name: input.design_name,
        placement: result.placement,
        algorithm: result.algorithm,
        seed: result.seed,
        score: result.score,
        unplaced: result.unplaced,
        constraint_report: result.constraintReport,
        keepouts: result.keepouts,
      };
      const tooSmall = boardTooSmall(design, result.unplaced, origin, resolveFootprint);
      const violations = [...result.constraintReport.filter((r) => !r.satisfied), ...boardFitViolations(design, tooSmall)];
      const boardEvent = grown ? [{ type: 'BoardUpdated', data: { design_name: input.design_name, board: { width_mm: grown.width_mm, height_mm: grown.height_mm }, [SIZED_TO_CONTENT_KEY]: grown.rule } }] : [];
      return {
        events: [...boardEvent, { type: 'ComponentsPlaced', data }],
        after: (s) => ({
          ...designSummary(input.design_name, requireDesign(s, input.design_name)),
          placed: Object.keys(result.placement).length,
          unplaced: result.unplaced,
          score: result.score,
          constraint_report: result.constraintReport,
          violations,
          board_origin: origin,
          ...(grown ? { board_grown: grown } : {}),
          ...(tooSmall ? { board_too_small: tooSmall } : {}),
          algorithm: result.algorithm,
        }),
      };
    },
  }),
];

/** The NetsRouted event data of a router result (route_nets, design_route_smart). */
export function routedData(design_name: string, result: RouteNetsResult) {
  const { tracks, vias, router, seed, parameters, completion, connections, unconnectable } = result;
  return { design_name, routing: { tracks, vias }, router, seed, parameters, completion, connections, unconnectable };
}

export const routeTool = sessionTool({
  name: 'route_nets',
  title: 'Route nets',
  description:
    'Routes every connection on 2+ copper layers with vias, per-net-class width and clearance, rip-up and reroute. Reports each connection as routed or unrouted with the reason; the result is a NetsRouted event. Long routes send MCP progress notifications.',
  level: 'sandbox-write',
  input: {
    design_name: DesignName,
    seed: z.number().int().min(0).max(2 ** 31).default(1),
    grid_mm: z.number().min(0.05).max(1).optional(),
    time_limit_ms: z.number().int().min(100).max(600_000).default(60_000),
  },
  output: looseObject({ design_name: z.string(), design_hash: z.string(), completion: z.object({ routed: z.number(), total: z.number(), complete: z.boolean() }) }),
  async handler(input, ctx) {
    const entry = requireDesign(ctx.state, input.design_name);
    if (Object.keys(entry.design.placement).length === 0) {
      throw new ZapTraceError('INVALID_INPUT', 'place the components first (place_components)', { path: 'design_name' });
    }
    const options = {
      seed: input.seed,
      timeLimitMs: routerBudgetMs(input.time_limit_ms, ctx.remainingMs()),
      ...(input.grid_mm !== undefined ? { gridMm: input.grid_mm } : {}),
    };
    // Progress notifications come from the worker (runtime/heavy-pool.ts forwards them to the call's onProgress).
    const result = await runHeavy(ctx, 'route', { design: designText(entry.design), options }, { basis: { [input.design_name]: entry.hash } });
    return {
      events: [{ type: 'NetsRouted', data: routedData(input.design_name, result) }],
      after: (s) => ({
        ...designSummary(input.design_name, requireDesign(s, input.design_name)),
        completion: result.completion,
        unrouted: result.connections.filter((c) => c.status === 'unrouted'),
        unconnectable: result.unconnectable,
        router: result.router,
      }),
    };
  },
});
