import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { placeComponents } from '../eda/place/index.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { designSummary } from './design-views.js';

export const layoutTools = [
  sessionTool({
    name: 'place_components',
    title: 'Place components',
    description: 'Places every component inside the outline with courtyards clear of each other and the edge, honouring placement constraints; deterministic for a seed. The result is recorded in a ComponentsPlaced event (replay never re-runs the placer). Clears existing routing.',
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
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const result = placeComponents(entry.design, ctx.services.resolveFootprint, {
        seed: input.seed,
        clearanceMm: input.clearance_mm,
        edgeClearanceMm: input.edge_clearance_mm,
        channelMm: input.channel_mm,
        allowBottom: input.allow_bottom,
        mapPins: ctx.services.mapPins,
        ...(input.iterations !== undefined ? { iterations: input.iterations } : {}),
      });
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
      };
      return {
        events: [{ type: 'ComponentsPlaced', data }],
        after: (s) => ({
          ...designSummary(input.design_name, requireDesign(s, input.design_name)),
          placed: Object.keys(result.placement).length,
          unplaced: result.unplaced,
          score: result.score,
          constraint_report: result.constraintReport,
          algorithm: result.algorithm,
        }),
      };
    },
  }),
];
