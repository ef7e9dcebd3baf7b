import type { Design, NetClass } from '../model/design.js';
import type { PartLookup } from '../model/part.js';
import { DEFAULT_CLASS, POWER_CLASS } from '../route/index.js';
import { buildNetlist, type NlNet } from './netlist.js';

/**
 * Net classes for routing and DRC, decided with ERC's own netlist view (netlist.ts: ground and
 * supply flags from net types and names, component roles from classify.ts), so a net ERC treats
 * as a rail is routed as one. Order: ground, power, RF, differential, high-speed, signal.
 */
const NET_CLASS_KINDS = ['ground', 'power', 'rf', 'differential', 'high_speed', 'signal'] as const;
export type NetClassKind = (typeof NET_CLASS_KINDS)[number];

export interface ClassifiedNet {
  net: string;
  name: string;
  kind: NetClassKind;
  why: string;
}

/**
 * Widths per class. Ground and power take the router's power class (0.4 mm, docs/routing.md
 * "Classes"); the rest its signal class (0.2 mm). RF and differential pairs keep signal width with
 * a wider 0.3 mm clearance: no stack-up is known here, so no width is claimed to be 50 Ω or 90 Ω
 * (calc_impedance sizes those once the stack-up is chosen).
 */
export function classDefinition(kind: NetClassKind, nets: string[]): NetClass {
  const base = kind === 'ground' || kind === 'power' ? POWER_CLASS : DEFAULT_CLASS;
  const clearance = kind === 'rf' || kind === 'differential' ? 0.3 : base.clearanceMm;
  return { track_width_mm: base.traceWidthMm, clearance_mm: clearance, via_diameter_mm: base.viaDiameterMm, via_drill_mm: base.viaDrillMm, nets: [...nets].sort() };
}

const RF_NAME = /(?:^|[^A-Z])(?:RF|ANT|ANTENNA|LNA|PA)(?:[^A-Z]|$)/i;
const RF_PART = /antenna|u\.fl|ipex|\bsma\b|balun/i;
const HIGH_SPEED_NAME = /CLK|SCK|SCLK|XTAL|XIN|XOUT|OSC|MCLK|SDIO|QSPI|RMII|\bMII|ETH|HDMI|LVDS|MIPI|PCIE|SWCLK/i;

/** The partner name of a pair member, or null: USB_DP ↔ USB_DM, D+ ↔ D-, CAN_H ↔ CAN_L, X_P ↔ X_N. */
function partnerName(name: string): string[] {
  const swaps: [RegExp, string][] = [
    [/DP$/i, 'DM'], [/DM$/i, 'DP'], [/DP$/i, 'DN'], [/DN$/i, 'DP'],
    [/\+$/, '-'], [/-$/, '+'], [/_P$/i, '_N'], [/_N$/i, '_P'], [/_H$/i, '_L'], [/_L$/i, '_H'],
  ];
  return swaps.filter(([re]) => re.test(name)).map(([re, to]) => name.replace(re, to));
}

function classifyOne(n: NlNet, names: Set<string>): { kind: NetClassKind; why: string } {
  if (n.ground) return { kind: 'ground', why: 'ground by type or name (ERC)' };
  if (n.supply) return { kind: 'power', why: 'supply rail by type or name (ERC)' };
  const parts = n.pins.map((p) => p.comp);
  const rfPart = parts.find((c) => RF_PART.test(`${c.component.type} ${c.component.footprint ?? ''} ${c.component.description}`));
  if (RF_NAME.test(n.name) || rfPart) return { kind: 'rf', why: rfPart ? `reaches ${rfPart.ref}, an antenna or RF connector` : 'RF name' };
  const partner = partnerName(n.name).find((p) => names.has(p.toUpperCase()));
  if (n.net.type === 'differential' || partner) return { kind: 'differential', why: partner ? `pair with ${partner}` : 'typed differential' };
  // I2C runs at ≤ 1 MHz outside Hs-mode (NXP UM10204, Table 10): a clock, but not a fast one.
  if (/(?:^|[^A-Z])(?:SDA|SCL|I2C)/i.test(n.name)) return { kind: 'signal', why: 'I2C (≤ 1 MHz, UM10204)' };
  const clockPart = parts.find((c) => c.role === 'crystal' || c.role === 'oscillator');
  if (n.net.type === 'clock' || HIGH_SPEED_NAME.test(n.name) || clockPart) return { kind: 'high_speed', why: clockPart ? `reaches ${clockPart.ref} (${clockPart.role})` : 'clock or fast-bus name' };
  return { kind: 'signal', why: 'default' };
}

export function classifyNets(design: Design, lookupPart?: PartLookup): ClassifiedNet[] {
  const nl = buildNetlist(design, lookupPart);
  const names = new Set(nl.nets.map((n) => n.name.toUpperCase()));
  return nl.nets.map((n) => ({ net: n.id, name: n.name, ...classifyOne(n, names) }));
}
