import { z } from 'zod';
import { MANIFEST_FILE, SIGNATURE_FILE, signManifest } from '../runtime/release-bundle.js';
import { zipSync } from 'fflate';
import { sha256Hex } from '../kernel/hash.js';
import { canonicalJson } from '../kernel/canonical-json.js';
import type { Design } from '../eda/model/design.js';
import { bomJson, bomLines, writeBomCsv } from '../eda/export/bom/index.js';
import { checkReleaseGate, type GateEvidence } from '../runtime/release-gate.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designText, runHeavy } from './heavy.js';
import type { ArtifactKind } from './heavy-tasks.js';
import { text, type ArtifactFile } from './artifact-builders.js';

const ExportInput = {
  design_name: DesignName,
  approval_id: z.string().max(200).describe('approval_id of a design_commit of this exact design state'),
  output_dir: z.string().min(1).max(1024).default('exports').describe('Workspace-relative directory.'),
};

const ExportOutput = looseObject({
  design_name: z.string(),
  design_hash: z.string(),
  output_dir: z.string(),
  files: z.array(z.object({ path: z.string(), bytes: z.number(), sha256: z.string() })),
});

/** Manifest of contract.md: files with SHA-256 and size, design hash, evidence and approval, log position and head hash. */
export function manifestOf(kind: string, designName: string, gate: GateEvidence, files: { path: string; bytes: number; sha256: string }[], state: { seq: number; head_hash: string | null; design_hash_format: number }) {
  return {
    kind,
    design_name: designName,
    design_hash: gate.design_hash,
    // Which definition gave design_hash (docs/design-hash.md, "Formats"), so anyone can recompute it.
    design_hash_format: state.design_hash_format,
    approval: { approval_id: gate.approval.approval_id, seq: gate.approval.seq, principal: gate.approval.principal, statement: gate.approval.statement, self_approval: gate.approval.self_approval },
    authors: gate.authors,
    // contract.md: a development setup that lets authors approve their own work says so in every manifest.
    self_approval_allowed: gate.self_approval_allowed,
    evidence: { erc: gate.erc, drc: gate.drc, ...(gate.plugins ? { plugins: gate.plugins } : {}) },
    log_seq: state.seq,
    head_hash: state.head_hash,
    files,
  };
}

const digest = (f: ArtifactFile) => ({ path: f.name, bytes: f.data.byteLength, sha256: sha256Hex(f.data) });

/** Runs the gate, builds, writes atomically through the workspace, and records ArtifactsExported. */
async function releaseExport(
  ctx: Ctx,
  input: { design_name: string; approval_id: string; output_dir: string },
  kind: string,
  build: (design: Design, designHash: string) => Promise<ArtifactFile[]>,
  bundleName?: string,
) {
  requireDesign(ctx.state, input.design_name);
  const gate = checkReleaseGate(ctx.state, input.design_name, input.approval_id, ctx.services.approvalPolicy, ctx.services.releaseChecks ?? []);
  const design = ctx.state.designs[input.design_name]!.design;
  const files = await build(design, gate.design_hash);
  const manifestBody = manifestOf(kind, input.design_name, gate, files.map(digest), ctx.state);
  const pretty = (body: object) => `${JSON.stringify(JSON.parse(canonicalJson(body)), null, 2)}\n`;
  const manifest = text(MANIFEST_FILE, pretty(manifestBody));
  // A bundle carries its manifest inside the ZIP; the one beside it also names the ZIP, so the signature covers everything.
  const zip = bundleName ? { name: bundleName, data: deterministicZip([...files, manifest]) } : null;
  const outer = zip ? text(MANIFEST_FILE, pretty({ ...manifestBody, bundle: digest(zip) })) : manifest;
  const signature = text(SIGNATURE_FILE, signManifest(ctx.services.logSigner, new TextDecoder().decode(outer.data)));
  const all = zip ? [zip, outer, signature] : [...files, outer, signature];
  const written = await ctx.services.releaseWriter.writeFiles(input.output_dir, all.map((f) => ({ name: f.name, data: f.data })));
  ctx.services.released.record(written.map((w) => w.path));
  const event = {
    type: 'ArtifactsExported',
    data: {
      design_name: input.design_name,
      kind,
      files: written.map((w) => ({ path: w.path, bytes: w.bytes, sha256: w.sha256 })),
      design_hash: gate.design_hash,
      approval_id: gate.approval.approval_id,
      evidence: { erc: gate.erc, drc: gate.drc, ...(gate.plugins ? { plugins: gate.plugins } : {}) },
      log_seq: ctx.state.seq,
      head_hash: ctx.state.head_hash,
    },
  };
  return {
    events: [event],
    after: () => ({ design_name: input.design_name, design_hash: gate.design_hash, output_dir: input.output_dir, files: event.data.files, manifest: manifestBody }),
  };
}

export function exportTool(name: string, title: string, description: string, kind: ArtifactKind, bundle = false) {
  return sessionTool({
    name,
    title,
    description: `${description} Release gate: approval of this exact state and fresh passing ERC and DRC.`,
    level: 'release-export',
    input: ExportInput,
    output: ExportOutput,
    handler: (input, ctx) => {
      const stem = stemOf(input.design_name);
      // Built in a worker; the gate ran on this state and the write happens only if the design did not move meanwhile.
      const build = (d: Design, hash: string) => runHeavy(ctx, 'artifacts', { kind, design: designText(d), stem }, { basis: { [input.design_name]: hash } });
      return releaseExport(ctx, input, kind, build, bundle ? `${stem}-fab.zip` : undefined);
    },
  });
}

function stemOf(designName: string): string {
  return designName.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60) || 'board';
}

/** Deterministic ZIP: sorted entries, fixed timestamps (fflate `mtime`), so the same log gives the same bytes. */
export function deterministicZip(files: ArtifactFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) entries[f.name] = [f.data, { mtime: new Date('1980-01-01T00:00:00Z') }];
  return zipSync(entries, { level: 9 });
}


export const exportTools = [
  exportTool('export_kicad', 'Export a KiCad project', 'Writes the KiCad 9 board (.kicad_pcb, version 20241229), schematic (.kicad_sch, version 20250114) and project (.kicad_pro).', 'kicad'),
  exportTool('export_gerber', 'Export Gerber files', 'Writes RS-274X X2 Gerbers (copper, mask, paste, silkscreen, Edge.Cuts) and a .gbrjob job file.', 'gerber'),
  exportTool('export_excellon', 'Export drill files', 'Writes metric Excellon drill files, plated and non-plated, with tool tables.', 'excellon'),
  exportTool('export_pick_and_place', 'Export pick-and-place', 'Writes the placement CSV (Ref, Val, Package, PosX, PosY, Rot, Side; KiCad axis convention, PosY negated).', 'pick-and-place'),
  exportTool('export_manufacturing', 'Export the manufacturing bundle', 'Writes one deterministic ZIP with KiCad, Gerber, drill, pick-and-place and BOM files, a README for the fab and manifest.json; the same log gives a byte-identical ZIP.', 'manufacturing', true),
  sessionTool({
    name: 'export_bom_csv',
    title: 'Bill of materials (CSV, inline)',
    description: 'Grouped BOM lines with quantity, refs, value, footprint, MPN, manufacturer and DNP, returned inline as CSV.',
    level: 'read',
    input: { design_name: DesignName },
    output: z.object({ design_name: z.string(), csv: z.string() }),
    handler: (input, ctx) => ({ result: { design_name: input.design_name, csv: writeBomCsv(bomLines(requireDesign(ctx.state, input.design_name).design, ctx.services.library.lookup)) } }),
  }),
  sessionTool({
    name: 'export_bom_json',
    title: 'Bill of materials (JSON, inline)',
    description: 'Grouped BOM lines with quantity, refs, value, footprint, MPN, manufacturer and DNP, returned inline.',
    level: 'read',
    input: { design_name: DesignName },
    output: looseObject({ design_name: z.string(), lines: z.array(z.unknown()) }),
    handler: (input, ctx) => ({ result: { design_name: input.design_name, ...(JSON.parse(bomJson(bomLines(requireDesign(ctx.state, input.design_name).design, ctx.services.library.lookup))) as { lines: unknown[] }) } }),
  }),
];
