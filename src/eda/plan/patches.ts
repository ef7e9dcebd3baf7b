import type { Design } from '../model/design.js';
import type { Library } from '../library/index.js';
import { buildNetlist, type NlNet, type Netlist } from '../erc/netlist.js';
import { railVoltages } from '../erc/rails.js';
import type { ErcFinding } from '../erc/types.js';
import { repairDesign } from '../synth/repair.js';

/**
 * Concrete repairs for ERC findings (docs/erc.md), as the arguments of tool calls an agent can make
 * (`component_add` with its `connections`); nothing is applied here. Decoupling, I²C and open-drain
 * pull-ups are the repairs synthesize_board_repair applies (synth/repair.ts: 100 nF to ground, 4.7 kΩ to
 * the IC's rail), turned into calls, so the two never disagree. Besides those: Type-C sink Rd 5.1 kΩ to
 * ground (USB Type-C specification, Rd) and 10 kΩ pull-ups for reset and chip-select nets. A finding
 * without a mechanical repair gets none and says so.
 */
export interface PatchCall {
  tool: 'component_add';
  arguments: Record<string, unknown>;
}

export interface FindingPatch {
  rule_id: string;
  message: string;
  patches: PatchCall[];
  note?: string;
}

type Kind = { part: 'res' | 'cap'; ohmsOrFarads: number; value: string; to: 'rail' | 'ground'; why: string };

const KINDS: Record<string, Kind> = {
  'usb-c.cc-rd-missing': { part: 'res', ohmsOrFarads: 5100, value: '5.1k', to: 'ground', why: 'Type-C sink Rd 5.1 kΩ to ground' },
  'usb-c.cc-missing': { part: 'res', ohmsOrFarads: 5100, value: '5.1k', to: 'ground', why: 'Type-C sink Rd 5.1 kΩ to ground' },
  'reset.pullup-missing': { part: 'res', ohmsOrFarads: 10_000, value: '10k', to: 'rail', why: 'reset pull-up 10 kΩ' },
  'spi.cs-pullup-missing': { part: 'res', ohmsOrFarads: 10_000, value: '10k', to: 'rail', why: 'chip-select pull-up 10 kΩ keeps the device deselected at reset' },
};

/** synthesize_board_repair's additions for these findings, as component_add calls. */
function repairCalls(design: Design, findings: readonly ErcFinding[], designName: string) {
  const { design: repaired, fixed } = repairDesign(design, findings);
  return fixed.map((r) => {
    const c = repaired.components[r.added]!;
    const connections: Record<string, string> = {};
    for (const n of Object.values(repaired.nets)) for (const x of n.nodes) if (x.component === c.id) connections[x.pin] = n.name;
    const call: PatchCall = {
      tool: 'component_add',
      arguments: { design_name: designName, ref: c.ref, type_name: c.type, value: c.value, ...(c.footprint ? { footprint: c.footprint } : {}), pins: Object.values(c.pins).map((p) => ({ name: p.name, type: p.type })), connections },
    };
    return { rule: r.rule, net: r.net, call, why: c.description };
  });
}

/** The 0603 library part of this value, else the generic 0603 part of its kind with the value written. */
function partFor(lib: Library, k: Kind): string | null {
  const prefixes = k.part === 'res' ? ['res-0603-'] : ['cap-mlcc-0603-', 'cap-0603-'];
  const hit = lib.all().find((p) => prefixes.some((x) => p.id.startsWith(x)) && p.value_si !== null && Math.abs(p.value_si - k.ohmsOrFarads) <= k.ohmsOrFarads * 1e-6 && !/-(1w|2w|shunt)$/.test(p.id));
  return hit?.id ?? null;
}

/** The supply rail a net's parts run from: the most used supply net among their power pins, lowest voltage first on a tie. */
function railFor(nl: Netlist, net: NlNet | undefined, refs: string[]): NlNet | undefined {
  const volts = railVoltages(nl);
  const tally = new Map<NlNet, number>();
  const comps = nl.components.filter((c) => refs.includes(c.ref) || (net?.pins.some((p) => p.comp === c) ?? false));
  for (const c of comps) for (const p of c.pins.values()) if (p.type === 'power_in') for (const n of p.nets) if (n.supply && !n.ground) tally.set(n, (tally.get(n) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => b[1] - a[1] || (volts.get(a[0])?.volts ?? 99) - (volts.get(b[0])?.volts ?? 99))[0]?.[0];
}

export function suggestPatches(design: Design, findings: readonly ErcFinding[], lib: Library, designName: string): FindingPatch[] {
  const nl = buildNetlist(design, lib.lookup);
  const ground = nl.nets.find((n) => n.ground);
  const repairs = repairCalls(design, findings, designName);
  const used = new Set([...Object.values(design.components).map((c) => c.ref), ...repairs.map((r) => String(r.call.arguments['ref']))]);
  const nextRef = (prefix: string) => {
    let i = 1;
    while (used.has(`${prefix}${i}`)) i++;
    used.add(`${prefix}${i}`);
    return `${prefix}${i}`;
  };
  const emitted = new Set<PatchCall>();
  return findings.map((f): FindingPatch => {
    const k = Object.hasOwn(KINDS, f.rule_id) ? KINDS[f.rule_id]! : undefined;
    const base = { rule_id: f.rule_id, message: f.message };
    const mine = repairs.filter((r) => r.rule === f.rule_id && f.nets.includes(r.net));
    if (mine.length) {
      const fresh = mine.filter((r) => !emitted.has(r.call));
      for (const r of fresh) emitted.add(r.call);
      return { ...base, patches: fresh.map((r) => r.call), note: fresh.length ? mine[0]!.why : 'repaired by the patch of an earlier finding on the same net' };
    }
    if (!k) return { ...base, patches: [], note: `no mechanical repair; ${f.suggestion}` };
    const patches: PatchCall[] = [];
    // Decoupling findings name the rail to bypass; the others name the signal nets to pull.
    const targets = f.nets.map((n) => nl.nets.find((x) => x.name === n)).filter((n): n is NlNet => !!n);
    for (const net of targets) {
      const other = k.to === 'ground' ? ground : railFor(nl, net, f.components);
      if (!other || other === net) continue;
      const ref = nextRef(k.part === 'res' ? 'R' : 'C');
      const part = partFor(lib, k);
      patches.push({
        tool: 'component_add',
        arguments: {
          design_name: designName,
          ref,
          type_name: k.part === 'res' ? 'RES' : 'CAP',
          value: k.value,
          ...(part ? { part_id: part } : { footprint: k.part === 'res' ? 'R_0603_1608Metric' : 'C_0603_1608Metric' }),
          pins: [{ name: 'P1', type: 'passive' }, { name: 'P2', type: 'passive' }],
          connections: { P1: net.name, P2: other.name },
        },
      });
    }
    return patches.length ? { ...base, patches, note: k.why } : { ...base, patches, note: `no ${k.to === 'ground' ? 'ground net' : 'supply rail'} found to connect to; ${f.suggestion}` };
  });
}
