import type { Component, Design } from '../eda/model/design.js';
import type { Library } from '../eda/library/index.js';
import { parseDesignText, type ParseOptions, type ParseResult } from '../eda/parse/index.js';

/**
 * A component without a footprint takes its library part's footprint, written into the design
 * itself (and so into the event and the design-state hash). ERC already accepts a part's
 * footprint; making it explicit keeps placement, DRC and every exporter in agreement with it.
 */
export function footprintFromLibrary(component: Component, library: Library): { component: Component; filled: { ref: string; footprint: string; part: string } | null } {
  if (component.footprint !== null) return { component, filled: null };
  const part = library.lookup(component);
  if (!part || part.footprint === '') return { component, filled: null };
  return { component: { ...component, footprint: part.footprint, part_id: component.part_id ?? part.id }, filled: { ref: component.ref, footprint: part.footprint, part: part.id } };
}

export function designWithLibraryFootprints(design: Design, library: Library): { design: Design; warnings: { path: string; message: string }[] } {
  const warnings: { path: string; message: string }[] = [];
  let components: Design['components'] | null = null;
  for (const [id, c] of Object.entries(design.components)) {
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
  return { design: filled.design, warnings: [...parsed.warnings, ...filled.warnings] };
}
