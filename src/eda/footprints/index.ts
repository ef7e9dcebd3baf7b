/** Footprint geometry (docs/footprints.md): IPC-7351B land patterns, name resolution, pin→pad mapping. */
export { resolveFootprint, resolveFootprintName, listFootprintPackages } from './resolve.js';
export { mapPinsToPads, type PinMapResult, type PinRef } from './pin-map.js';
export { ipcLands, IPC_GOALS, type FilletGoals, type LandResult, type TerminalDims } from './ipc7351.js';
