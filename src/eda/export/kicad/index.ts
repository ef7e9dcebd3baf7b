export { writeKicadPcb, KICAD_PCB_VERSION, type KicadPcbOptions } from './board.js';
export { writeKicadPro, type KicadProOptions } from './project.js';
export { kicadNets, labelSafe, type KicadNet } from './nets.js';
export { kicadFootprintId, writtenPadNumber } from './footprint.js';
export { KICAD_LAYER_IDS, kicadCopperLayers, flipLayer } from './layers.js';
export { writeKicadDru } from './custom-rules.js';
