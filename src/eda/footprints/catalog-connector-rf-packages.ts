import type { CatalogEntry } from './catalog-entry.js';

/**
 * Packages of the library's connectors, mechanical parts, crystals and discrete RF parts
 * (docs/footprints.md): each entry names where its land pattern comes from.
 */
export const CONNECTOR_RF_PACKAGES: CatalogEntry[] = [];
