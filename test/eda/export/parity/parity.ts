import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpusDesigns } from '../../../../src/eda/erc/corpus-report.js';
import { loadLibrary } from '../../../../src/eda/library/index.js';
import { mapPinsToPads, resolveFootprint } from '../../../../src/eda/footprints/index.js';
import { placeComponents } from '../../../../src/eda/place/index.js';
import { synthesizeDesign } from '../../../../src/eda/synth/index.js';
import type { Design } from '../../../../src/eda/model/design.js';
import { buildBoardGeometry } from '../../../../src/eda/board/index.js';
import { kicadArtifacts, type BuildServices } from '../../../../src/tools/artifact-builders.js';
import { inTempDir, runTool } from '../../../helpers/external-tool.js';

/**
 * Schematic ↔ PCB parity as KiCad sees it (docs/schematic.md, "Parity with the board"): a design is
 * placed (parity needs footprints on the board), exported by the same builder the export tools use
 * (`kicadArtifacts`: .kicad_pcb + .kicad_sch + .kicad_pro), and `kicad-cli pcb drc
 * --schematic-parity --severity-all` runs on the board with the schematic beside it. Parity items
 * are warnings, so all severities are counted (shared/spec/facts.md, "KiCad checks beyond DRC").
 * Used by parity.test.ts and by `npm run bench -- parity` (bench/parity.ts).
 */
export interface ParityItem {
  type: string;
  description: string;
  items: string[];
}

export interface ParityRow {
  name: string;
  components: number;
  loaded: boolean;
  parity: ParityItem[];
  /** KiCad DRC errors with the project's rules (not parity; for context). */
  drcErrors: number;
  /** KiCad schematic ERC errors of the exported .kicad_sch. */
  ercErrors: string[];
  /** designFaults(design): parity items the design itself causes. */
  faults: string[];
}

const library = loadLibrary();
export const services: BuildServices = { library, resolveFootprint, mapPins: mapPinsToPads };

/** Intents for synthesized boards: one per template kind phrased as an engineer would. */
export const SYNTH_INTENTS: readonly string[] = [
  'ATtiny85 I/O board with a button and LED',
  'ESP32 I2C sensor with BME280',
  'ESP32 BLE battery node',
  'ESP32 LoRa gateway',
  'ESP32 power monitor with INA226',
  'ESP32-S3 camera',
  'nRF52840 BLE temperature sensor',
  'RP2040 motor driver',
  'RP2040 USB HID keyboard',
  'STM32 RS-485 node',
  '12V to 3.3V switching regulator module',
];

export function placed(design: Design): Design {
  const p = placeComponents(design, resolveFootprint, { seed: 1, mapPins: mapPinsToPads });
  return { ...design, placement: { ...p.placement, ...design.placement }, routing: design.routing };
}

export function corpusBoards(): { name: string; design: Design }[] {
  return loadCorpusDesigns().map(({ name, design }) => ({ name, design: placed(design) }));
}

export function synthesizedBoards(intents: readonly string[] = SYNTH_INTENTS): { name: string; design: Design }[] {
  return intents.map((intent) => ({ name: `synth: ${intent}`, design: placed(synthesizeDesign(intent, { library }).design) }));
}

interface RawDrc {
  violations?: { severity: string }[];
  schematic_parity?: { type: string; description: string; items?: { description: string }[] }[];
}
interface RawErc {
  sheets?: { violations?: { type: string; severity: string }[] }[];
}

/**
 * Faults of the design itself that parity must show: a pin on a net that lands on no pad of the
 * placed footprint (a pin the part does not have, or a second pin on a pad another pin took),
 * as "REF:NUMBER" (the number the schematic gives that pin: its declared number, else its name). Our board geometry reports them too (unmapped pins); KiCad says "No pad found
 * for pin … in schematic". Everything else must be 0.
 */
export function designFaults(design: Design): string[] {
  const g = buildBoardGeometry(design, resolveFootprint, mapPinsToPads);
  const out: string[] = [];
  for (const f of g.footprints) {
    const onPad = new Set(g.pads.filter((p) => p.component === f.component && p.pin !== null).map((p) => p.pin));
    for (const net of Object.values(design.nets)) {
      for (const node of net.nodes) {
        if (node.component !== f.component || onPad.has(node.pin)) continue;
        out.push(`${f.ref}:${design.components[f.component]?.pins[node.pin]?.number ?? node.pin}`);
      }
    }
  }
  return [...new Set(out)].sort();
}

/** The parity items as "REF:NUMBER" when they are "No pad found for pin" reports, else their text. */
export function parityKeys(row: ParityRow): string[] {
  return row.parity
    .map((p) => {
      const pin = /^No pad found for pin (.+) \(.*\) in schematic\.$/.exec(p.description)?.[1];
      const ref = /^Footprint (.+)$/.exec(p.items[0] ?? '')?.[1];
      return pin !== undefined && ref !== undefined ? `${ref}:${pin}` : `${p.type}: ${p.description} ${p.items.join(' | ')}`;
    })
    .sort();
}

export async function runParity(name: string, design: Design, opts: { erc?: boolean } = {}): Promise<ParityRow> {
  const files: Record<string, string> = {};
  for (const f of kicadArtifacts(design, services, 'board')) files[f.name] = new TextDecoder().decode(f.data);
  return inTempDir('zaptrace-parity-', files, async (dir) => {
    await runTool('kicad-cli', ['pcb', 'drc', '--schematic-parity', '--severity-all', '--format', 'json', '-o', 'drc.json', 'board.kicad_pcb'], dir, 180_000);
    if (opts.erc ?? true) await runTool('kicad-cli', ['sch', 'erc', '--severity-error', '--format', 'json', '-o', 'erc.json', 'board.kicad_sch'], dir, 180_000);
    let drc: RawDrc | undefined;
    let erc: RawErc | undefined;
    try {
      drc = JSON.parse(await readFile(path.join(dir, 'drc.json'), 'utf8')) as RawDrc;
    } catch {
      drc = undefined;
    }
    try {
      erc = JSON.parse(await readFile(path.join(dir, 'erc.json'), 'utf8')) as RawErc;
    } catch {
      erc = undefined;
    }
    return {
      name,
      components: Object.keys(design.components).length,
      loaded: drc !== undefined,
      parity: (drc?.schematic_parity ?? []).map((p) => ({ type: p.type, description: p.description, items: (p.items ?? []).map((i) => i.description) })),
      drcErrors: (drc?.violations ?? []).filter((v) => v.severity === 'error').length,
      faults: designFaults(design),
      ercErrors: (erc?.sheets ?? []).flatMap((s) => s.violations ?? []).filter((v) => v.severity === 'error').map((v) => v.type),
    };
  });
}

export function renderParityTable(rows: readonly ParityRow[]): string {
  const lines = ['| board | parts | loads | parity issues | of which design faults (pin on no pad) | KiCad sch ERC errors |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const t = new Map<string, number>();
    for (const p of r.parity) t.set(p.type, (t.get(p.type) ?? 0) + 1);
    const types = [...t].map(([k, n]) => `${k} ×${n}`).join(', ');
    const faults = r.faults.length === 0 ? '0' : `${r.faults.length} (${r.faults.join(', ')})`;
    lines.push(`| ${r.name} | ${r.components} | ${r.loaded ? 'yes' : '**no**'} | ${r.parity.length}${types ? ` (${types})` : ''} | ${faults} | ${r.ercErrors.length === 0 ? '0' : `${r.ercErrors.length} (${[...new Set(r.ercErrors)].join(', ')})`} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'all';
  const boards = [...(which !== 'synth' ? corpusBoards() : []), ...(which !== 'corpus' ? synthesizedBoards() : [])];
  const rows: ParityRow[] = [];
  for (const b of boards) rows.push(await runParity(b.name, b.design));
  console.log(renderParityTable(rows));
  if (process.argv.includes('--detail')) for (const r of rows) for (const p of r.parity.slice(0, 12)) console.log(`${r.name}: ${p.type}: ${p.description} :: ${p.items.join(' | ')}`);
}
