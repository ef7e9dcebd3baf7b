import { loadLibrary } from '../../../src/eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import type { LibraryPart } from '../../../src/eda/model/part.js';

/**
 * Every library part against its footprint (docs/library.md, "Pin check"): does each pin land
 * on a pad (by its number, the footprint's pin table or the two-pad conventions — never by
 * declared order alone), do two different pins claim one pad (a short in the part itself), and
 * is every electrical pad claimed by some pin (a pin the record forgot, such as an NC or an
 * exposed pad)? Shared by pin-check.test.ts and by
 *   npx tsx test/eda/library/pin-check.ts [--detail]
 * which prints the failure counts quoted in docs/library.md.
 */
export type PinProblem = 'no-footprint' | 'unmapped-pin' | 'order-only' | 'shared-pad' | 'pad-without-pin';

export interface PartCheck {
  id: string;
  footprint: string;
  problems: { kind: PinProblem; detail: string }[];
}

export function checkPart(part: LibraryPart): PartCheck {
  const out: PartCheck = { id: part.id, footprint: part.footprint, problems: [] };
  const fp = resolveFootprint(part.footprint);
  if (!fp) {
    out.problems.push({ kind: 'no-footprint', detail: part.footprint });
    return out;
  }
  const r = mapPinsToPads(fp, part.pins.map((p) => ({ name: p.name, number: p.number })), { type: part.mpn || part.name });
  for (const pin of r.unmapped) out.problems.push({ kind: 'unmapped-pin', detail: pin });
  for (const pin of r.assumed) out.problems.push({ kind: 'order-only', detail: pin });
  const owner = new Map<string, string>();
  for (const [pin, pads] of Object.entries(r.map)) {
    for (const pad of pads) {
      const prior = owner.get(pad);
      if (prior !== undefined && prior !== pin) out.problems.push({ kind: 'shared-pad', detail: `${prior} and ${pin} on pad ${pad}` });
      else owner.set(pad, pin);
    }
  }
  const electrical = [...new Set(fp.pads.filter((p) => p.kind !== 'np_thru_hole' && p.number !== '').map((p) => p.number))];
  for (const pad of electrical) if (!owner.has(pad)) out.problems.push({ kind: 'pad-without-pin', detail: pad });
  return out;
}

export function checkLibrary(parts: readonly LibraryPart[] = loadLibrary().all()): PartCheck[] {
  return parts.map(checkPart);
}

export function summary(checks: readonly PartCheck[]): Record<string, number> {
  const s: Record<string, number> = { parts: checks.length, failing: checks.filter((c) => c.problems.length > 0).length };
  for (const c of checks) for (const k of new Set(c.problems.map((p) => p.kind))) s[k] = (s[k] ?? 0) + 1;
  return s;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const checks = checkLibrary();
  console.log(JSON.stringify(summary(checks)));
  if (process.argv.includes('--detail')) for (const c of checks) if (c.problems.length > 0) console.log(`${c.id} [${c.footprint}]: ${c.problems.map((p) => `${p.kind}:${p.detail}`).join(', ')}`);
}
