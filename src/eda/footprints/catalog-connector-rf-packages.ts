import type { CatalogEntry } from './catalog-entry.js';
import {
  AMPHENOL_RJMG1BD3B8K1ANR, CLIFF_FCR7350B, GCT_SIM8060, GCT_USB4135_6P, HIROSE_DM3D_SF, HIROSE_FH12_40S, SOT343, TE_2040210_1, TE_2129320_3, TE_5747840_3,
  WUERTH_692122030100, kicadLandEntry,
} from './connector-rf-lands.js';

/**
 * Packages of the library's connectors, mechanical parts, crystals and discrete RF parts
 * (docs/footprints.md): each entry names where its land pattern comes from.
 */
export const CONNECTOR_RF_PACKAGES: CatalogEntry[] = [
  HIROSE_DM3D_SF, GCT_USB4135_6P, WUERTH_692122030100, AMPHENOL_RJMG1BD3B8K1ANR, GCT_SIM8060, CLIFF_FCR7350B, HIROSE_FH12_40S, SOT343,
  TE_5747840_3, TE_2040210_1, TE_2129320_3,
].map(kicadLandEntry);
