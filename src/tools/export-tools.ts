import { z } from 'zod';
import { zipSync, strToU8 } from 'fflate';
import { sha256Hex } from '../kernel/hash.js';
import { canonicalJson } from '../kernel/canonical-json.js';
import { buildBoardGeometry } from '../eda/board/index.js';
import type { Design } from '../eda/model/design.js';
import { writeKicadPcb, writeKicadPro } from '../eda/export/kicad/index.js';
import { checkReleaseGate, type GateEvidence } from '../runtime/release-gate.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import type { Services } from './services.js';

export interface ArtifactFile {
  name: string;
  data: Uint8Array;
}

/** A manufacturing artifact builder: pure over the design (replaying the log gives the same bytes). */
export type ArtifactBuilder = (design: Design, services: Services, stem: string) => ArtifactFile[];

const text = (name: string, content: string): ArtifactFile => ({ name, data: strToU8(content) });

export const kicadArtifacts: ArtifactBuilder = (design, services, stem) => {
  const geometry = buildBoardGeometry(design, services.resolveFootprint, services.mapPins);
  return [text(`${stem}.kicad_pcb`, writeKicadPcb(design, geometry)), text(`${stem}.kicad_pro`, writeKicadPro(design, { name: stem }))];
};

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
export function manifestOf(kind: string, designName: string, gate: GateEvidence, files: { path: string; bytes: number; sha256: string }[], state: { seq: number; head_hash: string | null }) {
  return {
    kind,
    design_name: designName,
    design_hash: gate.design_hash,
    approval: { approval_id: gate.approval.approval_id, seq: gate.approval.seq, principal: gate.approval.principal },
    evidence: { erc: gate.erc, drc: gate.drc },
    log_seq: state.seq,
    head_hash: state.head_hash,
    files,
  };
}

const digest = (f: ArtifactFile) => ({ path: f.name, bytes: f.data.byteLength, sha256: sha256Hex(f.data) });

/** Runs the gate, builds, writes atomically through the workspace, and records ArtifactsExported. */
async function releaseExport(ctx: Ctx, input: { design_name: string; approval_id: string; output_dir: string }, kind: string, build: (design: Design) => ArtifactFile[]) {
  requireDesign(ctx.state, input.design_name);
  const gate = checkReleaseGate(ctx.state, input.design_name, input.approval_id);
  const design = ctx.state.designs[input.design_name]!.design;
  const files = build(design);
  const manifestBody = manifestOf(kind, input.design_name, gate, files.map(digest), ctx.state);
  const all = [...files, text('manifest.json', `${JSON.stringify(JSON.parse(canonicalJson(manifestBody)), null, 2)}\n`)];
  const written = await ctx.services.workspace.writeFiles(input.output_dir, all.map((f) => ({ name: f.name, data: f.data })));
  const event = {
    type: 'ArtifactsExported',
    data: {
      design_name: input.design_name,
      kind,
      files: written.map((w) => ({ path: w.path, bytes: w.bytes, sha256: w.sha256 })),
      design_hash: gate.design_hash,
      approval_id: gate.approval.approval_id,
      evidence: { erc: gate.erc, drc: gate.drc },
      log_seq: ctx.state.seq,
      head_hash: ctx.state.head_hash,
    },
  };
  return {
    events: [event],
    after: () => ({ design_name: input.design_name, design_hash: gate.design_hash, output_dir: input.output_dir, files: event.data.files, manifest: manifestBody }),
  };
}

export function exportTool(name: string, title: string, description: string, kind: string, builder: ArtifactBuilder) {
  return sessionTool({
    name,
    title,
    description: `${description} Release gate: approval of this exact state and fresh passing ERC and DRC.`,
    level: 'release-export',
    input: ExportInput,
    output: ExportOutput,
    handler: (input, ctx) => releaseExport(ctx, input, kind, (d) => builder(d, ctx.services, stemOf(input.design_name))),
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

export const exportTools = [exportTool('export_kicad', 'Export a KiCad project', 'Writes the KiCad 9 board (.kicad_pcb, version 20241229) and project (.kicad_pro).', 'kicad', kicadArtifacts)];
