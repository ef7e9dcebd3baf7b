import { scoreIntent } from '../eda/synth/score.js';
import { runErc } from '../eda/erc/index.js';
import type { HeavyEnv } from './heavy-env.js';

/** One synthesis_benchmark row: the figures bench/synthesis-intents-report.ts prints, without the layout object. */
export interface BenchRow {
  intent: string;
  template: string | null;
  error: string | null;
  components: number;
  unmet: number;
  ercErrors: number;
  ercWarnings: number;
  placed: boolean | null;
  routed: { routed: number; total: number } | null;
  drcErrors: number | null;
  ms: number;
}

/**
 * Synthesize and ERC one intent; with `layout`, the whole scored pipeline of eda/synth/score.ts
 * (place → route → DRC) as the committed report runs it. Runs in a worker thread.
 */
export function benchIntent(intent: string, layout: boolean, env: HeavyEnv): BenchRow {
  const t0 = performance.now();
  let unmet = 0;
  if (layout) {
    const s = scoreIntent(intent, env.library);
    if (s.error === null) unmet = env.synthesize(intent).unmet.length;
    return { intent, template: s.template, error: s.error, components: s.components, unmet, ercErrors: s.ercErrors, ercWarnings: s.ercWarnings, placed: s.placed, routed: s.routed, drcErrors: s.drcErrors, ms: Math.round(performance.now() - t0) };
  }
  try {
    const r = env.synthesize(intent);
    const erc = runErc(r.design, { lookupPart: env.library.lookup, footprintExists: (n) => env.resolveFootprint(n) !== undefined });
    return { intent, template: r.template, error: null, components: Object.keys(r.design.components).length, unmet: r.unmet.length, ercErrors: erc.counts.error, ercWarnings: erc.counts.warning, placed: null, routed: null, drcErrors: null, ms: Math.round(performance.now() - t0) };
  } catch (err) {
    return { intent, template: null, error: err instanceof Error ? err.message.slice(0, 300) : 'synthesis failed', components: 0, unmet: 0, ercErrors: -1, ercWarnings: -1, placed: null, routed: null, drcErrors: null, ms: Math.round(performance.now() - t0) };
  }
}
