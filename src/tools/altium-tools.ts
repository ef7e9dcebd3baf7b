import { z } from 'zod';
import type { Design } from '../eda/model/design.js';
import type { FidelityReport } from '../eda/import/index.js';
import { importAltiumAscii, parseAltiumAscii } from '../eda/import/altium-ascii.js';
import { looseObject, sessionTool } from './define.js';

/**
 * `altium_import_fidelity` (read, as in the Python ZapTrace's policy matrix): an Altium PCB ASCII document
 * read into the design model in memory, answered with the fidelity report every importer gives
 * (eda/import/report.ts). Stores nothing. The binary PcbDoc is refused with `reason: "binary_pcbdoc"`
 * (docs/zaptrace-parity.md, "Altium").
 */
export const altiumTools = [
  sessionTool({
    name: 'altium_import_fidelity',
    title: 'Altium import fidelity',
    description: 'Reads an Altium PCB ASCII document (not binary PcbDoc) into the design model; reports parts, nets, positions, tracks, vias kept and dropped. Stores nothing.',
    level: 'read',
    input: {
      pcbdoc_text: z.string().max(8 * 1024 * 1024).describe('Altium PCB ASCII text (|RECORD=… lines).'),
      include_design: z.boolean().default(false).describe('Also return the imported design.'),
    },
    output: looseObject({ report: looseObject({ parts: z.unknown(), nets: z.unknown(), placement: z.unknown(), tracks: z.unknown() }) }),
    handler(input) {
      const { design, report } = importAltiumAscii(parseAltiumAscii(input.pcbdoc_text, 'pcbdoc_text'), 'altium-import');
      const result: { report: FidelityReport; design?: Design } = { report };
      if (input.include_design) result.design = design;
      return { result };
    },
  }),
];
