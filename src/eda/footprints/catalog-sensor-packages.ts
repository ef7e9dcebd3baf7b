import type { CatalogEntry } from './catalog-entry.js';

/**
 * Packages of the library's sensors, security ICs, optoelectronics and passive networks (docs/footprints.md):
 * each entry names where its land pattern comes from.
 */
export const SENSOR_PACKAGES: CatalogEntry[] = [];
