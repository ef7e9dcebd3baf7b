import { posix } from 'node:path';
import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import type { SList } from '../eda/sexpr/index.js';
import type { Design } from '../eda/model/design.js';
import { compareRoundTrip, importEasyedaPcb, importKicadProject, parseEasyedaDocument, readSexpr, sheetFiles, writeEasyedaPcb, type FidelityReport } from '../eda/import/index.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designSummary } from './design-views.js';
import { deriveDesignName } from './design-names.js';

/**
 * Importers (docs/import.md). `kicad_import_project` (preview-write, as in the Python ZapTrace's policy
 * matrix) turns a KiCad project into a NEW design, never overwriting one; `easyeda_std_roundtrip`
 * (read) parses an EasyEDA Standard PCB into our model in memory, writes it back and reads it again,
 * and reports what survived. Both answer with the fidelity report of eda/import/report.ts.
 */

const MAX_FILE = 16 * 1024 * 1024;
const MAX_SHEETS = 200;
const MAX_TOTAL = 64 * 1024 * 1024;

/** A fresh design name: the one asked for (refused when taken), else one derived from the project. */
function newDesignName(ctx: Ctx, requested: string | undefined, fallback: string): string {
  const name = requested ?? deriveDesignName(fallback, (n) => Object.hasOwn(ctx.state.designs, n));
  if (Object.hasOwn(ctx.state.designs, name)) {
    throw new ZapTraceError('INVALID_INPUT', `a design named "${name}" already exists in this session; an import never overwrites it — choose another design_name`, { path: 'design_name' });
  }
  return name;
}

interface Gathered {
  stem: string;
  pcb?: { file: string; root: SList };
  sheets: Map<string, SList>;
  fields: { pcb: string; sch: string };
}

/** Reads the board and every sheet the root schematic reaches, through the workspace (path rules: docs/workspace.md). */
export async function gatherFromWorkspace(ctx: Ctx, projectPath: string): Promise<Gathered> {
  const field = 'project_path';
  const m = /^(.*)\.(kicad_pro|kicad_pcb|kicad_sch)$/.exec(projectPath);
  if (!m) throw new ZapTraceError('INVALID_INPUT', 'project_path must name a .kicad_pro, .kicad_pcb or .kicad_sch file', { path: field, reason: 'extension' });
  const ws = ctx.services.workspace;
  if (!(await ws.exists(projectPath, { field }))) throw new ZapTraceError('NOT_FOUND', `no file "${projectPath.slice(0, 120)}" in the workspace`, { path: field });
  const stem = m[1]!;
  const dir = posix.dirname(stem);
  let total = 0;
  const read = async (rel: string): Promise<string> => {
    // A file over the limit is bad input like any other (the inline fields refuse oversize text the same way).
    const text = await ws.readText(rel, { maxBytes: MAX_FILE, field }).catch((err: unknown) => {
      if (err instanceof ZapTraceError && err.code === 'PAYLOAD_TOO_LARGE') throw new ZapTraceError('INVALID_INPUT', err.message, err.details);
      throw err;
    });
    total += text.length;
    if (total > MAX_TOTAL) throw new ZapTraceError('INVALID_INPUT', `the project is larger than ${MAX_TOTAL} bytes`, { path: field, reason: 'too_large' });
    return text;
  };
  const out: Gathered = { stem: posix.basename(stem), sheets: new Map(), fields: { pcb: field, sch: field } };
  if (await ws.exists(`${stem}.kicad_pcb`, { field })) out.pcb = { file: posix.basename(`${stem}.kicad_pcb`), root: readSexpr(await read(`${stem}.kicad_pcb`), field) };
  const queue = (await ws.exists(`${stem}.kicad_sch`, { field })) ? [posix.basename(`${stem}.kicad_sch`)] : [];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (out.sheets.has(name)) continue;
    if (out.sheets.size >= MAX_SHEETS) throw new ZapTraceError('INVALID_INPUT', `more than ${MAX_SHEETS} schematic sheets`, { path: field, reason: 'too_large' });
    const rel = dir === '.' ? name : `${dir}/${name}`;
    const root = readSexpr(await read(rel), field);
    out.sheets.set(name, root);
    queue.push(...sheetFiles(root));
  }
  if (!out.pcb && out.sheets.size === 0) throw new ZapTraceError('NOT_FOUND', 'neither a .kicad_pcb nor a .kicad_sch of that name is in the workspace', { path: field });
  return out;
}

function gatherInline(input: { pcb_text?: string | undefined; sch_text?: string | undefined; sheets?: Record<string, string> | undefined; project_name?: string | undefined }): Gathered {
  if (input.pcb_text === undefined && input.sch_text === undefined) {
    throw new ZapTraceError('INVALID_INPUT', 'give project_path, or pcb_text and/or sch_text', { path: 'project_path' });
  }
  const stem = input.project_name ?? 'kicad-import';
  const out: Gathered = { stem, sheets: new Map(), fields: { pcb: 'pcb_text', sch: 'sch_text' } };
  if (input.pcb_text !== undefined) out.pcb = { file: `${stem}.kicad_pcb`, root: readSexpr(input.pcb_text, 'pcb_text') };
  if (input.sch_text !== undefined) {
    const root = readSexpr(input.sch_text, 'sch_text');
    out.sheets.set(`${stem}.kicad_sch`, root);
    const queue = sheetFiles(root);
    while (queue.length > 0) {
      const name = queue.shift()!;
      if (out.sheets.has(name)) continue;
      const text = input.sheets?.[name];
      if (text === undefined) throw new ZapTraceError('INVALID_INPUT', `sheet "${name.slice(0, 120)}" is referenced but not given in sheets`, { path: 'sheets', reason: 'missing_sheet' });
      const sheet = readSexpr(text, `sheets.${name}`);
      out.sheets.set(name, sheet);
      queue.push(...sheetFiles(sheet));
    }
  }
  return out;
}

const Report = looseObject({ parts: z.unknown(), nets: z.unknown(), placement: z.unknown(), tracks: z.unknown() });
const text = (what: string) => z.string().max(4 * 1024 * 1024).optional().describe(what);

export const importTools = [
  sessionTool({
    name: 'kicad_import_project',
    title: 'Import a KiCad project',
    description: 'Imports a KiCad 7–9 project (.kicad_pcb + .kicad_sch, sheets followed) from the workspace or inline text into a NEW design, with a fidelity report (imported/dropped per kind, with reasons).',
    level: 'preview-write',
    input: {
      project_path: z.string().max(4096).optional().describe('Workspace-relative .kicad_pro, .kicad_pcb or .kicad_sch; siblings of the same name are read.'),
      pcb_text: text('Inline .kicad_pcb text.'),
      sch_text: text('Inline root .kicad_sch text.'),
      sheets: z.record(z.string().max(255), z.string().max(4 * 1024 * 1024)).optional().describe('Inline sub-sheets by Sheetfile name.'),
      project_name: z.string().max(100).optional().describe('Project name for inline text.'),
      design_name: DesignName.optional(),
    },
    output: looseObject({ design_name: z.string(), design_hash: z.string(), report: Report }),
    async handler(input, ctx) {
      const g = input.project_path !== undefined ? await gatherFromWorkspace(ctx, input.project_path) : gatherInline(input);
      const name = newDesignName(ctx, input.design_name, g.stem);
      const { design, report } = importKicadProject({ name: g.stem, sheets: g.sheets, fields: g.fields, ...(g.pcb ? { pcb: g.pcb } : {}) });
      const imported: Design = { ...design, meta: { ...design.meta, name } };
      const source = input.project_path !== undefined ? { kind: 'file' as const, path: input.project_path, format: 'kicad' } : { kind: 'text' as const, format: 'kicad' };
      return {
        events: [{ type: 'DesignParsed', data: { design_name: name, design: imported, source, warnings: [] } }],
        after: (s) => ({ ...designSummary(name, requireDesign(s, name)), report }),
      };
    },
  }),
  sessionTool({
    name: 'easyeda_std_roundtrip',
    title: 'EasyEDA Standard round trip',
    description: 'Parses an EasyEDA Standard PCB (JSON) into the design model, writes it back and re-reads it; reports what survives (parts, nets, positions, tracks, vias). Stores nothing.',
    level: 'read',
    input: {
      json_text: z.string().max(4 * 1024 * 1024).describe('EasyEDA Standard PCB document (docType 3) as JSON text.'),
      include_design: z.boolean().default(false).describe('Also return the imported design.'),
    },
    output: looseObject({ report: Report, roundtrip: z.record(z.string(), z.unknown()) }),
    handler(input) {
      const doc = parseEasyedaDocument(input.json_text, 'json_text');
      const first = importEasyedaPcb(doc, 'easyeda-import');
      const again = importEasyedaPcb(parseEasyedaDocument(writeEasyedaPcb(first.design), 'json_text'), 'easyeda-import');
      const result: { report: FidelityReport; roundtrip: Record<string, unknown>; design?: Design } = { report: first.report, roundtrip: compareRoundTrip(first.design, again.design) };
      if (input.include_design) result.design = first.design;
      return { result };
    },
  }),
];
