/** Gerber X2 export (Ucamco Gerber Layer Format Specification; docs/exports.md, "Gerber"): one RS-274X file per layer plus the .gbrjob job file. */
export { writeGerbers, MASK_EXPANSION_MM, PROFILE_LINE_MM, type GerberFile } from './layers.js';
export { writeGerberJob } from './job.js';
export { escapeAttr, unescapeAttr } from './attributes.js';
export { padAperture, type ApertureShape } from './apertures.js';
export { toFileXY, fileStem, padsWithSource, GENERATOR, type PadWithSource } from './fab-common.js';
