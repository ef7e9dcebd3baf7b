import type { z } from 'zod';
import { isRangeIssue } from '../../kernel/range-issue.js';
import { Design } from '../model/design.js';
import { mapBoard, mapKeepouts, mapPours } from './board.js';
import { mapComponent, type ComponentDraft } from './components.js';
import { ZapTraceError } from '../../kernel/errors.js';
import { fail, formatPath, noteKeys, quote, warn, type ParseContext, type ParseWarning, type PathSeg } from './context.js';
import { mapConstraints, mapNetClasses, mapPlacement, mapRouting } from './layout.js';
import { LIMITS } from './limits.js';
import { ComponentIndex, buildNets } from './nets.js';
import { checkTree } from './sanitize.js';
import { DROPPED_DESIGN, DROPPED_META, ZtDesign, ZtMeta, shapeKeys } from './zaptrace-schema.js';

export interface ParseOptions {
  format?: 'yaml' | 'json' | 'auto';
  /** Require `kind: zaptrace.design` and `schema_version`, reject unknown keys and shorthands. */
  strict?: boolean;
  maxBytes?: number;
  /** Design name to use when the input has no `meta.name`. */
  nameHint?: string;
}

export interface ParseResult {
  design: Design;
  warnings: ParseWarning[];
}

const SUPPORTED_VERSIONS = new Set<unknown>([1, '1', '1.0']);

function issuePath(issue: z.core.$ZodIssue): PathSeg[] {
  return issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/**
 * For a failed union (a pin is an object, a net name or null) zod reports the union as a whole;
 * the most specific branch issue (the deepest path) says what is actually wrong.
 */
function specificIssue(issue: z.core.$ZodIssue): { message: string; path: PathSeg[] } {
  const base = issuePath(issue);
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { message: issue.message, path: base };
  let best: { message: string; path: PathSeg[] } | null = null;
  for (const branch of issue.errors) {
    for (const sub of branch) {
      const found = specificIssue(sub);
      const candidate = { message: found.message, path: [...base, ...found.path] };
      if (!best || candidate.path.length > best.path.length) best = candidate;
    }
  }
  return best ?? { message: issue.message, path: base };
}

/**
 * Rejects shapes of other tools' formats (list-form components/nets, `reference`, `component_ref` +
 * `pin`, top-level `name`) with one message that lists what ZapTrace expects instead and where.
 */
function rejectForeignShapes(obj: Record<string, unknown>): void {
  const problems: string[] = [];
  let firstPath: PathSeg[] | null = null;
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const { components, nets } = obj;
  if (Array.isArray(components)) {
    firstPath = ['components'];
    problems.push('components: ZapTrace design-v1 expects a mapping keyed by component id, not a list');
    const first: unknown = components[0];
    if (isObj(first) && 'reference' in first) problems.push('components[0]: unknown key "reference"; ZapTrace components need "ref"');
    if (isObj(first) && !('type' in first)) problems.push('components[0]: "type" is required');
  }
  if (Array.isArray(nets)) {
    firstPath ??= ['nets'];
    problems.push('nets: ZapTrace design-v1 expects a mapping keyed by net id, not a list');
    const first: unknown = nets[0];
    const node: unknown = isObj(first) && Array.isArray(first.nodes) ? first.nodes[0] : undefined;
    if (isObj(node) && 'pin' in node) {
      problems.push('nets[0].nodes[0]: unknown key "pin"; ZapTrace nodes are "REF.PIN" strings or {component_ref, pin_name}');
    }
  }
  if (problems.length === 0) return;
  if (typeof obj.name === 'string' && obj.meta === undefined) problems.push('name: the design name belongs in meta.name');
  throw new ZapTraceError('INVALID_INPUT', `not a ZapTrace design: ${problems.join('; ')}`, {
    path: formatPath(firstPath ?? []),
    problems,
  });
}

/**
 * Maps a parsed ZapTrace design value to the normalised Design. Every failure is a ZapTraceError
 * INVALID_INPUT whose message starts with the input path; every lossy step adds a warning.
 */
export function parseDesignObject(obj: unknown, options: ParseOptions = {}): ParseResult {
  const ctx: ParseContext = { strict: options.strict ?? false, warnings: [] };
  checkTree(obj);
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) fail('a design must be a mapping (object) at the top level');
  const top = obj as Record<string, unknown>;
  rejectForeignShapes(top);
  if (top.kind !== undefined && top.kind !== 'zaptrace.design') fail(`kind must be "zaptrace.design", got ${quote(String(top.kind))}`, ['kind']);
  if (top.schema_version !== undefined && !SUPPORTED_VERSIONS.has(top.schema_version)) {
    fail(`unsupported schema_version ${quote(String(top.schema_version))}; this parser reads ZapTrace design v1`, ['schema_version']);
  }
  if (ctx.strict) {
    if (top.kind === undefined) fail('kind: "zaptrace.design" is required in strict mode', ['kind']);
    if (top.schema_version === undefined) fail('schema_version is required in strict mode', ['schema_version']);
  }
  const parsed = ZtDesign.safeParse(top);
  if (!parsed.success) {
    const issue = specificIssue(parsed.error.issues[0]!);
    fail(issue.message, issue.path);
  }
  const zt = parsed.data;
  noteKeys(ctx, zt, [], new Set([...shapeKeys(ZtDesign), 'name']), DROPPED_DESIGN, (key) =>
    key === 'name' ? '; the design name goes in meta.name' : '',
  );
  if ('name' in top && top.meta === undefined) warn(ctx, ['name'], 'top-level "name" is not ZapTrace; use meta.name');

  const meta = zt.meta ?? {};
  noteKeys(ctx, meta, ['meta'], shapeKeys(ZtMeta), DROPPED_META);
  const name = meta.name ?? options.nameHint;
  if (name === undefined || name.trim() === '') fail('meta.name is required', ['meta', 'name']);

  const rawComponents = Object.entries(zt.components ?? {});
  if (rawComponents.length > LIMITS.maxComponents) fail(`more than ${LIMITS.maxComponents} components`, ['components']);
  const rawNets = zt.nets ?? {};
  if (Object.keys(rawNets).length > LIMITS.maxNets) fail(`more than ${LIMITS.maxNets} nets`, ['nets']);

  const drafts = new Map<string, ComponentDraft>();
  for (const [id, raw] of rawComponents) drafts.set(id, mapComponent(ctx, id, raw, ['components', id]));
  const index = new ComponentIndex(drafts);
  for (const [ref, ids] of index.duplicateRefs()) {
    warn(ctx, ['components', ids[1]!, 'ref'], `ref ${quote(ref)} is used by ${ids.length} components; nodes must name them by id`);
  }
  const nets = buildNets(ctx, rawNets, drafts, index);
  if (nets.size > LIMITS.maxNets) fail(`more than ${LIMITS.maxNets} nets`, ['nets']);

  const board = mapBoard(ctx, zt);
  const design = {
    schema_version: 1 as const,
    meta: {
      name,
      version: meta.version === undefined ? '0.1.0' : String(meta.version),
      description: meta.description ?? '',
      author: meta.author ?? '',
      tags: meta.tags ?? [],
    },
    board,
    components: Object.fromEntries([...drafts].map(([id, d]) => [id, d.component])),
    nets: {} as Record<string, unknown>,
    net_classes: mapNetClasses(ctx, zt, board, nets),
    constraints: mapConstraints(ctx, zt),
    keepouts: mapKeepouts(ctx, zt, board.layers),
    copper_pours: mapPours(ctx, zt, board, nets),
    placement: mapPlacement(ctx, zt, index),
    routing: mapRouting(ctx, zt, board, nets),
  };
  design.nets = Object.fromEntries(nets);

  // Final check against the normalised model: its limits and value ranges apply to every design.
  const checked = Design.safeParse(design);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    if (isRangeIssue(issue as { code: string })) {
      const path = formatPath(issuePath(issue));
      throw new ZapTraceError('UNPROCESSABLE', `${path}: ${issue.message} (in the normalised design)`, { path });
    }
    fail(`${issue.message} (in the normalised design)`, issuePath(issue));
  }
  return { design: checked.data, warnings: ctx.warnings };
}
