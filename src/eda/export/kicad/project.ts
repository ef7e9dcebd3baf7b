import type { Design } from '../../model/design.js';
import { resolveDesignRules, type DrcOptions, type ResolvedClass } from '../../drc/design-rules.js';
import { kicadNets } from './nets.js';

/**
 * `.kicad_pro` writer (KiCad 9 project file, JSON). It carries what KiCad's DRC reads besides the
 * board: the board-wide minimums (`board.design_settings.rules`), rule severities and the net
 * classes with their patterns (`net_settings`). Library-path checks are set to "ignore" because
 * our footprints come from no KiCad library (shared/spec/facts.md, "KiCad 9 as the file oracle").
 */

export interface KicadProOptions {
  /** Stem of the project file name, recorded in meta.filename; default "board". */
  name?: string;
  drc?: DrcOptions;
}

function classJson(c: ResolvedClass, priority: number): Record<string, unknown> {
  return {
    name: c.name,
    clearance: c.clearanceMm,
    track_width: c.trackWidthMm,
    via_diameter: c.viaDiameterMm,
    via_drill: c.viaDrillMm,
    microvia_diameter: 0.3,
    microvia_drill: 0.1,
    diff_pair_gap: 0.25,
    diff_pair_width: c.trackWidthMm,
    diff_pair_via_gap: 0.25,
    wire_width: 6,
    bus_width: 12,
    line_style: 0,
    pcb_color: 'rgba(0, 0, 0, 0.000)',
    schematic_color: 'rgba(0, 0, 0, 0.000)',
    priority,
  };
}

export function writeKicadPro(design: Design, options: KicadProOptions = {}): string {
  const rules = resolveDesignRules(design, options.drc);
  const name = options.name ?? 'board';
  // Pattern assignments: the classes' own patterns, then every net whose class resolves to a
  // non-default class by name (KiCad knows nets only by name).
  const kNets = kicadNets(design);
  const patterns = rules.classes.flatMap((c) => c.patterns.map((pattern) => ({ netclass: c.name, pattern })));
  for (const [id, kn] of kNets) {
    const c = rules.classOfNet(id);
    if (c !== rules.defaultClass && !c.patterns.includes(kn.name)) patterns.push({ netclass: c.name, pattern: kn.name });
  }
  const project = {
    board: {
      design_settings: {
        defaults: {},
        diff_pair_dimensions: [],
        drc_exclusions: [],
        rule_severities: {
          lib_footprint_issues: 'ignore',
          lib_footprint_mismatch: 'ignore',
          // KiCad's default for hole_to_hole is "warning"; a drill too close to another breaks the
          // drill bit at the fab, so we (and our DRC) treat it as an error.
          hole_to_hole: 'error',
        },
        rules: {
          min_clearance: rules.minClearanceMm,
          min_connection: 0,
          min_copper_edge_clearance: rules.copperEdgeClearanceMm,
          // Copper-to-hole: KiCad 9's default 0.25 mm (or the board minimum, if larger), which our DRC
          // and router keep for non-plated holes, so the board passes KiCad's default rules too.
          min_hole_clearance: rules.holeClearanceMm,
          min_hole_to_hole: rules.holeToHoleMm,
          min_microvia_diameter: 0.2,
          min_microvia_drill: 0.1,
          min_resolved_spokes: 1,
          min_silk_clearance: 0,
          min_text_height: 0.8,
          min_text_thickness: 0.08,
          min_through_hole_diameter: rules.minHoleMm,
          min_track_width: rules.minTrackWidthMm,
          min_via_annular_width: rules.minAnnularRingMm,
          min_via_diameter: rules.minViaDiameterMm,
          solder_mask_to_copper_clearance: 0,
          use_height_for_length_calcs: true,
        },
        track_widths: [],
        via_dimensions: [],
      },
    },
    boards: [],
    erc: {
      rule_severities: {
        lib_symbol_issues: 'ignore',
        footprint_link_issues: 'ignore',
        // The schematic connects by global labels (docs/schematic.md), so a one-pin net is a global
        // label that appears once; KiCad ignores that by default. A warning keeps the one-pin net
        // visible, as our ERC's `net.single-node` warning does.
        single_global_label: 'warning',
      },
    },
    libraries: { pinned_footprint_libs: [], pinned_symbol_libs: [] },
    meta: { filename: `${name}.kicad_pro`, version: 3 },
    net_settings: {
      classes: [classJson(rules.defaultClass, 2147483647), ...rules.classes.map((c, i) => classJson(c, i))],
      meta: { version: 4 },
      net_colors: null,
      netclass_assignments: null,
      netclass_patterns: patterns,
    },
    pcbnew: { page_layout_descr_file: '' },
    sheets: [],
    text_variables: {},
  };
  return JSON.stringify(project, null, 2) + '\n';
}
