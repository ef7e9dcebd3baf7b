import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ZapTraceError } from '../../kernel/errors.js';
import type { LibraryPart } from '../model/part.js';
import { compact } from './text.js';

/**
 * Withdrawn parts (docs/library.md, "Withdrawn parts"): shipped records the library keeps on disk but
 * never offers, because their pin table could not be verified against a data sheet (an imported
 * family template, a package without a land pattern) or because they are no solderable part at all
 * (an evaluation kit, a development board). The list is data/library/withdrawn-parts.json, written by
 * `npx tsx test/eda/library/pin-check.ts --withdrawn` from the parts that fail the pin check.
 */
export interface WithdrawnEntry {
  id: string;
  reason: string;
  /** The reason was written by a person (kept when the list is regenerated), not by the pin check. */
  hand_written?: boolean;
}

export interface WithdrawnPart {
  id: string;
  reason: string;
}

export const WITHDRAWN_FORMAT = 'zaptrace-library-withdrawn';
export const WITHDRAWN_FILE = 'withdrawn-parts.json';

/** Reads and checks the withdrawn list; a malformed list is a packaging fault, never silently empty. */
export function readWithdrawnFile(file: string): WithdrawnEntry[] {
  if (!existsSync(file)) throw new ZapTraceError('INTERNAL_ERROR', `the shipped withdrawn-parts list (data/library/${WITHDRAWN_FILE}) is missing`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; parts?: unknown };
  const bad = (why: string): never => {
    throw new ZapTraceError('INTERNAL_ERROR', `data/library/${WITHDRAWN_FILE}: ${why}`);
  };
  if (raw.format !== WITHDRAWN_FORMAT) bad(`format is not "${WITHDRAWN_FORMAT}"`);
  if (!Array.isArray(raw.parts)) bad('no parts list');
  return (raw.parts as unknown[]).map((e, i) => {
    const r = e as Partial<WithdrawnEntry> | null;
    if (typeof r?.id !== 'string' || r.id === '' || typeof r.reason !== 'string' || r.reason === '') bad(`entry ${i} needs an id and a reason`);
    return { id: r!.id!, reason: r!.reason!, ...(r!.hand_written === true ? { hand_written: true } : {}) };
  });
}

export function shippedWithdrawnFile(partsFile: string): string {
  return path.join(path.dirname(partsFile), WITHDRAWN_FILE);
}

/**
 * Which withdrawn part a design component names: its part_id (the id, case-insensitively), or its
 * mpn or type written as a withdrawn part's id, mpn or name (the keys the lookup matches,
 * src/eda/library/lookup.ts). Used only when the lookup found no offered part.
 */
export function makeWithdrawnIndex(withdrawn: readonly { part: LibraryPart; reason: string }[]) {
  const byId = new Map<string, WithdrawnPart>();
  const byKey = new Map<string, WithdrawnPart>();
  for (const { part, reason } of [...withdrawn].sort((a, b) => (a.part.id < b.part.id ? -1 : 1))) {
    const w = { id: part.id, reason };
    byId.set(part.id.toLowerCase(), w);
    for (const k of [part.id, part.mpn, part.name].map(compact)) if (k !== '' && !byKey.has(k)) byKey.set(k, w);
  }
  const list = [...byId.values()];
  return {
    get: (id: string): WithdrawnPart | undefined => {
      const w = byId.get(id.trim().toLowerCase());
      return w && { ...w };
    },
    named: (c: { part_id: string | null; mpn: string | null; type: string }): WithdrawnPart | undefined => {
      const w = c.part_id !== null && c.part_id.trim() !== '' ? byId.get(c.part_id.trim().toLowerCase()) : [c.mpn, c.type].map((t) => (t === null ? undefined : byKey.get(compact(t)))).find((x) => x !== undefined);
      return w && { ...w };
    },
    all: (): WithdrawnPart[] => list.map((w) => ({ ...w })),
  };
}
