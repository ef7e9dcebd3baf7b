import type { ErcRule, RuleHit } from '../types.js';
import { bridges, livePins, type NlComponent, type NlNet, type NlPin, type Netlist } from '../netlist.js';
import { powerSources } from '../power.js';
import { BY_NAME, hit, list } from './hit.js';

/**
 * Interface wiring rules that can only go by pin and net names (no pin type says "MOSI"): SPI and
 * UART direction, SPI chip selects, RS-485 direction control, reset and debug access, USB ESD,
 * Li-ion protection. Every message of a name-based rule says so. ZapTrace ERC006, 009, 011, 016,
 * 018, 022, 024, 025, 026.
 */

const live = (n: NlNet) => livePins(n);
const parties = (pins: NlPin[]) => new Set(pins.map((p) => p.comp)).size;
const isActive = (c: NlComponent) => !['resistor', 'capacitor', 'inductor', 'testpoint', 'connector', 'led', 'diode', 'esd', 'fuse', 'switch'].includes(c.role);
const railOrSourced = (nl: Netlist) => {
  const sources = powerSources(nl);
  return (n: NlNet) => n.ground || n.supply || sources.has(n);
};

const MOSI = /(?:^|[_-])(?:MOSI|COPI)\d*$/i;
const MISO = /(?:^|[_-])(?:MISO|CIPO)\d*$/i;

/** USB 2.0 data pins by name: D+/DP/USB_DP/USBDP and D−/DM/USB_DM/USBDM (USB 2.0 specification §7.1). */
const USB_DP = /^(?:USB_?)?(?:D\+|DP|D_P)\d*$/i;
const USB_DM = /^(?:USB_?)?(?:D-|DM|D_N|DN)\d*$/i;

/** Nets reached from `n` through series resistors (USB's 22–27 Ω source terminations). */
function throughSeries(n: NlNet): NlNet[] {
  const out = [n];
  for (const p of live(n)) {
    if (p.comp.role !== 'resistor' || p.comp.valueSi === null || p.comp.valueSi > 100) continue;
    for (const q of p.comp.pins.values()) for (const m of q.nets) if (!out.includes(m) && !m.ground && !m.supply) out.push(m);
  }
  return out;
}

function usbSwapped(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  const seen = new Set<string>();
  for (const n of nl.nets) {
    if (n.ground || n.supply) continue;
    const pins = throughSeries(n).flatMap(live);
    const dp = pins.filter((p) => USB_DP.test(p.name) && p.comp.role !== 'esd');
    const dm = pins.filter((p) => USB_DM.test(p.name) && p.comp.role !== 'esd');
    if (dp.length === 0 || dm.length === 0 || parties([...dp, ...dm]) < 2) continue;
    const key = [...dp, ...dm].map((p) => p.key).sort().join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push(
      hit(`USB data line ${n.name} joins D+ (${list(dp.map((p) => p.key))}) to D− (${list(dm.map((p) => p.key))})${BY_NAME}: D+ and D− are swapped and the device will not enumerate.`, 'Wire D+ to D+ and D− to D− between the connector and the USB device.', {
        components: [...dp, ...dm].map((p) => p.comp),
        nets: [n],
        pins: [...dp, ...dm],
      }),
    );
  }
  return hits;
}

function spiCrossed(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const n of nl.nets) {
    const pins = live(n);
    const mosi = pins.filter((p) => MOSI.test(p.name));
    const miso = pins.filter((p) => MISO.test(p.name));
    if (mosi.length === 0 || miso.length === 0 || parties([...mosi, ...miso]) < 2) continue;
    hits.push(
      hit(`Net ${n.name} joins MOSI pin${mosi.length > 1 ? 's' : ''} ${list(mosi.map((p) => p.key))} to MISO pin${miso.length > 1 ? 's' : ''} ${list(miso.map((p) => p.key))}${BY_NAME}: SPI wires MOSI to MOSI and MISO to MISO.`, 'Swap the SPI data lines so MOSI meets MOSI and MISO meets MISO.', {
        components: [...mosi, ...miso].map((p) => p.comp),
        nets: [n],
        pins: [...mosi, ...miso],
      }),
    );
  }
  return hits;
}

const TX = /^(?:(?:U\d*|UART\d*)[_-]?)?TXD?\d*$/i;
const RX = /^(?:(?:U\d*|UART\d*)[_-]?)?RXD?\d*$/i;

function uartSameDirection(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const n of nl.nets) {
    // Connector and header pins are labelled from the board's side, so they are left out.
    const pins = live(n).filter((p) => p.comp.role !== 'connector' && p.comp.role !== 'testpoint');
    for (const [re, other, what] of [
      [TX, RX, 'transmit'],
      [RX, TX, 'receive'],
    ] as const) {
      const same = pins.filter((p) => re.test(p.name));
      if (parties(same) < 2 || pins.some((p) => other.test(p.name))) continue;
      if (same.filter((p) => p.type === 'output').length >= 2) continue; // pin-conflict.output-output reports it
      hits.push(
        hit(`Net ${n.name} joins ${list(same.map((p) => p.key))}, which all ${what}${BY_NAME}: UART wires TX to RX.`, 'Cross the UART lines: each TX goes to the other side’s RX.', {
          components: same.map((p) => p.comp),
          nets: [n],
          pins: same,
        }),
      );
    }
  }
  return hits;
}

const USB_DATA_PIN = /^(?:D[+-]|DP|DM|DN|USB_?D[PMN+-]|D_?[PN])\d*$/i;

function usbEsd(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || c.role !== 'connector' || !/usb/.test(c.text)) continue;
    const data = [...c.pins.values()].filter((p) => USB_DATA_PIN.test(p.name) && p.nets.length > 0);
    if (data.length === 0) continue;
    const nets = data.flatMap((p) => p.nets);
    if (nets.some((n) => live(n).some((p) => p.comp.role === 'esd'))) continue;
    hits.push(
      hit(`USB connector ${c.ref} has no ESD protection on its data lines ${list(nets.map((n) => n.name))} (IEC 61000-4-2 contact discharge reaches the pins directly).`, 'Add a low-capacitance USB ESD array (e.g. USBLC6-2) on D+/D− next to the connector.', {
        components: [c],
        nets,
        pins: data,
      }),
    );
  }
  return hits;
}

const RESET_PIN = /^(?:N?RST|N?RESET|RESETN|RSTN|RESETB|RSTB|~RESET|RUN|XRES|MCLR|NMCLR)$/i;

function resetPullups(nl: Netlist): RuleHit[] {
  const toRail = railOrSourced(nl);
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !isActive(c)) continue;
    for (const p of c.pins.values()) {
      if (!RESET_PIN.test(p.name) || p.nets.length === 0) continue;
      const n = p.nets[0]!;
      if (n.ground || n.supply) continue;
      // A controller GPIO, a supervisor output or a reset IC sets the level; only an undriven reset needs the pull-up.
      const driven = live(n).some((o) => o.comp !== c && isActive(o.comp) && ['output', 'open_collector', 'power_out', 'bidirectional', 'tristate'].includes(o.type));
      if (driven || bridges(n, 'resistor', (o) => !o.ground && toRail(o)).length > 0) continue;
      hits.push(
        hit(`${p.key} (reset) on net ${n.name} has no pull-up to a rail and no supervisor driving it${BY_NAME}; it relies on the part's internal pull-up, if any.`, `Add a 10k pull-up (and optionally 100 nF to ground) on ${n.name}, unless the datasheet's internal pull-up is enough.`, {
          components: [c],
          nets: [n],
          pins: [p],
        }),
      );
    }
  }
  return hits;
}

const DEBUG_NET = /(?:^|[_-])(?:SWDIO|SWCLK|SWO|TCK|TMS|TDI|TDO|NTRST)(?:$|[_-])/i;

function debugAccess(nl: Netlist): RuleHit[] {
  return nl.nets
    .filter((n) => DEBUG_NET.test(n.name) && live(n).length > 0 && !live(n).some((p) => p.comp.role === 'connector' || p.comp.role === 'testpoint'))
    .map((n) =>
      hit(`Debug net ${n.name} reaches no connector or test point${BY_NAME}: the part cannot be programmed or debugged in place.`, `Bring ${n.name} to a debug header (e.g. 2x5 1.27 mm SWD) or a test point.`, {
        components: live(n).map((p) => p.comp),
        nets: [n],
      }),
    );
}

const CS_NET = /(?:^|[^A-Za-z0-9])N?(?:CS|SS|NSS|CSB|CSN|SSEL)\d*(?:$|[^A-Za-z0-9])/i;
/**
 * "SS" is also a converter's soft-start (BUCK_SS, SS/TR pins of TI and MPS regulators): a net on a
 * regulator's pin, or named after a converter, is not a chip select.
 */
const SOFT_START_NET = /(?:BUCK|BOOST|REG|LDO|DCDC|DC_DC|SMPS|PWR|VREG|CONV|PSU)[_-]?SS\d*$|(?:^|[^A-Za-z0-9])SS[_-]?TR\d*$|SOFT[_-]?START/i;
const softStart = (n: NlNet) => SOFT_START_NET.test(n.name) || live(n).some((p) => p.comp.role === 'regulator');
const csNets = (nl: Netlist) => nl.nets.filter((n) => !n.ground && !n.supply && CS_NET.test(n.name) && !softStart(n) && parties(live(n)) >= 2);

function csPullups(nl: Netlist): RuleHit[] {
  const toRail = railOrSourced(nl);
  return csNets(nl)
    .filter((n) => bridges(n, 'resistor', (o) => !o.ground && toRail(o)).length === 0)
    .map((n) =>
      hit(`SPI chip-select ${n.name} has no pull-up${BY_NAME}: while the controller is in reset the peripheral may be selected.`, `Add a 10k–100k pull-up from ${n.name} to the peripheral's supply.`, {
        components: live(n).map((p) => p.comp),
        nets: [n],
      }),
    );
}

function csShared(nl: Netlist): RuleHit[] {
  return csNets(nl)
    .map((n) => ({ n, active: [...new Set(live(n).map((p) => p.comp).filter(isActive))] }))
    .filter((x) => x.active.length > 2)
    .map(({ n, active }) =>
      hit(`SPI chip-select ${n.name} reaches ${active.length} ICs (${list(active.map((c) => c.ref))})${BY_NAME}: a controller and more than one peripheral share one select.`, 'Give every SPI peripheral its own chip-select line.', {
        components: active,
        nets: [n],
      }),
    );
}

const RS485_PART = /rs-?485|max3?485|sp3?485|sn65hvd|sn75176|thvd|st3485|adm2?485|isl8\d{3}/;
const DIRECTION_PIN = /^(?:DE|~?RE|NRE|RE_?N|DE_?RE|DE\/RE)$/i;

function rs485Direction(nl: Netlist): RuleHit[] {
  const toRail = railOrSourced(nl);
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !RS485_PART.test(c.text)) continue;
    for (const p of c.pins.values()) {
      if (!DIRECTION_PIN.test(p.name)) continue;
      for (const n of p.nets) {
        if (n.ground || n.supply || bridges(n, 'resistor', toRail).length > 0) continue;
        hits.push(
          hit(`RS-485 direction pin ${p.key} (net ${n.name}) has no pull resistor: while the controller resets, the driver state is undefined and may jam the bus.`, `Pull DE low (and RE high or low as wanted) with 10k on ${n.name}.`, {
            components: [c],
            nets: [n],
            pins: [p],
          }),
        );
      }
    }
  }
  return hits;
}

const LI_CELL = /li-?ion|li-?po|lipo|lithium[- ]ion|lithium polymer|\b18650\b|\blir\d{4}\b/;
const PROTECTION = /protection|protected|dw01|bq29|s-?82[0-9]{2}|ap910\d|fs312|xb\d{4}|ip5306/;

function batteryProtection(nl: Netlist): RuleHit[] {
  const cells = nl.components.filter((c) => !c.dnp && c.role === 'battery' && LI_CELL.test(`${c.text} ${String(c.part?.properties['cell_type'] ?? '')}`.toLowerCase()));
  if (cells.length === 0 || nl.components.some((c) => !c.dnp && PROTECTION.test(c.text))) return [];
  return [
    hit(`Li-ion/Li-Po cell${cells.length > 1 ? 's' : ''} ${list(cells.map((c) => c.ref))} with no protection IC and no protected cell: over-discharge or a short can ruin or ignite it.`, 'Use a protected cell, or add a protection IC (e.g. DW01A with a dual MOSFET).', {
      components: cells,
    }),
  ];
}

export const INTERFACE_RULES: readonly ErcRule[] = [
  { id: 'usb.data-swapped', severity: 'warning', category: 'interface', title: 'USB D+ wired to D−', description: 'Checks by pin name that no USB data net (through series resistors) joins a D+ pin to a D− pin.', zaptrace: [], check: usbSwapped },
  { id: 'spi.mosi-miso-crossed', severity: 'warning', category: 'interface', title: 'SPI MOSI wired to MISO', description: 'Checks by pin name that no net joins a MOSI/COPI pin to a MISO/CIPO pin.', zaptrace: ['ERC006'], check: spiCrossed },
  { id: 'uart.same-direction', severity: 'warning', category: 'interface', title: 'UART TX to TX or RX to RX', description: 'Checks by pin name that a UART net joins a TX pin to an RX pin rather than two of a kind.', zaptrace: ['ERC009'], check: uartSameDirection },
  { id: 'usb.esd-missing', severity: 'info', category: 'protection', title: 'USB data lines without ESD protection', description: 'Checks that the data lines of a USB connector reach an ESD/TVS device.', zaptrace: ['ERC011'], check: usbEsd },
  { id: 'reset.pullup-missing', severity: 'info', category: 'interface', title: 'Reset pin without pull-up', description: 'Checks by pin name that a reset pin on a signal net has a pull-up to a rail or a driver.', zaptrace: ['ERC016'], check: resetPullups },
  { id: 'debug.access-missing', severity: 'info', category: 'testability', title: 'Debug net without access', description: 'Checks by net name that SWD/JTAG nets reach a connector or test point.', zaptrace: ['ERC018'], check: debugAccess },
  { id: 'spi.cs-pullup-missing', severity: 'info', category: 'interface', title: 'SPI chip-select without pull-up', description: 'Checks by net name that SPI chip-select nets have a pull-up to a rail.', zaptrace: ['ERC022'], check: csPullups },
  { id: 'spi.cs-shared', severity: 'warning', category: 'interface', title: 'SPI chip-select shared', description: 'Checks by net name that an SPI chip-select net reaches at most two ICs (controller and one peripheral).', zaptrace: ['ERC025'], check: csShared },
  { id: 'rs485.direction-floating', severity: 'warning', category: 'interface', title: 'RS-485 direction pin floating', description: 'Checks that the DE/RE pins of an RS-485 transceiver have a pull resistor or a rail.', zaptrace: ['ERC024'], check: rs485Direction },
  { id: 'battery.protection-missing', severity: 'warning', category: 'power', title: 'Li-ion cell without protection', description: 'Checks that a design with a Li-ion/Li-Po cell also has a protection IC or a protected cell.', zaptrace: ['ERC026'], check: batteryProtection },
];
