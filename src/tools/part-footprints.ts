import { ZapTraceError } from '../kernel/errors.js';
import type { Component, Design } from '../eda/model/design.js';
import type { Library } from '../eda/library/index.js';
import { parseDesignText, type ParseOptions, type ParseResult } from '../eda/parse/index.js';
import { resolveFootprint } from '../eda/footprints/index.js';
import { contentBoardSizeCovering } from '../eda/place/board-size.js';

type LibraryPart = NonNullable<ReturnType<Library['lookup']>>;

/**
 * Parts found per library for the fields a lookup without a footprint reads (src/eda/library/lookup.ts:
 * part_id, mpn, type, value): a session adds the same kinds of parts again and again, and a generic
 * passive is otherwise a scan of the whole library per component_add. A library is immutable once
 * built, so an answer never goes stale; the memo is bounded.
 */
const lookups = new WeakMap<Library, Map<string, LibraryPart | null>>();

/** The last answer: component_add asks twice for the component it builds (withdrawn check, then footprint). */
let last: { component: Component; library: Library; part: LibraryPart | undefined } | null = null;

function partOf(component: Component, library: Library): LibraryPart | undefined {
  if (last !== null && last.component === component && last.library === library) return last.part;
  const part = memoPartOf(component, library);
  last = { component, library, part };
  return part;
}

function memoPartOf(component: Component, library: Library): LibraryPart | undefined {
  let memo = lookups.get(library);
  if (!memo) lookups.set(library, (memo = new Map()));
  const key = JSON.stringify([component.part_id, component.mpn, component.type, component.value]);
  let part = memo.get(key);
  if (part === undefined) {
    part = library.lookup(component) ?? null;
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, part);
  }
  return part ?? undefined;
}

/**
 * A component without a footprint takes its library part's footprint, written into the design
 * itself (and so into the event and the design-state hash). ERC already accepts a part's
 * footprint; making it explicit keeps placement, DRC and every exporter in agreement with it.
 */
export function footprintFromLibrary(component: Component, library: Library): { component: Component; filled: { ref: string; footprint: string; part: string } | null } {
  if (component.footprint !== null) return { component, filled: null };
  const part = partOf(component, library);
  if (!part || part.footprint === '') return { component, filled: null };
  return { component: { ...component, footprint: part.footprint, part_id: component.part_id ?? part.id }, filled: { ref: component.ref, footprint: part.footprint, part: part.id } };
}

/**
 * The withdrawn library part (docs/library.md, "Withdrawn parts") a component names when no offered
 * part answers it: its part_id, or an mpn or type that is a withdrawn part's id, mpn or name.
 */
export function withdrawnPartOf(component: Component, library: Library): { id: string; reason: string } | undefined {
  if (partOf(component, library) !== undefined) return undefined;
  return library.withdrawnNamed(component);
}

/** component_add refuses a withdrawn part: building with a pinout nobody verified is what withdrawal prevents. */
export function refuseWithdrawnPart(component: Component, library: Library): void {
  const w = withdrawnPartOf(component, library);
  if (!w) return;
  const path = component.part_id !== null && component.part_id.trim() !== '' ? 'part_id' : 'type_name';
  throw new ZapTraceError('NOT_FOUND', `library part "${w.id}" is withdrawn: ${w.reason}. Choose a verified part (library_search), or load your own record of it from a user library`, { path, withdrawn: true, id: w.id, reason: w.reason });
}

export function designWithLibraryFootprints(design: Design, library: Library): { design: Design; warnings: { path: string; message: string }[] } {
  const warnings: { path: string; message: string }[] = [];
  let components: Design['components'] | null = null;
  for (const [id, c] of Object.entries(design.components)) {
    const w = withdrawnPartOf(c, library);
    if (w) warnings.push({ path: `components.${id}`, message: `${c.ref} names library part ${w.id}, which is withdrawn (${w.reason}); nothing (pins, pin types, footprint) is taken from it, so the component keeps only the pins and footprint the design gives` });
    const { component, filled } = footprintFromLibrary(c, library);
    if (!filled) continue;
    components ??= { ...design.components };
    components[id] = component;
    warnings.push({ path: `components.${id}.footprint`, message: `${filled.ref} had no footprint; took "${filled.footprint}" from library part ${filled.part}` });
  }
  return { design: components ? { ...design, components } : design, warnings };
}

/** How every tool turns design text into a design: parse, then make library footprints explicit. */
export function parseWithLibrary(text: string, options: ParseOptions, library: Library): ParseResult {
  const parsed = parseDesignText(text, options);
  const filled = designWithLibraryFootprints(parsed.design, library);
  // The parser keeps ZapTrace's schema default (100 x 80 mm, docs/design-model.md) and says so; with
  // the library footprints known, a design that states no size gets an outline sized to its parts.
  const unsized = parsed.warnings.findIndex((w) => w.path === 'board' && w.message.startsWith('no board size given'));
  if (unsized < 0) return { design: filled.design, warnings: [...parsed.warnings, ...filled.warnings] };
  const size = contentBoardSizeCovering(filled.design, resolveFootprint);
  const { width_mm: w, height_mm: h } = filled.design.board;
  // A pour stated without a polygon was given the default outline: it follows the board.
  const wasOutline = (poly: readonly (readonly number[])[]) => poly.length === 4 && poly.every(([x, y]) => (x === 0 || x === w) && (y === 0 || y === h));
  const rect: [number, number][] = [[0, 0], [size.width_mm, 0], [size.width_mm, size.height_mm], [0, size.height_mm]];
  const pours = Object.fromEntries(Object.entries(filled.design.copper_pours).map(([k, p]) => [k, wasOutline(p.polygon) ? { ...p, polygon: rect } : p]));
  const design = { ...filled.design, board: { ...filled.design.board, width_mm: size.width_mm, height_mm: size.height_mm }, copper_pours: pours };
  const warnings = parsed.warnings.map((w, i) => (i === unsized ? { path: w.path, message: `no board size given; ${size.rule}` } : w));
  return { design, warnings: [...warnings, ...filled.warnings] };
}
