import type { CatalogEntry } from './catalog-entry.js';

/**
 * Packages of the library's microcontrollers, radios and RF modules (docs/footprints.md):
 * each entry names where its land pattern comes from.
 */
export const MCU_RF_PACKAGES: CatalogEntry[] = [];
