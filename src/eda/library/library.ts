import type { LibraryPart, PartLookup } from '../model/part.js';
import { buildLookupTables, getPart, makeLookup } from './lookup.js';
import { buildSearchIndex } from './search-index.js';
import { makeScratch, searchIndex, type SearchHit, type SearchOptions } from './search.js';
import { makeWithdrawnIndex, type WithdrawnPart } from './withdrawn.js';

/** A problem met while loading a library; loading carries on without the record. */
export interface LibraryIssue {
  /** Host-free origin: "user[0]:rf/my-part.yaml" or "shipped". */
  source: string;
  id: string | null;
  severity: 'error' | 'warning';
  message: string;
}

export interface Library {
  readonly size: number;
  readonly issues: readonly LibraryIssue[];
  get(id: string): LibraryPart | undefined;
  search(query: string, opts?: SearchOptions): SearchHit[];
  categories(): { category: string; count: number }[];
  packages(): string[];
  /** Every part, sorted by id. */
  all(): readonly LibraryPart[];
  lookup: PartLookup;
  /**
   * A withdrawn part by id (docs/library.md, "Withdrawn parts"): kept out of get, search,
   * categories, all and lookup, so nothing offers or builds with it; this says why.
   */
  withdrawn(id: string): WithdrawnPart | undefined;
  /** The withdrawn part a design component names by part_id, mpn or type, if any. */
  withdrawnNamed(component: { part_id: string | null; mpn: string | null; type: string }): WithdrawnPart | undefined;
  /** Every withdrawn part, sorted by id. */
  withdrawnParts(): WithdrawnPart[];
}

/**
 * Builds the in-memory library (indexes included) from normalised parts. Ids must be unique.
 * `withdrawn` are records held back (with the reason): they are in no index, only answerable by id.
 */
export function createLibrary(parts: readonly LibraryPart[], issues: readonly LibraryIssue[] = [], withdrawn: readonly { part: LibraryPart; reason: string }[] = []): Library {
  const sorted = [...parts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = buildSearchIndex(sorted);
  const tables = buildLookupTables(sorted);
  const scratch = makeScratch(sorted.length);
  const categoryCounts = new Map<string, number>();
  for (const p of sorted) categoryCounts.set(p.category, (categoryCounts.get(p.category) ?? 0) + 1);
  const categories = [...categoryCounts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => (a.category < b.category ? -1 : 1));
  const packages = [...new Set(sorted.map((p) => p.package).filter((p) => p.length > 0))].sort((a, b) => a.localeCompare(b, 'en'));
  const frozenIssues = Object.freeze([...issues]);
  const held = makeWithdrawnIndex(withdrawn);
  return {
    size: sorted.length,
    issues: frozenIssues,
    get: (id) => getPart(sorted, tables, id),
    search: (query, opts) => searchIndex(index, scratch, query, opts),
    categories: () => categories.map((c) => ({ ...c })),
    packages: () => [...packages],
    all: () => sorted,
    lookup: makeLookup(index, tables),
    withdrawn: held.get,
    withdrawnNamed: held.named,
    withdrawnParts: held.all,
  };
}
