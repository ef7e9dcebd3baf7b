import type { Component, Design } from '../model/design.js';
import { isGroundName } from './classify.js';

/**
 * The front end a bare sub-GHz / 2.4 GHz transceiver chip needs before it can transmit or receive,
 * judged from the netlist (contract.md, "The release gate" 3b). A module with the front end inside
 * (RFM95W, Ra-01, E22…) is not a bare chip and is not judged here.
 *
 * - Semtech SX1272/76/77/78/79 (SX1276/77/78/79 data sheet, "Application Information" and the
 *   SX1276MB1xAS reference designs described in AN1200.19 "SX127x Reference Design Overview"):
 *   32 MHz crystal or TCXO on XTA/XTB; PA_BOOST or RFO_HF/RFO_LF through a matching network and
 *   low-pass harmonic filter to the antenna; the receive input RFI_HF/RFI_LF reaching the same
 *   antenna, through an RF switch (PE4259 in the reference design) or a shared matched path.
 * - Semtech SX1261/62/68, LLCC68 (SX1261/2 data sheet and "Reference Design Explanation"
 *   application note): crystal or TCXO on XTA/XTB, RFO through a match and filter, RFI_P/RFI_N
 *   reaching the antenna through the RF switch.
 * - Semtech SX1280/81 (SX1280/1 data sheet, "Application Design"): 52 MHz crystal on XTA/XTB, the
 *   single RFIO port (shared by TX and RX) through its match and filter.
 * - TI CC1100/CC1101 (CC1101 data sheet "Suggested Application Circuits" and the TI CC1101EM
 *   reference design): 26–27 MHz crystal on XOSC_Q1/XOSC_Q2, RF_P/RF_N through the balun and LC
 *   filter to the antenna (shared by TX and RX).
 * - Microchip AT86RF2xx (AT86RF233 data sheet, "Application Circuits"): 16 MHz crystal on
 *   XTAL1/XTAL2, RFP/RFN through a balun (and filter) to the antenna (shared by TX and RX).
 */
interface Transceiver {
  part: string;
  match: RegExp;
  clock: RegExp;
  clockWhat: string;
  /** PA output pins (or the shared RF port). */
  tx: RegExp;
  txWhat: string;
  /** Receive inputs of a chip whose receive path is split from the PA; absent when the port is shared. */
  rx?: RegExp;
  rxWhat?: string;
}

const TRANSCEIVERS: Transceiver[] = [
  {
    part: 'SX127x',
    match: /sx127[2-9]/,
    clock: /^(?:XTA|XTB)$/i,
    clockWhat: '32 MHz crystal or TCXO on XTA/XTB',
    tx: /^(?:PA_BOOST|RFO_HF|RFO_LF|RFO)$/i,
    txWhat: 'transmit matching network / harmonic filter between PA_BOOST (or RFO) and the antenna',
    rx: /^(?:RFI_HF|RFI_LF|RFI)$/i,
    rxWhat: 'receive input RFI_HF/RFI_LF connected to the antenna (RF switch or shared matched path)',
  },
  {
    part: 'SX126x',
    match: /sx126[128]|llcc68/,
    clock: /^(?:XTA|XTB)$/i,
    clockWhat: '32 MHz crystal or TCXO on XTA/XTB',
    tx: /^(?:RFO|ANT|RF)$/i,
    txWhat: 'transmit matching network / harmonic filter between RFO and the antenna',
    // A library symbol with one generic ANT pin shares it with the receiver.
    rx: /^(?:RFI_?[PN]?|ANT|RF)$/i,
    rxWhat: 'receive input RFI_P/RFI_N connected to the antenna (RF switch)',
  },
  {
    part: 'SX128x',
    match: /sx128[01]/,
    clock: /^(?:XTA|XTB)$/i,
    clockWhat: '52 MHz crystal on XTA/XTB',
    tx: /^(?:RFIO|RF|ANT)$/i,
    txWhat: 'matching network / filter between RFIO and the antenna',
  },
  {
    part: 'CC1101',
    match: /\bcc110[01]/,
    clock: /^(?:XOSC_Q[12]|XTAL_?[12]?|XTAL_?[PN])$/i,
    clockWhat: '26 MHz crystal on XOSC_Q1/XOSC_Q2',
    tx: /^(?:RF_?[PN]|RF|ANT)$/i,
    txWhat: 'balun and LC filter between RF_P/RF_N and the antenna',
  },
  {
    part: 'AT86RF2xx',
    match: /at86rf2\d\d/,
    clock: /^(?:XTAL_?[12])$/i,
    clockWhat: '16 MHz crystal on XTAL1/XTAL2',
    tx: /^(?:RF_?[PN]|RF|ANT)$/i,
    txWhat: 'balun / matching network between RFP/RFN and the antenna',
  },
];

/** A part with the RF front end inside it (a certified module), not a bare chip. */
const MODULE = /module|\brfm\d|\bra-0\d|\be(?:22|32)-|\bwl55|heltec|ttgo|lilygo/;

const textOf = (c: Component) => `${c.part_id ?? ''} ${c.type} ${c.mpn ?? ''}`.toLowerCase();
const kind = (c: Component) => `${c.type} ${c.part_id ?? ''} ${c.description ?? ''}`;
const isCap = (c: Component) => /^C\d/i.test(c.ref) || /\bcap|capacitor/i.test(c.type);
const isInductor = (c: Component) => /^L\d/i.test(c.ref) || /inductor|\bind\b/i.test(c.type);
/** Filters, baluns, RF switches and diplexers: parts an RF path passes through. */
const isRfBlock = (c: Component) => /filter|balun|saw\b|diplexer|rf switch|spdt|sp3t|pe42\d\d|sky13\d+|bgs1\d|as\d{3}-|\blpf\b/i.test(kind(c));
const isClockSource = (c: Component) => /^[YX]\d/i.test(c.ref) || /crystal|xtal|tcxo|oscillator/i.test(c.type);
export const isRfAntenna = (c: Component) => /^(AE|ANT)\d/i.test(c.ref) || /antenna|u\.fl|\bsma\b|ipex/i.test(`${c.type} ${c.part_id ?? ''}`);

/** Missing front-end essentials of each bare transceiver chip on the design. */
export function transceiverShortfalls(design: Design): { ref: string; part: string; missing: string[] }[] {
  const live = (id: string) => {
    const p = design.components[id];
    return p && !p.dnp ? p : undefined;
  };
  const nets = Object.values(design.nets);
  const netsOfPin = (c: Component, pin: RegExp) => nets.filter((n) => n.nodes.some((x) => x.component === c.id && pin.test(x.pin)));
  const others = (netId: string, except: Component) =>
    design.nets[netId]!.nodes.map((x) => live(x.component)).filter((p): p is Component => !!p && p !== except);
  const railOrGround = (netId: string) => {
    const n = design.nets[netId]!;
    return n.type === 'ground' || n.type === 'power' || isGroundName(n.name);
  };
  const netIdsOf = (c: Component) => nets.filter((n) => n.nodes.some((x) => x.component === c.id)).map((n) => n.id);

  /**
   * Walks the RF path from a pin's nets through passives, filters, baluns and switches (never
   * through a rail, ground or another IC) and reports whether it reaches an antenna or RF
   * connector, at which depth (0 = on the pin's own net) and how many path parts it crossed.
   */
  const walk = (chip: Component, start: string[]) => {
    const seen = new Set(start);
    const crossed = new Set<string>();
    let frontier = start.filter((id) => !railOrGround(id));
    for (let depth = 0; depth < 7 && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const p of others(id, chip)) {
          if (isRfAntenna(p)) return { depth, parts: crossed.size };
          if (!(isCap(p) || isInductor(p) || isRfBlock(p) || (/^R\d/i.test(p.ref) && /^0(?:R|Ω|\s*ohm)?$/i.test(p.value ?? '')))) continue;
          crossed.add(p.id);
          for (const n of netIdsOf(p)) if (!seen.has(n) && !railOrGround(n)) { seen.add(n); next.push(n); }
        }
      }
      frontier = next;
    }
    return { depth: -1, parts: crossed.size };
  };

  const out: { ref: string; part: string; missing: string[] }[] = [];
  for (const c of Object.values(design.components)) {
    if (c.dnp) continue;
    const t = textOf(c);
    const chip = TRANSCEIVERS.find((k) => k.match.test(t));
    if (!chip || MODULE.test(t)) continue;
    const missing: string[] = [];
    // A crystal straight on the clock pin, or a TCXO coupled through a capacitor (SX126x/SX127x TCXO option).
    const clockNets = netsOfPin(c, chip.clock).map((n) => n.id);
    const clocked = clockNets.some((id) => others(id, c).some((p) => isClockSource(p) || (isCap(p) && netIdsOf(p).some((n) => n !== id && others(n, p).some(isClockSource)))));
    if (!clocked) missing.push(chip.clockWhat);
    // TX: a PA pin whose path reaches the antenna through at least one series element and two
    // reactive parts (an L-section at least) or a filter/balun part; a PA pin wired straight to the
    // antenna net is a failure whatever else is on it.
    const txPins = netsOfPin(c, chip.tx).filter((n) => !railOrGround(n.id));
    const txPaths = txPins.map((n) => walk(c, [n.id]));
    const matched = txPaths.some((w) => w.depth >= 1 && w.parts >= 2);
    if (!matched || txPaths.some((w) => w.depth === 0)) missing.push(chip.txWhat);
    if (chip.rx) {
      const rxNets = netsOfPin(c, chip.rx).filter((n) => !railOrGround(n.id));
      if (!rxNets.some((n) => walk(c, [n.id]).depth >= 0)) missing.push(chip.rxWhat!);
    }
    if (missing.length > 0) out.push({ ref: c.ref, part: chip.part, missing });
  }
  return out;
}
