/** KiCad 9 schematic export: docs/schematic.md. */
export { writeKicadSch, KICAD_SCH_VERSION, type KicadSchOptions } from './schematic.js';
export { netLabels, labelSafe } from './labels.js';
export { planPower, type PowerPlan } from './power.js';
export { stableUuid } from './uuid.js';
export { onGrid, GRID_MM } from './grid.js';
