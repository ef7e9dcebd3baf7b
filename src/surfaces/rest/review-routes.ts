import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { own } from '../../kernel/own.js';
import type { Principal } from '../../runtime/principal.js';
import type { Runtime } from '../../runtime/runtime.js';
import type { SessionState } from '../../runtime/projections/session-state.js';
import { zodIssuesToError } from '../../runtime/validation.js';
import { assessReadiness, renderBoardSvg, svgLayerNames, type Readiness, type SvgDrcFinding } from '../../eda/render/index.js';
import { buildBoardGeometry, type BoardGeometry } from '../../eda/board/index.js';
import type { Design } from '../../eda/model/design.js';
import { mapPinsToPads, resolveFootprint } from '../../eda/footprints/index.js';
import type { Footprint } from '../../eda/model/footprint.js';
import { designText } from '../../tools/heavy.js';
import { createScrubIndex } from './review-states.js';

/**
 * Read-only routes the review app (web/, served at /app/) needs beyond the existing ones: the sessions
 * a viewer may open with their readiness, and one request per scrub position that draws the board as it
 * was after event `seq` with the evidence and approvals of that state. Everything else the app reads
 * through existing routes (the SSE stream, design_diff, design_commit). Read rules are those of every
 * session route: the owner or a reviewer the owner named (docs/capabilities.md, "Reviewers").
 */

type CallOf = (ctx: Context) => { principal: Principal; requestId: string };

const BoardQuery = z.object({
  design: z.string().min(1).max(200),
  seq: z.coerce.number().int().min(1).optional(),
});

/** Freshness and readiness follow contract.md "The release gate": evidence is fresh only for the exact hash it evaluated. */
function checkView(e: { evaluated_hash: string; passed: boolean; counts: unknown; findings: unknown[]; seq: number; at: string } | undefined, hash: string) {
  if (!e) return null;
  return { evaluated_hash: e.evaluated_hash, fresh: e.evaluated_hash === hash, passed: e.passed, counts: e.counts, seq: e.seq, at: e.at, findings: e.findings.slice(0, 500), findings_total: e.findings.length };
}

/**
 * Readiness as the release gate would see it on a server without `--allow-self-approval`: a
 * self-approval is recorded but not counted (approval-policy.ts). Authors only grow, so an approval of
 * the state shown has the same self_approval flag now as when it was given.
 */
function readinessOf(state: SessionState, designName: string, hash: string): Readiness {
  const ev = own(state.evidence, designName) ?? {};
  return assessReadiness({
    designHash: hash,
    evidence: { ...(ev.erc ? { erc: ev.erc } : {}), ...(ev.drc ? { drc: ev.drc } : {}) },
    approvals: state.approvals.filter((a) => a.design_name === designName && !a.self_approval),
  });
}

/** The board at a position is a pure function of the append-only log up to it, so answers are kept (bounded). */
const MAX_CACHED_BOARDS = 256;
const RENDER_DEADLINE_MS = 30_000;
const IN_PROCESS_RENDER_PARTS = 2_000;

/**
 * resolveFootprint builds a fresh footprint per call; scrubbing draws the same parts again and again,
 * so the built footprints are kept (bounded; the renderer only reads them).
 */
function memoResolver(limit = 1_000): (name: string) => Footprint | undefined {
  const memo = new Map<string, Footprint | undefined>();
  return (name) => {
    if (memo.has(name)) return memo.get(name);
    if (memo.size >= limit) memo.clear();
    const fp = resolveFootprint(name);
    memo.set(name, fp);
    return fp;
  };
}

export function registerReviewRoutes(router: Router, runtime: Runtime, callOf: CallOf): void {
  const boards = new Map<string, unknown>();
  const states = createScrubIndex(runtime);
  const footprints = memoResolver();
  // The geometry reads components, placement, nets and the layer count only. Designs are immutable and
  // an edit keeps the objects it did not touch (immer), so positions that differ in anything else — a
  // board field, routing, a check, an approval — share one geometry.
  const geometries = new WeakMap<object, WeakMap<object, WeakMap<object, Map<number, BoardGeometry>>>>();
  const geometryOf = (d: Design): BoardGeometry => {
    let byPlacement = geometries.get(d.components);
    if (!byPlacement) geometries.set(d.components, (byPlacement = new WeakMap()));
    let byNets = byPlacement.get(d.placement);
    if (!byNets) byPlacement.set(d.placement, (byNets = new WeakMap()));
    let byLayers = byNets.get(d.nets);
    if (!byLayers) byNets.set(d.nets, (byLayers = new Map()));
    let g = byLayers.get(d.board.layers);
    if (!g) byLayers.set(d.board.layers, (g = buildBoardGeometry(d, footprints, mapPinsToPads)));
    return g;
  };
  const remember = (key: string, body: unknown) => {
    boards.set(key, body);
    while (boards.size > MAX_CACHED_BOARDS) boards.delete(boards.keys().next().value!);
  };

  router.get('/review/sessions', async (ctx) => {
    const { principal } = callOf(ctx);
    const out = [];
    // Anonymous callers own nothing and cannot be named reviewers (session_add_reviewer refuses them).
    if (principal.authSource !== 'anonymous') {
      for (const id of await runtime.store.sessions()) {
        if (runtime.store.quarantineOf(id)) continue;
        // Sessions the viewer may not read are passed over without loading their state.
        const role = await runtime.roleOf(principal, id);
        if (role === null) continue;
        const s = await runtime.state(id);
        if (s.seq === 0) continue;
        const [last] = await runtime.readEvents(id, { from: s.seq, to: s.seq });
        const designs = Object.keys(s.designs).sort().map((name) => {
          const hash = s.designs[name]!.hash;
          const r = readinessOf(s, name, hash);
          return { name, design_hash: hash, ready: r.ready, erc: r.erc, drc: r.drc, reasons: r.reasons };
        });
        out.push({ session_id: id, role, owner: s.owner, events: s.seq, last_activity: last?.at ?? null, designs });
      }
    }
    out.sort((a, b) => String(b.last_activity).localeCompare(String(a.last_activity)));
    ctx.body = { principal: principal.id, sessions: out };
  });

  router.get('/review/sessions/:id/board', async (ctx) => {
    const call = callOf(ctx);
    const sessionId = ctx.params['id'] ?? '';
    await runtime.assertOwner(call.principal, sessionId, 'review/board', { surface: 'rest', requestId: call.requestId });
    const parsed = BoardQuery.safeParse(ctx.query);
    if (!parsed.success) throw zodIssuesToError(parsed.error);
    const head = (await runtime.state(sessionId)).seq;
    const seq = Math.min(parsed.data.seq ?? head, head);
    const design = parsed.data.design;
    const key = `${sessionId}\u0000${design}\u0000${seq}`;
    const cached = boards.get(key);
    if (cached) {
      ctx.body = { ...(cached as object), head_seq: head, indexed_to: states.indexedTo(sessionId) };
      return;
    }
    const t0 = performance.now();
    const state = await states.at(sessionId, seq, head);
    const t1 = performance.now();
    const entry = own(state.designs, design);
    const designs = Object.keys(state.designs).sort();
    if (!entry) {
      // Before the design was parsed (or after it was replaced): nothing to draw at this position.
      ctx.body = { seq, head_seq: head, design_name: design, present: false, designs };
      return;
    }
    const d = entry.design;
    const ev = own(state.evidence, design) ?? {};
    // DRC markers only when they describe the state drawn (as render_svg draws them).
    const drcFindings = ev.drc && ev.drc.evaluated_hash === entry.hash ? (ev.drc.findings as SvgDrcFinding[]) : [];
    // A large board is drawn off the event loop (the worker pool); a small one here, where it costs less
    // than sending the design to a worker and back (bench/review-app.ts).
    const svg = runtime.heavyWork && entry.component_count > IN_PROCESS_RENDER_PARTS
      ? await runtime.heavyWork.run<string>('render_svg', { design: designText(d), drcFindings }, { deadlineMs: RENDER_DEADLINE_MS, owner: call.principal.id })
      : renderBoardSvg(d, geometryOf(d), { drcFindings });
    const components = Object.entries(d.components).map(([id, c]) => {
      const p = own(d.placement, id);
      return { id, ref: c.ref, value: c.value, footprint: c.footprint, ...(p ? { x_mm: p.x_mm, y_mm: p.y_mm, side: p.side, rotation_deg: p.rotation_deg } : {}) };
    });
    const body = {
      seq,
      design_name: design,
      present: true,
      designs,
      design_hash: entry.hash,
      layers: svgLayerNames(d),
      svg,
      components,
      nets: Object.values(d.nets).map((n) => n.name).sort(),
      evidence: { erc: checkView(ev.erc, entry.hash), drc: checkView(ev.drc, entry.hash) },
      readiness: readinessOf(state, design, entry.hash),
      approvals: state.approvals.filter((a) => a.design_name === design).map((a) => ({ ...a, current: a.design_hash === entry.hash })),
      authors: own(state.authors, design) ?? [],
      reviewers: state.reviewers,
    };
    remember(key, body);
    // Where a scrub's time goes (W3C Server Timing; read by bench/review-app.ts through the browser).
    ctx.set('Server-Timing', `state;dur=${(t1 - t0).toFixed(1)}, render;dur=${(performance.now() - t1).toFixed(1)}`);
    ctx.body = { ...body, head_seq: head, indexed_to: states.indexedTo(sessionId) };
  });
}
