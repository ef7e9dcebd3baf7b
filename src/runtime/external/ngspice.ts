import { runInScratch } from './run-in-scratch.js';

/** ngspice in batch mode (`-b`, ngspice manual §16.4 "Command line options") on a generated netlist. */
export async function runNgspice(netlist: string, timeoutMs: number) {
  const res = await runInScratch('ngspice', () => ['-b', 'circuit.cir'], { 'circuit.cir': netlist }, [], timeoutMs);
  return { ok: res.code === 0 && !res.timedOut, missing: res.missing, timedOut: res.timedOut, stdout: res.stdout, stderr: res.stderr.slice(0, 4000) };
}

export type SpiceRunner = typeof runNgspice;
