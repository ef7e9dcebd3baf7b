import { join } from 'node:path';
import { cruise, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/**
 * The import rules of architecture.md ("Layout": `kernel` <- `eda` <- `runtime` <- `tools` <-
 * `surfaces` <- `main.ts`; `eda` never imports runtime, surfaces, koa, the MCP SDK or rxjs; the two
 * surfaces never import each other), as dependency-cruiser rules. Paths are relative to the
 * directory cruised, so the same rules judge `src/` and the deliberately wrong fixture of
 * `dependency-rules.test.ts`.
 */

const above = (layers: string) => `^src/(${layers})(/|\\.)`;

export const LAYER_RULES: IForbiddenRuleType[] = [
  {
    name: 'kernel-imports-nothing-above',
    comment: 'architecture.md, "Layout": kernel is the bottom layer (errors, ids, hashing, units).',
    severity: 'error',
    from: { path: '^src/kernel/' },
    to: { path: above('eda|runtime|tools|surfaces|main|compose|cli') },
  },
  {
    name: 'eda-imports-only-kernel',
    comment: 'architecture.md, "Ports and adapters": eda/ stays pure so the same functions run in a worker thread.',
    severity: 'error',
    from: { path: '^src/eda/' },
    to: { path: above('runtime|tools|surfaces|main|compose|cli') },
  },
  {
    name: 'eda-no-runtime-libraries',
    comment: 'architecture.md, "Layout": eda never imports koa, the MCP SDK, rxjs (nor immer, the projections\' tool).',
    severity: 'error',
    from: { path: '^src/eda/' },
    to: { path: '(^|/)node_modules/(koa|@koa/|@modelcontextprotocol/|rxjs|immer)' },
  },
  {
    name: 'runtime-below-tools',
    comment: 'architecture.md, "Layout": the runtime knows tool definitions only through runtime/tool-definition.ts.',
    severity: 'error',
    from: { path: '^src/runtime/' },
    to: { path: above('tools|surfaces|main|compose|cli') },
  },
  {
    name: 'tools-below-surfaces',
    comment: 'architecture.md: one registry; MCP, REST and the CLI are generated from it, never the other way.',
    severity: 'error',
    from: { path: '^src/tools/' },
    to: { path: above('surfaces|main|compose|cli') },
  },
  {
    name: 'surfaces-below-composition-root',
    comment: 'architecture.md, "Layout": main.ts/compose.ts wire everything; surfaces receive what they need.',
    severity: 'error',
    from: { path: '^src/surfaces/' },
    to: { path: above('main|compose|cli') },
  },
  {
    name: 'mcp-does-not-import-rest',
    comment: 'architecture.md, "Layout": the two surfaces never import each other (shared code goes below them).',
    severity: 'error',
    from: { path: '^src/surfaces/mcp/' },
    to: { path: '^src/surfaces/rest/' },
  },
  {
    name: 'rest-does-not-import-mcp',
    comment: 'architecture.md, "Layout": the two surfaces never import each other (shared code goes below them).',
    severity: 'error',
    from: { path: '^src/surfaces/rest/' },
    to: { path: '^src/surfaces/mcp/' },
  },
  {
    name: 'no-cycles',
    comment: 'A cycle makes load order matter and hides which module owns a type; type-only cycles included.',
    severity: 'error',
    from: { path: '^src/' },
    to: { circular: true },
  },
];

/** One line per violation, naming the rule first so a CI log says which arrow was broken. */
export function describeViolation(v: IViolation): string {
  const via = v.cycle && v.cycle.length > 0 ? ` (cycle: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')})` : '';
  return `${v.rule.name}: ${v.from} -> ${v.to}${via}`;
}

/** Cruises `dir` (relative to `baseDir`) with the layer rules; returns the violations, described. */
export async function layerViolations(baseDir: string, dir = 'src'): Promise<string[]> {
  const out = await cruise(
    [dir],
    {
      baseDir,
      validate: true,
      ruleSet: { forbidden: LAYER_RULES },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      tsConfig: { fileName: 'tsconfig.json' },
    },
    {},
    { tsConfig: extractTSConfig(join(baseDir, 'tsconfig.json')) },
  );
  if (typeof out.output === 'string') throw new Error(`dependency-cruiser returned text, not a result: ${out.output.slice(0, 200)}`);
  return out.output.summary.violations.map(describeViolation);
}
