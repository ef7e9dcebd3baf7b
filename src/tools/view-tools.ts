import { z } from 'zod';
import { strFromU8 } from 'fflate';
import { ZapTraceError } from '../kernel/errors.js';
import { kicadSchematicSvg, kicadStep } from '../runtime/external/kicad-cli.js';
import { DesignName, looseObject, requireDesign, sessionTool, type Ctx } from './define.js';
import { designText, runHeavy } from './heavy.js';

/** The design's own KiCad files (tools/artifact-builders.ts), built in a worker, as text by file name. */
async function kicadFiles(ctx: Ctx, designName: string): Promise<{ files: Record<string, string>; hash: string }> {
  const entry = requireDesign(ctx.state, designName);
  const built = await runHeavy(ctx, 'artifacts', { kind: 'kicad', design: designText(entry.design), stem: 'board' });
  return { files: Object.fromEntries(built.map((f) => [f.name, strFromU8(f.data)])), hash: entry.hash };
}

function externalFailure(what: string, r: { missing: boolean; timedOut: boolean }): never {
  if (r.missing) throw new ZapTraceError('INVALID_INPUT', 'kicad-cli (KiCad 9) is not installed on this server', { path: 'design_name', reason: 'kicad_cli_missing' });
  if (r.timedOut) throw new ZapTraceError('DEADLINE_EXCEEDED', `kicad-cli did not finish the ${what} in time`);
  throw new ZapTraceError('INTERNAL_ERROR', `kicad-cli could not produce the ${what}`);
}

const OutputPath = z.string().min(1).max(1024).refine((p) => /\.(step|stp)$/i.test(p), 'a .step or .stp file').describe('Workspace .step file.');

export const viewTools = [
  sessionTool({
    name: 'schematic_render',
    title: 'Schematic as SVG',
    description: 'KiCad schematic as SVG (kicad-cli), inline.',
    level: 'read',
    input: { design_name: DesignName },
    output: looseObject({ svg: z.string() }),
    async handler(input, ctx) {
      const { files, hash } = await kicadFiles(ctx, input.design_name);
      const r = await kicadSchematicSvg(files, 'board.kicad_sch', Math.min(60_000, ctx.remainingMs() - 500));
      if (!r.ok || !r.svg) externalFailure('schematic SVG', r);
      return { result: { design_name: input.design_name, design_hash: hash, svg: r.svg } };
    },
  }),
  sessionTool({
    name: 'kicad_step_export',
    title: 'STEP export',
    description: 'Writes the board as STEP (kicad-cli pcb export step).',
    level: 'sandbox-write',
    input: { design_name: DesignName, output_path: OutputPath },
    output: looseObject({ path: z.string() }),
    async handler(input, ctx) {
      const { files, hash } = await kicadFiles(ctx, input.design_name);
      const r = await kicadStep(files, 'board.kicad_pcb', Math.min(120_000, ctx.remainingMs() - 500));
      if (!r.ok || !r.step) externalFailure('STEP file', r);
      const written = await ctx.services.workspace.writeAtomic(input.output_path, r.step, { field: 'output_path' });
      return { result: { ...written, design_name: input.design_name, design_hash: hash } };
    },
  }),
];
