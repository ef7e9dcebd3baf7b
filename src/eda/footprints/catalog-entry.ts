import type { Footprint } from '../model/footprint.js';

/**
 * The named packages. Each entry builds its footprint lazily; `bodyMm`/`pitchMm` let the resolver
 * check KiCad-style names that spell out dimensions ("SOIC-8_3.9x4.9mm_P1.27mm"), and `suffixOk`
 * marks JEDEC-fixed outlines whose generic name may close a part-specific one ("INA226-MSOP10").
 * Families whose dimensions vary by vendor (QFN, DFN, LGA) are never matched by suffix.
 */
export interface CatalogEntry {
  name: string;
  family: string;
  description: string;
  aliases: string[];
  build: () => Footprint;
  /** [across rows / x, along rows / y] body size, for dimension checks. */
  bodyMm?: [number, number];
  pitchMm?: number;
  epMm?: [number, number];
  suffixOk?: boolean;
}
