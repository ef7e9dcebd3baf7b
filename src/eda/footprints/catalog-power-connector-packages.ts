import type { CatalogEntry } from './catalog-entry.js';

/**
 * Packages of the library's power ICs, connectors, timing parts, interface, memory and protection parts (docs/footprints.md):
 * each entry names where its land pattern comes from.
 */
export const POWER_CONNECTOR_PACKAGES: CatalogEntry[] = [];
