export { writeKicadPcb, KICAD_PCB_VERSION, type KicadPcbOptions } from './board.js';
export { writeKicadPro, type KicadProOptions } from './project.js';
export { kicadNets, type KicadNet } from './nets.js';
export { KICAD_LAYER_IDS, kicadCopperLayers, flipLayer } from './layers.js';
