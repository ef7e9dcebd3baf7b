import { ZapTraceError, isZapTraceError } from '../kernel/errors.js';
import { createSessionAccess, reviewerRefusal } from './session-access.js';
import type { Clock } from '../kernel/clock.js';
import type { Ids } from '../kernel/ids.js';
import { DESIGN_HASH_FORMAT } from '../kernel/merkle-hash.js';
import { satisfies, impliedLevels, isLevel } from './capability.js';
import type { CallAudit, EventActor, EventDraft } from './events/types.js';
import type { AuditData } from './events/catalog.js';
import type { CallContext, Principal } from './principal.js';
import { emptySessionState, type SessionState } from './projections/session-state.js';
import type { EventStore } from './store/event-store.js';
import { isDenialCode, recordDenialOnce, type SecurityLog } from './security-log.js';
import { createSessionQueue } from './session-queue.js';
import { takeTurn, turnNow, Turn, TurnContext, type TurnDeps } from './call-turn.js';
import type { HeavyWork } from './heavy-work.js';
import type { ToolDefinition, ToolResult } from './tool-definition.js';
import type { RuntimeApi } from './runtime-api.js';
import { zodIssuesToError } from './validation.js';
import { createStateCache } from './state-cache.js';
import { createSessionCommit } from './session-commit.js';
import { createEnvelopeParts } from './envelope-parts.js';
import { createIdempotencyIndex, IDEMPOTENCY_TTL_MS, failureOutcome, idempotencyDraft, replayOutcome, requestHashOf, type IdempotencyRecord } from './idempotency.js';

export interface RuntimeOptions<S> {
  store: EventStore;
  clock: Clock;
  ids: Ids;
  tools: readonly ToolDefinition<unknown, unknown, S>[];
  services: S;
  securityLog: SecurityLog;
  /** Session projections kept in memory; idle ones are rebuilt from a snapshot and the log (default 1000). */
  maxCachedSessions?: number;
  /** A projection snapshot every N events of a session (default 1000). */
  snapshotEvery?: number;
  /** The worker pool heavy tools offload to (runtime/heavy-work.ts); without it they fail. */
  heavyWork?: HeavyWork;
  /** Deadline of every call, `--max-tool-seconds` (default 120 s). */
  maxToolMs?: number;
  /** Commands one session may have waiting; more get SERVER_BUSY (default 64). */
  queueBound?: number;
}

export interface InvokeArgs {
  tool: string;
  input: unknown;
  call: CallContext;
  /** Session named by the surface (header, MCP connection default, or input.session_id). */
  sessionId: string | null;
}

export interface Runtime extends RuntimeApi {
  invoke(args: InvokeArgs): Promise<unknown>;
  tools(): readonly ToolDefinition<unknown, unknown, unknown>[];
  tool(name: string): ToolDefinition<unknown, unknown, unknown> | undefined;
  store: EventStore;
  securityLog: SecurityLog;
  heavyWork: HeavyWork | null;
  /**
   * The principal's role in a session, from the cached owner and reviewer lists (session-access.ts)
   * without loading its state: a listing of "sessions I may read" must not replay every log nor evict
   * hot sessions from the bounded state cache. Refuses nothing and logs nothing (assertOwner does).
   */
  roleOf(principal: Principal, sessionId: string): Promise<'owner' | 'reviewer' | null>;
  /** Ends the worker threads (tasks still running finish first). */
  close(): Promise<void>;
}

/**
 * The one interceptor every call passes (architecture.md): tool lookup → session ownership →
 * capability → input validation → handler → append. A denied call never reaches the handler;
 * every non-read call, allowed or denied, leaves an audit event in the caller's session.
 */
export function createRuntime<S>(options: RuntimeOptions<S>): Runtime {
  const { store, clock, ids, services, securityLog } = options;
  const registry = new Map<string, ToolDefinition<unknown, unknown, S>>();
  for (const t of options.tools) {
    if (!isLevel(t.level)) throw new Error(`tool ${t.name} has no known capability level`);
    if (registry.has(t.name)) throw new Error(`tool ${t.name} is defined twice`);
    registry.set(t.name, t);
  }
  /** Session → owning principal, from each log's first event (SessionCreated). */
  const owners = new Map<string, string | null>();

  /** Ownership from the first event alone: a caller probing foreign ids never makes us replay their logs. */
  async function ownerOf(sessionId: string): Promise<string | null> {
    if (owners.has(sessionId)) return owners.get(sessionId)!;
    // A quarantined log is never read; its owner still learns why, strangers learn nothing.
    const quarantine = store.quarantineOf(sessionId);
    if (quarantine) return quarantine.owner;
    const [first] = await store.read(sessionId, { to: 1 });
    const owner = first?.type === 'SessionCreated' ? (first.data as { owner: string }).owner : null;
    if (first) owners.set(sessionId, owner);
    return owner;
  }
  const access = createSessionAccess((id) => store.read(id));
  const queue = createSessionQueue({ bound: options.queueBound ?? 64 });
  const withLock = <T>(sessionId: string, work: () => Promise<T>) => queue.run(sessionId, work);
  const turnDeps: TurnDeps = { queue, heavy: options.heavyWork ?? null, loadState, maxToolMs: options.maxToolMs ?? 120_000 };
  const idempotency = createIdempotencyIndex(() => clock.now());
  const states = createStateCache({
    store,
    maxSessions: options.maxCachedSessions ?? 1000,
    snapshotEvery: options.snapshotEvery ?? 1000,
    onLoaded: (events) => idempotency.learn(events),
    extra: { save: (id, upTo) => idempotency.export(id, upTo), restore: (id, data) => idempotency.restore(id, data) },
  });

  async function loadState(sessionId: string): Promise<SessionState | null> {
    return states.get(sessionId);
  }

  const { commit, settledTail } = createSessionCommit({ store, clock, ids, states, idempotency, access });

  /** The state for a reader outside the session's turn: the latest durable one, without waiting (session-commit.ts). */
  async function durableState(sessionId: string): Promise<SessionState | null> {
    return states.durable(sessionId) ?? loadState(sessionId);
  }

  async function createSessionNow(principal: Principal, meta: { surface: string; actor: string; requestId: string; idempotencyKey?: string }): Promise<string> {
    const sessionId = ids.sessionId();
    const state = emptySessionState(sessionId);
    const actor: EventActor = { principal: principal.id, actor: meta.actor, surface: meta.surface as EventActor['surface'], auth_source: principal.authSource };
    const data = { owner: principal.id, auth_source: principal.authSource, design_hash_format: DESIGN_HASH_FORMAT, ...(meta.idempotencyKey !== undefined ? { idempotency_key: meta.idempotencyKey } : {}) };
    await withLock(sessionId, async () => commit(state, [{ type: 'SessionCreated', data }], actor, meta.requestId));
    return sessionId;
  }

  /** A session this principal created with this key in the last 24 h (a retried create). */
  async function sessionCreatedWithKey(principal: string, key: string): Promise<string | null> {
    for (const id of await store.sessions()) {
      if (store.quarantineOf(id)) continue;
      const [first] = await store.read(id, { to: 1 });
      const data = first?.data as { owner?: string; idempotency_key?: string } | undefined;
      if (data?.owner === principal && data.idempotency_key === key && clock.now().getTime() - Date.parse(first!.at) <= IDEMPOTENCY_TTL_MS) return id;
    }
    return null;
  }

  const envelopeParts = createEnvelopeParts();
  const actorOf = (call: CallContext): EventActor => envelopeParts.actorOf(call);

  function denyObject(call: CallContext, tool: string, object: string): never {
    // Same answer whether the session exists or not: no existence oracle.
    const err = new ZapTraceError('OBJECT_NOT_AUTHORIZED', 'session not found or not yours', {});
    recordDenialOnce(securityLog, err, { principal: call.principal.id, surface: call.surface, tool, object, request_id: call.requestId });
    throw err;
  }

  /** A refusal raised at or under the interceptor: one security record, whatever layer threw it. */
  function recordRefusal(err: unknown, call: CallContext, tool: string, sessionId: string | null): void {
    recordDenialOnce(securityLog, err, { principal: call.principal.id, surface: call.surface, tool, object: sessionId ?? '', request_id: call.requestId });
  }

  /** The principal's role in a session: its owner, a reviewer the owner named (session-access.ts), or none. */
  async function roleIn(principalId: string, sessionId: string): Promise<'owner' | 'reviewer' | null> {
    const owner = typeof sessionId === 'string' && sessionId.length <= 200 ? await ownerOf(sessionId) : null;
    if (owner === null) return null;
    if (owner === principalId) return 'owner';
    return (await access.isReviewer(sessionId, principalId)) ? 'reviewer' : null;
  }

  /** The owner or a reviewer gets the session's state; anyone else is refused, whether the session exists or not. */
  async function assertOwner(principal: Principal, sessionId: string, what: string, call?: CallContext): Promise<SessionState> {
    const state = (await roleIn(principal.id, sessionId)) !== null ? await loadState(sessionId) : null;
    if (!state) denyObject(call ?? { principal, surface: 'cli', actor: '', reason: '', requestId: '' }, what, String(sessionId));
    return state;
  }

  /**
   * The caller's role in the session, or the refusal: the state is loaded once, in the call's turn
   * (a quarantined log answers SESSION_QUARANTINED there).
   */
  async function roleOrDeny(call: CallContext, sessionId: string, tool: string): Promise<'owner' | 'reviewer'> {
    return (await roleIn(call.principal.id, sessionId)) ?? denyObject(call, tool, String(sessionId));
  }

  function auditData(call: CallContext, tool: ToolDefinition<unknown, unknown, S>, sessionId: string, decision: 'allow' | 'deny', outcome: string): AuditData {
    return {
      surface: call.surface,
      session_id: sessionId,
      principal: call.principal.id,
      actor: call.actor,
      tool: tool.name,
      capability: tool.level,
      granted: impliedLevels(call.principal.grant),
      decision,
      reason: call.reason,
      request_id: call.requestId,
      outcome,
      ...(tool.subject !== undefined ? { subject: tool.subject } : {}),
    };
  }

  /**
   * An allowed call's events: its first event carries the call's audit record (docs/event-log.md,
   * "Audit records"), so the call appends one event, not two; a call that changed nothing appends
   * its audit record as a ToolAuthorized event.
   */
  function auditedDrafts(call: CallContext, tool: ToolDefinition<unknown, unknown, S>, sessionId: string, events: readonly EventDraft[]): EventDraft[] {
    if (events.length === 0) return [{ type: 'ToolAuthorized', data: auditData(call, tool, sessionId, 'allow', 'ok') }];
    const drafts = events.slice();
    drafts[0] = withAudit(events[0]!, envelopeParts.auditOf(call, tool));
    return drafts;
  }

  const api: Runtime = {
    store,
    securityLog,
    heavyWork: options.heavyWork ?? null,
    close: async () => options.heavyWork?.close(),
    tools: () => [...registry.values()] as ToolDefinition<unknown, unknown, unknown>[],
    tool: (name) => registry.get(name) as ToolDefinition<unknown, unknown, unknown> | undefined,

    async createSession(principal, meta) {
      const key = meta.idempotencyKey;
      if (key === undefined) return createSessionNow(principal, meta);
      return withLock(`create\u0000${principal.id}\u0000${key}`, async () => (await sessionCreatedWithKey(principal.id, key)) ?? createSessionNow(principal, meta));
    },

    async listSessions(principal) {
      const out: { session_id: string; seq: number; designs: string[]; quarantined?: true }[] = [];
      for (const id of await store.sessions()) {
        if ((await ownerOf(id)) !== principal.id) continue;
        if (store.quarantineOf(id)) {
          out.push({ session_id: id, seq: 0, designs: [], quarantined: true });
          continue;
        }
        const s = await durableState(id);
        if (s) out.push({ session_id: id, seq: s.seq, designs: Object.keys(s.designs).sort() });
      }
      return out;
    },

    roleOf: (principal, sessionId) => roleIn(principal.id, sessionId),

    async assertOwner(principal, sessionId, what, meta) {
      await assertOwner(principal, sessionId, what, meta ? { principal, surface: meta.surface, actor: '', reason: '', requestId: meta.requestId } : undefined);
    },

    async state(sessionId) {
      return (await durableState(sessionId)) ?? emptySessionState(sessionId);
    },

    async stateAt(sessionId, seq) {
      // Rebuilt from the store, which holds what is durable: a position still in flight is waited for.
      await settledTail(sessionId);
      return (await states.at(sessionId, seq)) ?? emptySessionState(sessionId);
    },

    async readEvents(sessionId, range) {
      // The store reads what is durable: a command in flight is waited for, so a handler that checks the
      // log (design_snapshot's "labels are never moved") sees every command accepted before it.
      await settledTail(sessionId);
      return store.read(sessionId, range);
    },

    async invoke({ tool: name, input, call, sessionId }) {
      const tool = registry.get(name);
      if (!tool) throw new ZapTraceError('NOT_FOUND', `unknown tool "${name.slice(0, 80)}"`, { tool: name.slice(0, 80) });

      if (tool.session === 'none') {
        if (!satisfies(call.principal.grant, tool.level)) {
          const err = new ZapTraceError('OPERATION_NOT_AUTHORIZED', `${tool.name} requires ${tool.level}`, { required_capability: tool.level });
          recordRefusal(err, call, tool.name, null);
          throw err;
        }
        const parsed = tool.input.safeParse(input ?? {});
        if (!parsed.success) throw zodIssuesToError(parsed.error);
        const out = await tool.handler(parsed.data, new TurnContext(call, null, emptySessionState(''), api, services, await takeTurn(turnDeps, null, call)));
        return resultOf(out, emptySessionState(''));
      }

      if (sessionId === null) {
        throw new ZapTraceError('SESSION_REQUIRED', `${tool.name} needs a session: create one with session_create and pass its id`, {});
      }
      // The owner known from earlier calls, else the full check (the synchronous paths save a call its awaits).
      const role = owners.get(sessionId) === call.principal.id ? 'owner' : await roleOrDeny(call, sessionId, tool.name);
      // The session's turn (bounded queue) and the call's deadline; a heavy handler gives the turn back while a worker computes.
      const turn = turnNow(turnDeps, sessionId, call) ?? (await takeTurn(turnDeps, sessionId, call));
      try {
        return await inTurn(tool, input, call, sessionId, role, turn);
      } finally {
        turn.release();
      }
    },
  };

  /** A session call once it holds its turn: refusals, idempotency, validation, handler, append. */
  async function inTurn(tool: ToolDefinition<unknown, unknown, S>, input: unknown, call: CallContext, sessionId: string, role: 'owner' | 'reviewer', turn: Turn): Promise<unknown> {
    const audited = tool.level !== 'read';
    // A read, or a keyed retry that may answer with a recorded outcome, shows state: only durable state.
    // So does a release export: it writes files outside the log on the strength of an approval and
    // evidence, which must not be ones a failed flush can still take back (contract.md, "The release gate").
    if (!audited || call.idempotencyKey !== undefined || tool.level === 'release-export') await settledTail(sessionId);
    const loaded = states.peek(sessionId) ?? (await loadState(sessionId));
    if (!loaded) denyObject(call, tool.name, sessionId);
    let state = loaded;
    const keyed: KeyedCall | null =
      audited && call.idempotencyKey !== undefined ? { key: call.idempotencyKey, principal: call.principal.id, request_hash: requestHashOf(tool.name, input) } : null;
    if (keyed) {
      const earlier = idempotency.lookup(sessionId, keyed.principal, keyed.key, keyed.request_hash);
      if (earlier) return replayOutcome(earlier);
    }
    const roleRefusal = role === 'reviewer' ? reviewerRefusal(tool) : null;
    if (roleRefusal || !satisfies(call.principal.grant, tool.level)) {
      const err = roleRefusal ?? new ZapTraceError('OPERATION_NOT_AUTHORIZED', `${tool.name} requires the ${tool.level} capability`, {
        required_capability: tool.level,
        granted: impliedLevels(call.principal.grant),
      });
      recordRefusal(err, call, tool.name, sessionId);
      await commit(state, [{ type: 'ToolDenied', data: auditData(call, tool, sessionId, 'deny', 'OPERATION_NOT_AUTHORIZED') }], actorOf(call), call.requestId, undefined, () => turn.release());
      throw err;
    }
    const parsed = tool.input.safeParse(input ?? {});
    if (!parsed.success) return failed(zodIssuesToError(parsed.error), tool, call, sessionId, state, keyed, turn);
    let outcome: ToolResult<unknown>;
    try {
      const out = tool.handler(parsed.data, new TurnContext(call, sessionId, state, api, services, turn));
      outcome = out instanceof Promise ? await out : out;
    } catch (err) {
      return failed(err, tool, call, sessionId, state, keyed, turn);
    }
    const first = keyed ? await answeredMeanwhile(sessionId, keyed, turn) : null;
    if (first) return replayOutcome(first);
    if (turn.yielded()) state = (await loadState(sessionId)) ?? state; // moved on while the handler gave its turn away
    const drafts = audited ? auditedDrafts(call, tool, sessionId, outcome.events ?? []) : (outcome.events ?? []);
    if (!keyed && !('after' in outcome)) {
      const committed = commit(state, drafts, actorOf(call), call.requestId, undefined, () => turn.release());
      if (committed instanceof Promise) await committed;
      return outcome.result;
    }
    // The result is settled before the events are appended (resultBeforeAppend): a result function
    // that throws fails the call, audited as a handler failure, and nothing of it is kept.
    const derived = resultBeforeAppend(outcome, keyed);
    let next: SessionState;
    try {
      const committed = commit(state, drafts, actorOf(call), call.requestId, derived.closing, () => turn.release());
      next = committed instanceof Promise ? await committed : committed;
    } catch (err) {
      if (derived.failed(err)) return failed(err, tool, call, sessionId, state, keyed, turn);
      throw err;
    }
    return next === state ? resultOf(outcome, state) : derived.result;
  }

  /**
   * A same-key retry may run beside the first call while its worker computes (the turn is given
   * away meanwhile): whichever finishes second answers with the first one's recorded outcome, once
   * that outcome is durable (a failed flush forgets it, and this call goes on by itself).
   */
  async function answeredMeanwhile(sessionId: string, keyed: KeyedCall, turn: Turn): Promise<IdempotencyRecord['outcome'] | null> {
    if (turn.yielded()) await settledTail(sessionId);
    return idempotency.lookup(sessionId, keyed.principal, keyed.key, keyed.request_hash);
  }

  /** A call that failed in validation or in its handler: audited (ToolAuthorized with the error code, or ToolDenied), then thrown. */
  async function failed(err: unknown, tool: ToolDefinition<unknown, unknown, S>, call: CallContext, sessionId: string, state: SessionState, keyed: KeyedCall | null, turn: Turn): Promise<unknown> {
    const first = keyed ? await answeredMeanwhile(sessionId, keyed, turn) : null;
    if (first) return replayOutcome(first);
    const code = isZapTraceError(err) ? err.code : 'INTERNAL_ERROR';
    // A refusal raised inside a handler (release gate, released path, self-approval, capability)
    // is a denial, not an allowed call that failed: ToolDenied in the session, plus a security record.
    const denied = isDenialCode(code);
    if (denied) recordRefusal(err, call, tool.name, sessionId);
    if (tool.level !== 'read') {
      const fresh = (await loadState(sessionId)) ?? state;
      const type = denied ? 'ToolDenied' : 'ToolAuthorized';
      await commit(
        fresh,
        [{ type, data: auditData(call, tool, sessionId, denied ? 'deny' : 'allow', code) }],
        actorOf(call),
        call.requestId,
        () => (keyed && !transient(code) ? [idempotencyDraft({ ...keyed, outcome: failureOutcome(err) })] : []),
        () => turn.release(),
      );
    }
    throw err;
  }

  return api;
}

/** What identifies a keyed call's idempotency record (idempotency.ts). */
type KeyedCall = Omit<IdempotencyRecord, 'outcome'>;

/**
 * The draft with the call's audit record: the members sealing reads (session-commit.ts, `envelope`),
 * written out rather than spread: `{ ...draft, audit }` took V8's slow copy path here, about 0.6 µs, a
 * fortieth of a whole command.
 */
function withAudit(draft: EventDraft, audit: CallAudit): EventDraft {
  return draft.v === undefined ? { type: draft.type, data: draft.data, audit } : { type: draft.type, v: draft.v, data: draft.data, audit };
}

const NOT_THROWN: unique symbol = Symbol('not thrown');

/**
 * A call's result settled as its commit's closing step: derived from the state with its events folded
 * in, before they are appended, remembering what it threw. A keyed call records the result in the same
 * batch as its events (idempotency.ts), so both are durable or neither.
 */
function resultBeforeAppend(outcome: ToolResult<unknown>, keyed: KeyedCall | null) {
  let thrown: unknown = NOT_THROWN;
  const derived = {
    result: undefined as unknown,
    closing(folded: SessionState): EventDraft[] {
      try {
        derived.result = resultOf(outcome, folded);
      } catch (err) {
        thrown = err;
        throw err;
      }
      return keyed ? [idempotencyDraft({ ...keyed, outcome: { ok: true, result: derived.result } })] : [];
    },
    failed: (err: unknown) => thrown !== NOT_THROWN && err === thrown,
  };
  return derived;
}

/** A handler's result: given, or derived from the state with its events folded in. */
function resultOf(outcome: ToolResult<unknown>, state: SessionState): unknown {
  return 'after' in outcome ? outcome.after(state) : outcome.result;
}

/** Outcomes a retry should not get back: those that say "try again later". */
function transient(code: string): boolean {
  return code === 'STORE_UNAVAILABLE' || code === 'SERVER_BUSY' || code === 'RATE_LIMITED' || code === 'CANCELLED' || code === 'DEADLINE_EXCEEDED' || code === 'STALE_STATE' || code === 'INTERNAL_ERROR';
}
