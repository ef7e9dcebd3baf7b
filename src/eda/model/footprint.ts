import { z } from 'zod';
import { Point } from './design.js';

/**
 * Footprint geometry in footprint-local millimetres (origin at the footprint's anchor, y down,
 * as in KiCad's .kicad_mod). Produced by `eda/footprints`; read by placement, routing, DRC and
 * exporters. A footprint that cannot be resolved is never guessed (docs/footprints.md, "Name resolution"): callers get
 * `undefined` and report a finding.
 */
export const PadShape = z.enum(['rect', 'roundrect', 'circle', 'oval']);
export type PadShape = z.infer<typeof PadShape>;

export const PadKind = z.enum(['smd', 'thru_hole', 'np_thru_hole']);
export type PadKind = z.infer<typeof PadKind>;

export const Pad = z
  .object({
    /** Pad number as printed on the land pattern ("1", "A1", "EP"). Several pads may share a number. */
    number: z.string(),
    kind: PadKind,
    shape: PadShape,
    at: Point,
    /** Width (x) and height (y) before rotation. */
    size: z.tuple([z.number().positive(), z.number().positive()]),
    rotation_deg: z.number().default(0),
    /** Corner radius ratio for roundrect (KiCad's roundrect_rratio), 0..0.5. */
    roundrect_ratio: z.number().min(0).max(0.5).default(0.25),
    /** Drill diameter for through-hole pads (round holes). */
    drill_mm: z.number().positive().nullable().default(null),
    /**
     * Slotted (oval) hole as [width, height] before rotation, for parts whose datasheet asks for a
     * slot (e.g. USB-C shell tabs). Absent for round holes; `drill_mm` then holds the slot width.
     */
    drill_slot_mm: z.tuple([z.number().positive(), z.number().positive()]).optional(),
    /** Copper side of an SMD pad on a top-side footprint. */
    side: z.enum(['top', 'bottom']).default('top'),
    /** Whether mask/paste openings are generated (paste is false for test points, holes). */
    paste: z.boolean().default(true),
  })
  .strict();
export type Pad = z.infer<typeof Pad>;

/** Corner radius of a roundrect pad as KiCad draws it: roundrect_rratio (0..0.5) × the smaller side. */
export function roundrectRadius(size: readonly [number, number], ratio: number): number {
  return Math.min(0.5, Math.max(0, ratio)) * Math.min(size[0], size[1]);
}

export const Line = z.object({ start: Point, end: Point, width_mm: z.number().positive() }).strict();
export type Line = z.infer<typeof Line>;

export const Footprint = z
  .object({
    /** Canonical name, e.g. "R_0402_1005Metric" style is not required; we use our own ("0402", "SOIC-8"). */
    name: z.string(),
    /** Package family, e.g. "chip", "soic", "qfn". */
    family: z.string(),
    description: z.string(),
    pads: z.array(Pad),
    /** Courtyard as an axis-aligned rectangle [minX, minY, maxX, maxY] in local coordinates. */
    courtyard: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    silkscreen: z.array(Line),
    /** Body outline for the fab layer, same form as courtyard. */
    body: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    /** Where the dimensions come from (IPC-7351B table, datasheet). */
    source: z.string(),
  })
  .strict();
export type Footprint = z.infer<typeof Footprint>;
