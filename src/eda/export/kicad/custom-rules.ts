import type { Design } from '../../model/design.js';
import type { BoardGeometry } from '../../board/index.js';
import { buildCopper, landClearances, resolveDesignRules, type DrcOptions } from '../../drc/index.js';

/**
 * `.kicad_dru` writer (KiCad 9 custom design rules, `(version 1)`). It carries the land clearance
 * of footprints whose own lands are closer than the board clearance (src/eda/drc/land-clearance.ts)
 * as one rule per footprint, scoped to pairs of that footprint's pads: kicad-cli then accepts the
 * lands' gap and still judges a track or another footprint's pad near them by its net class,
 * exactly as our DRC does (test/eda/drc/land-clearance-kicad.test.ts). A footprint-level
 * `(clearance …)` in the board would relax tracks near the pads too (docs/drc.md, "Land clearance").
 * Returns "" when no footprint needs a rule.
 */
export function writeKicadDru(design: Design, geometry: BoardGeometry, options: { drc?: DrcOptions } = {}): string {
  const rules = resolveDesignRules(design, options.drc);
  const lands = landClearances(buildCopper(design, geometry), rules);
  if (lands.size === 0) return '';
  const refOf = new Map(geometry.footprints.map((f) => [f.component, f.ref]));
  const body = [...lands]
    .map(([component, mm]) => [refOf.get(component) ?? component, mm] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ref, mm]) => {
      // memberOfFootprint takes a reference pattern (* and ? wildcards): escape nothing, refuse none;
      // references are letters and digits in our designs, quotes are dropped to keep the rule parseable.
      const r = ref.replace(/['"]/g, '');
      return `(rule "land clearance ${r}"\n  (constraint clearance (min ${mm}mm))\n  (condition "A.Type == 'Pad' && B.Type == 'Pad' && A.memberOfFootprint('${r}') && B.memberOfFootprint('${r}')"))\n`;
    });
  return ['(version 1)\n', ...body].join('');
}
