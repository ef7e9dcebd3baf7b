import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import type { Design } from '../eda/model/design.js';
import { importKicadProject } from '../eda/import/index.js';
import { writeEasyedaProProject } from '../eda/import/easyeda-pro-write.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { gatherFromWorkspace } from './import-tools.js';

/**
 * `kicad_to_easyeda_pro` (sandbox-write, as in the Python ZapTrace's policy matrix): a KiCad project from
 * the workspace (read as `kicad_import_project` reads it) or a design of this session, written as a zipped
 * EasyEDA Pro project into the workspace (eda/import/easyeda-pro-write.ts; what is and is not written:
 * docs/zaptrace-parity.md, "EasyEDA Pro"). The write is atomic and refuses a path a release wrote (PATH_RELEASED). Records no event.
 */
const OutputPath = z.string().min(1).max(1024).refine((p) => /\.(epro|zip)$/i.test(p), 'a .epro or .zip file').describe('Workspace .epro (zip) file.');

export const easyedaProTools = [
  sessionTool({
    name: 'kicad_to_easyeda_pro',
    title: 'KiCad to EasyEDA Pro',
    description: 'Writes a KiCad project (project_path) or a design (design_name) as a zipped EasyEDA Pro project: outline, parts, pad nets, tracks, vias; no footprint geometry.',
    level: 'sandbox-write',
    input: {
      project_path: z.string().max(4096).optional().describe('Workspace .kicad_pro/.kicad_pcb/.kicad_sch.'),
      design_name: DesignName.optional(),
      output_path: OutputPath,
    },
    output: looseObject({ path: z.string(), counts: z.record(z.string(), z.number()) }),
    async handler(input, ctx) {
      if ((input.project_path === undefined) === (input.design_name === undefined)) {
        throw new ZapTraceError('INVALID_INPUT', 'give exactly one of project_path and design_name', { path: 'project_path', reason: 'one_source' });
      }
      let design: Design;
      let source: Record<string, unknown>;
      if (input.project_path !== undefined) {
        const g = await gatherFromWorkspace(ctx, input.project_path);
        const imported = importKicadProject({ name: g.stem, sheets: g.sheets, fields: g.fields, ...(g.pcb ? { pcb: g.pcb } : {}) });
        design = imported.design;
        source = { project_path: input.project_path, import_report: imported.report };
      } else {
        const entry = requireDesign(ctx.state, input.design_name!);
        design = entry.design;
        source = { design_name: input.design_name, design_hash: entry.hash };
      }
      const out = writeEasyedaProProject(design);
      const written = await ctx.services.workspace.writeAtomic(input.output_path, out.zip, { field: 'output_path' });
      return { result: { ...written, ...source, files: out.files, counts: out.counts } };
    },
  }),
];
