import { z } from 'zod';
import { PinType } from './design.js';

/**
 * A component library record (docs/library.md, "Model"), normalised from ZapTrace's library YAML. Ids are kept
 * verbatim so designs and agents written for ZapTrace resolve the same parts.
 */
export const PartPin = z
  .object({
    name: z.string(),
    type: PinType,
    /** Pad number on the part's footprint, when known. */
    number: z.string().nullable().default(null),
    description: z.string().default(''),
  })
  .strict();
export type PartPin = z.infer<typeof PartPin>;

export const LibraryPart = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    category: z.string(),
    manufacturer: z.string(),
    mpn: z.string(),
    description: z.string(),
    package: z.string(),
    footprint: z.string(),
    lifecycle: z.string(),
    /** Supply voltage in volts when the part states one (e.g. 3.3), else null. */
    voltage_supply_v: z.number().nullable(),
    pins: z.array(PartPin),
    /** Parsed electrical value for passives: SI base units (ohm, farad, henry), else null. */
    value_si: z.number().nullable(),
    /** The value as written ("100nF"), else null. */
    value_text: z.string().nullable(),
    properties: z.record(z.string(), z.json()),
    datasheet: z.string(),
    source: z.string(),
  })
  .strict();
export type LibraryPart = z.infer<typeof LibraryPart>;

/** How checks find the library record of a design component, without depending on the library module. */
export type PartLookup = (component: { type: string; part_id: string | null; mpn: string | null; value: string | null; footprint: string | null }) => LibraryPart | undefined;
