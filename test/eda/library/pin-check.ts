import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findShippedPartsFile, loadShippedParts, readWithdrawnFile, WITHDRAWN_FILE, WITHDRAWN_FORMAT, type WithdrawnEntry } from '../../../src/eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import type { LibraryPart } from '../../../src/eda/model/part.js';

/**
 * Every library part against its footprint (docs/library.md, "Pin check"): does each pin land
 * on a pad (by its number, the footprint's pin table or the two-pad conventions — never by
 * declared order alone), do two different pins claim one pad (a short in the part itself), and
 * is every electrical pad claimed by some pin (a pin the record forgot, such as an NC or an
 * exposed pad)? Shared by pin-check.test.ts and by
 *   npx tsx test/eda/library/pin-check.ts [--detail]
 * which prints the failure counts quoted in docs/library.md. The parts checked are every shipped
 * record (data-sheet corrections in place), withdrawn ones included: the withdrawn list is exactly
 * the failures, and `--withdrawn` rewrites data/library/withdrawn-parts.json from them
 * (docs/library.md, "Withdrawn parts").
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

export function checkLibrary(parts: readonly LibraryPart[] = loadShippedParts()): PartCheck[] {
  return parts.map(checkPart);
}

export function summary(checks: readonly PartCheck[]): Record<string, number> {
  const s: Record<string, number> = { parts: checks.length, failing: checks.filter((c) => c.problems.length > 0).length };
  for (const c of checks) for (const k of new Set(c.problems.map((p) => p.kind))) s[k] = (s[k] ?? 0) + 1;
  return s;
}

/**
 * Why a failing part fails, in words for the report: a package the catalog lacks, a pin list that is
 * one of the imported family templates (the same names on three or more parts, or far fewer pins
 * than pads), or the individual problems.
 */
export function failureReason(part: LibraryPart, check: PartCheck, signatureCount: ReadonlyMap<string, number>): string {
  const names = part.pins.map((p) => p.name);
  const shared = signatureCount.get(names.join(',')) ?? 0;
  const fp = resolveFootprint(part.footprint);
  const pads = fp ? new Set(fp.pads.filter((p) => p.kind !== 'np_thru_hole' && p.number !== '').map((p) => p.number)).size : 0;
  const template = shared >= 3 ? `family template pin list [${names.join(' ')}] shared by ${shared} parts` : fp && names.length * 2 < pads ? `${names.length} pins for ${pads} pads: not this part's pinout` : '';
  if (!fp) return `no footprint: package \`${part.footprint}\` is not in the catalog${template ? `; ${template}` : ''}`;
  if (template) return template;
  const byKind = new Map<PinProblem, string[]>();
  for (const p of check.problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p.detail]);
  return [...byKind].map(([k, d]) => `${k}: ${d.slice(0, 8).join(', ')}${d.length > 8 ? ` (+${d.length - 8})` : ''}`).join('; ');
}

export function failureReport(parts: readonly LibraryPart[] = loadShippedParts()): { id: string; footprint: string; reason: string }[] {
  const signatureCount = new Map<string, number>();
  for (const p of parts) {
    const k = p.pins.map((x) => x.name).join(',');
    signatureCount.set(k, (signatureCount.get(k) ?? 0) + 1);
  }
  return parts.flatMap((p) => {
    const c = checkPart(p);
    return c.problems.length === 0 ? [] : [{ id: p.id, footprint: p.footprint, reason: failureReason(p, c, signatureCount) }];
  });
}

/**
 * The withdrawn list for the current failures: each failing part with the pin check's reason, or
 * with the reason a person wrote (`hand_written`) while the part stays listed; a part that passes
 * leaves the list.
 */
export function withdrawnList(previous: readonly WithdrawnEntry[], parts: readonly LibraryPart[] = loadShippedParts()): WithdrawnEntry[] {
  const kept = new Map(previous.filter((e) => e.hand_written === true).map((e) => [e.id.toLowerCase(), e]));
  return failureReport(parts)
    .map((r) => kept.get(r.id.toLowerCase()) ?? { id: r.id, reason: r.reason })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function withdrawnFileText(parts: readonly WithdrawnEntry[]): string {
  // One entry a line, so a regenerated list diffs by part.
  const rows = parts.map((e) => `  ${JSON.stringify(e)}`).join(',\n');
  return `{\n "format": ${JSON.stringify(WITHDRAWN_FORMAT)},\n "version": 1,\n "parts": [\n${rows}\n ]\n}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const checks = checkLibrary();
  console.log(JSON.stringify(summary(checks)));
  if (process.argv.includes('--detail')) for (const c of checks) if (c.problems.length > 0) console.log(`${c.id} [${c.footprint}]: ${c.problems.map((p) => `${p.kind}:${p.detail}`).join(', ')}`);
  const out = process.argv.indexOf('--report');
  if (out >= 0) {
    const rows = failureReport();
    const s = summary(checks);
    const lines = [
      '# Library pin check: the parts that still fail',
      '',
      'Generated by `npx tsx test/eda/library/pin-check.ts --report docs/reports/library-pin-check.md`. Do not edit by hand.',
      '',
      `${s['failing']} of ${s['parts']} parts fail at least one check (docs/library.md, "Pin check"). Each needs its data sheet:`,
      'a record whose pin list is an imported family template has to be rewritten from the part\u2019s pin table, and a',
      'package the catalog lacks needs a footprint first.',
      '',
      '| part | footprint | reason |',
      '|---|---|---|',
      ...rows.map((r) => `| \`${r.id}\` | \`${r.footprint}\` | ${r.reason.replace(/\|/g, '\\|')} |`),
      '',
    ];
    writeFileSync(process.argv[out + 1] ?? 'docs/reports/library-pin-check.md', lines.join('\n'));
  }
  if (process.argv.includes('--withdrawn')) {
    const file = path.join(path.dirname(findShippedPartsFile()!), WITHDRAWN_FILE);
    const previous = readWithdrawnFile(file);
    const list = withdrawnList(previous);
    writeFileSync(file, withdrawnFileText(list));
    const was = new Set(previous.map((e) => e.id));
    const now = new Set(list.map((e) => e.id));
    console.log(`data/library/${WITHDRAWN_FILE}: ${list.length} withdrawn parts`);
    console.log(`left the list (pass now): ${[...was].filter((id) => !now.has(id)).join(' ') || 'none'}`);
    console.log(`joined the list (fail now): ${[...now].filter((id) => !was.has(id)).join(' ') || 'none'}`);
  }
}
