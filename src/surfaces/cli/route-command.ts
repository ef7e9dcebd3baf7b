import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { invalidInput } from '../../kernel/errors.js';
import { progressBar } from './progress.js';
import { exportSimpleRouteTraces, importSimpleRouteJson, routeProblem } from '../../eda/route/index.js';

/** The two output streams the command writes to (program.ts passes its `CliDeps`, which has both). */
interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * `zaptrace route FILE.json [--out result.json]` (docs/routing.md, "tscircuit's dataset"): routes a tscircuit SimpleRouteJson
 * problem with zt-route-1 and writes the problem back with `traces` (tscircuit's output form:
 * `pcb_trace` objects whose route is wire points and vias), to --out or stdout. Progress and the
 * completion figures go to stderr, so stdout stays pure JSON.
 */

const positiveNumber = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number`);
  return n;
};

export interface RouteCommandOptions {
  out?: string;
  clearance?: number;
  timeLimitMs?: number;
  seed?: number;
}

export function registerRouteCommand(program: Command, deps: CommandOutput): void {
  program
    .command('route')
    .description('Route a tscircuit SimpleRouteJson problem; writes it back with traces (JSON) to --out or stdout')
    .argument('<file>', 'SimpleRouteJson problem (JSON)')
    .option('--out <file>', 'write the result here instead of stdout')
    .option('--clearance <mm>', 'copper clearance in mm (default 0.15)', positiveNumber('clearance'))
    .option('--time-limit-ms <ms>', 'work budget, as an approximate time (default 60000; counted, not timed, so results repeat)', positiveNumber('time-limit-ms'))
    .option('--seed <n>', 'seed for re-route order (default 1)', positiveNumber('seed'))
    .action((file: string, opts: RouteCommandOptions) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw invalidInput(`cannot read ${basename(file)}`, ['file']);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw invalidInput(`${basename(file)} is not JSON`, ['file']);
      }
      const clearanceMm = opts.clearance ?? 0.15;
      // Copper stays inside the problem's bounds; pads that leave no room inside them are
      // reported as off-board (docs/routing.md, "tscircuit's dataset").
      const { problem } = importSimpleRouteJson(raw, { clearanceMm });
      const t0 = performance.now();
      let lastReport = 0;
      const bar = progressBar('route');
      const result = routeProblem(problem, {
        seed: opts.seed ?? 1,
        timeLimitMs: opts.timeLimitMs ?? 60_000,
        onProgress: (done, total, message) => {
          if (process.stderr.isTTY) return bar.update(done, total, message);
          const now = performance.now();
          if (now - lastReport < 250 && done < total) return;
          lastReport = now;
          deps.err(`route: ${done}/${total} ${message}`);
        },
      });
      bar.end();
      const ms = performance.now() - t0;
      const traces = exportSimpleRouteTraces(result, problem.layers);
      const unrouted = result.connections.filter((c) => c.status === 'unrouted');
      deps.err(
        `route: ${result.completion.routed}/${result.completion.total} connections routed${result.completion.complete ? ' (complete)' : ''}, ` +
          `${result.tracks.length} tracks, ${result.vias.length} vias, ${(ms / 1000).toFixed(2)} s`,
      );
      for (const p of result.offBoard.slice(0, 20)) deps.err(`route: off-board ${p.net} ${p.label} (no room for a track end inside the bounds)`);
      for (const c of unrouted.slice(0, 20)) deps.err(`route: unrouted ${c.net} ${c.fromLabel} → ${c.toLabel} (${c.reason ?? 'blocked'})`);
      const output = JSON.stringify({ ...(raw as Record<string, unknown>), traces }, null, 2);
      if (opts.out !== undefined) {
        try {
          writeFileSync(opts.out, output + '\n', 'utf8');
        } catch {
          throw invalidInput(`cannot write ${basename(opts.out)}`, ['out']);
        }
      } else deps.out(output);
      if (!result.completion.complete) process.exitCode = 1;
    });
}
