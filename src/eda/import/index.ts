/** Importers of other tools' files into our design model, each with a fidelity report (docs/import.md). */
export { readSexpr, SEXPR_LIMITS, type SexprLimits } from './sexpr-read.js';
export { importKicadProject, type KicadProjectInput } from './kicad-project.js';
export { sheetFiles } from './kicad-sch.js';
export type { FidelityReport, Tally } from './report.js';
export { importEasyedaPcb, parseEasyedaDocument } from './easyeda.js';
export { writeEasyedaPcb } from './easyeda-write.js';
export { compareRoundTrip, type RoundTrip, type Survival } from './compare.js';
