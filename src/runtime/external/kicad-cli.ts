import { runInScratch } from './run-in-scratch.js';

/**
 * kicad-cli (KiCad 9) as a converter for files we wrote ourselves: the board to STEP
 * (`kicad-cli pcb export step`) and the schematic to SVG (`kicad-cli sch export svg`), KiCad's CLI
 * reference (docs.kicad.org, "Command-Line Interface"). Inputs are the exporter's own text.
 */
export async function kicadStep(files: Record<string, string>, board: string, timeoutMs: number) {
  const res = await runInScratch('kicad-cli', () => ['pcb', 'export', 'step', '--force', '--subst-models', '--output', 'board.step', board], files, ['board.step'], timeoutMs);
  return { missing: res.missing, timedOut: res.timedOut, ok: res.code === 0 && res.outputs['board.step'] != null, step: res.outputs['board.step'] ?? null, log: res.stdout.slice(-2000) };
}

export async function kicadSchematicSvg(files: Record<string, string>, schematic: string, timeoutMs: number) {
  const svgName = schematic.replace(/\.kicad_sch$/, '.svg');
  const res = await runInScratch('kicad-cli', () => ['sch', 'export', 'svg', '--exclude-drawing-sheet', '--output', '.', schematic], files, [svgName], timeoutMs);
  const svg = res.outputs[svgName];
  return { missing: res.missing, timedOut: res.timedOut, ok: res.code === 0 && svg != null, svg: svg ? Buffer.from(svg).toString('utf8') : null, log: res.stderr.slice(-2000) };
}
