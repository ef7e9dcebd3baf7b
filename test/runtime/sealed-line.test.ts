import { describe, expect, it } from 'vitest';
import { hashOfEventObject, hashOfStoredText, sealEvent, shareEnvelopeMember, storedLineOf, type UnsealedEvent } from '../../src/runtime/events/stored-line.js';
import type { CallAudit, EventActor } from '../../src/runtime/events/types.js';
import { seededRng } from '../../src/kernel/rng.js';

/**
 * sealEvent composes an event's line member by member, reusing the text of shared members
 * (events/stored-line.ts): the line must be exactly the object's own JSON.stringify text, or format 2
 * (hash of the stored bytes, docs/event-log.md) would hash something a reader cannot reproduce.
 */
const NASTY = ['', 'plain', 'quote " and backslash \\', 'new\nline\ttab', 'Ω 4k7 ±1% 🙂', '\u2028\u2029', '\u0000\u001f', '</script>', 'a'.repeat(300)];

describe('sealed lines equal the JSON.stringify text of the event', () => {
  it('for random envelopes and data, shared and unshared members, with and without an audit record', () => {
    const rng = seededRng(7);
    const rnd = () => rng.next();
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const sharedActor = shareEnvelopeMember<EventActor>({ principal: 'token:alice', actor: pick(NASTY), surface: 'mcp', auth_source: 'grant-token' });
    const sharedAudit = shareEnvelopeMember<CallAudit>({ tool: 'component_add', capability: 'sandbox-write', granted: ['read', 'preview-write', 'sandbox-write'], decision: 'allow', reason: pick(NASTY), outcome: 'ok' });
    const dataOf = (): unknown => {
      switch (Math.floor(rnd() * 6)) {
        case 0:
          return { design_name: pick(NASTY), component: { id: 'R1', value: pick(NASTY), pins: {}, n: rnd() * 1e6, neg: -0, big: 1e21, small: 1e-7, nil: null, gone: undefined }, connections: [] };
        case 1:
          return [1, 'two', { three: [null, true, false] }, undefined];
        case 2:
          return pick(NASTY);
        case 3:
          return 12.5;
        case 4:
          return null;
        default:
          return undefined;
      }
    };
    for (let i = 0; i < 500; i++) {
      const u: UnsealedEvent = {
        seq: 1 + Math.floor(rnd() * 1e6),
        id: pick(['0b8f5c8e-4a43-4b8e-9a59-7c0f4f1f8a11', pick(NASTY)]),
        type: pick(['ComponentAdded', 'ToolDenied', pick(NASTY)]),
        v: pick([1, 2]),
        at: pick(['2026-12-05T01:02:03.456Z', pick(NASTY)]),
        session_id: pick(['zs_pe7R5Yj77KTFxJuCC92CrSYAh3w', pick(NASTY)]),
        actor: rnd() < 0.5 ? sharedActor : { principal: pick(NASTY), actor: pick(NASTY), surface: 'rest', auth_source: 'dev-header' },
        request_id: pick(NASTY),
        audit: pick([undefined, sharedAudit, { ...sharedAudit, reason: pick(NASTY), subject: 'plugin:x@1' }]),
        data: dataOf(),
        prev_hash: 'f'.repeat(64),
      };
      const e = sealEvent(u);
      expect(storedLineOf(e)).toBe(JSON.stringify(e));
      expect(hashOfEventObject(e)).toBe(e.hash);
      expect(hashOfStoredText(JSON.parse(storedLineOf(e)), storedLineOf(e))).toBe(e.hash);
    }
  });
});
