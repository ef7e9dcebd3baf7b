import { z } from 'zod';
import { bomJson, bomLines } from '../eda/export/bom/index.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { netList } from './design-views.js';
import { designText, runHeavy } from './heavy.js';

/**
 * ZapTrace's board_export is a read tool. KiCad projects, Gerber, drill and placement files are
 * release exports behind the approval and evidence gate (contract.md, "The release gate"), so at the
 * read level this returns only views that are not fabrication data: the board SVG, the BOM and the
 * netlist, inline, stamped with the design hash they show. Fabrication files: export_kicad,
 * export_manufacturing (release-export).
 */
export const boardExportTool = sessionTool({
  name: 'board_export',
  title: 'Export a board view',
  description: 'Non-fabrication views inline (svg, bom, nets). Fab files: export_manufacturing.',
  level: 'read',
  input: { design_name: DesignName, format: z.enum(['svg', 'bom', 'nets']).default('svg').describe('View.') },
  output: looseObject({ format: z.string(), design_hash: z.string() }),
  async handler(input, ctx) {
    const entry = requireDesign(ctx.state, input.design_name);
    const base = { design_name: input.design_name, design_hash: entry.hash, format: input.format, for_fabrication: false };
    if (input.format === 'bom') return { result: { ...base, ...(JSON.parse(bomJson(bomLines(entry.design, ctx.services.library.lookup))) as object) } };
    if (input.format === 'nets') return { result: { ...base, nets: netList(entry.design) } };
    const svg = await runHeavy(ctx, 'render_svg', { design: designText(entry.design), drcFindings: [] });
    return { result: { ...base, svg } };
  },
});
