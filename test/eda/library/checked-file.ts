import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Library } from '../../../src/eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../src/eda/footprints/index.js';
import { LibraryPart } from '../../../src/eda/model/part.js';
import { checkPart } from './pin-check.js';

/**
 * What the tests of the checked-parts files (data/library/checked-parts-<family>.json, docs/library.md,
 * "Checked pinouts") share: reading a file, the pads a part's pins land on, and the assertions every
 * checked record must meet whatever its family.
 */
export interface CheckedFile {
  format: string;
  count: number;
  parts: { id: string }[];
}

export function readCheckedFile(name: string): CheckedFile {
  return JSON.parse(readFileSync(new URL(`../../../data/library/${name}`, import.meta.url), 'utf8')) as CheckedFile;
}

/** Pin name → pad numbers, as the footprint mapper places them. */
export function padsOf(library: Library, id: string): Record<string, string[]> {
  const part = library.get(id);
  if (!part) throw new Error(`no part ${id}`);
  const fp = resolveFootprint(part.footprint);
  if (!fp) throw new Error(`${id}: footprint ${part.footprint} does not resolve`);
  return mapPinsToPads(fp, part.pins.map((p) => ({ name: p.name, number: p.number })), { type: part.mpn }).map;
}

/**
 * The record fits the part model, passes the pin check and names a pinout source matching `source`;
 * the library serves it from `name` (its `source` field says so) unless `keepsImportSource` (the
 * microcontroller records keep the source of the import they correct).
 */
export function expectCheckedRecord(library: Library, id: string, name: string, source: RegExp, keepsImportSource = false): void {
  const part = library.get(id);
  expect(part, id).toBeDefined();
  if (!keepsImportSource) expect(part!.source, id).toBe(`zaptrace-runtime:data/library/${name}`);
  expect(LibraryPart.safeParse(part).success, id).toBe(true);
  expect(part!.properties['review_status'], id).toBe('pinout-checked');
  expect(String(part!.properties['pinout_source'] ?? ''), id).toMatch(source);
  expect(checkPart(part!).problems, id).toEqual([]);
}
