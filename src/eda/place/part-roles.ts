import type { Design } from '../model/design.js';
import type { Footprint } from '../model/footprint.js';
import { boundsOf, rotatedRectCorners, type Rect } from '../board/index.js';
import { classifyComponent, isGroundName, isSupplyName } from '../erc/classify.js';
import { parseValue } from '../library/values.js';

/**
 * What the placer must know about a part beyond its outline (docs/placement.md, "Parts that
 * place themselves"): connectors that mate from a board edge, antennas that radiate from one,
 * mounting holes, decoupling capacitors and the supply pin each serves, heat sources and the
 * sensors they would falsify. Derived from the design alone (component type, reference, value,
 * nets, footprint), so the placer and the release gate derive the same constraints.
 */

/** A direction in footprint-local coordinates (y down, as in .kicad_mod). */
export type LocalDir = '+x' | '-x' | '+y' | '-y';

export interface EdgePart {
  /** The side of the footprint that must face out of the board, null when any side will do. */
  facing: LocalDir | null;
  kind: 'connector' | 'antenna';
  /** Antennas: footprint-local rect that must stay free of copper on every layer. */
  keepout: Rect | null;
}

/**
 * Mating side and antenna end of library footprints whose datasheet drawing fixes them:
 * HRO TYPE-C-31-M-12 opens away from its signal lands (+y, lands at y = −3.8 mm); Espressif
 * WROOM modules carry the PCB antenna at the end opposite the bottom pad row (−y), the antenna
 * region ending about 1 mm above the first side pad (ESP32-WROOM-32 datasheet, "Module
 * dimensions"; ESP32 Hardware Design Guidelines, "Positioning a module on a base board": antenna
 * on the board edge, no copper under it on any layer). ESP32-C3-MINI-1's footprint description
 * gives its antenna end (y < −2.9 mm).
 */
const KNOWN: Record<string, EdgePart> = {
  'USB-C-16P-SMD': { kind: 'connector', facing: '+y', keepout: null },
  'ESP32-WROOM-32': { kind: 'antenna', facing: '-y', keepout: [-9, -12.75, 9, -6.3] },
  'ESP32-S3-WROOM-1': { kind: 'antenna', facing: '-y', keepout: [-9, -12.75, 9, -6.3] },
  'ESP32-C3-MINI-1': { kind: 'antenna', facing: '-y', keepout: [-6.6, -8.3, 6.6, -2.9] },
};

/** The courtyard side a connector's contacts are farthest from: where the plug goes in. */
function facingAwayFromLands(fp: Footprint): LocalDir | null {
  const lands = fp.pads.filter((p) => p.kind === 'smd' && p.number !== '' && !/^MP/i.test(p.number));
  const pads = lands.length > 0 ? lands : fp.pads.filter((p) => p.kind === 'thru_hole');
  if (pads.length === 0) return null;
  const cx = pads.reduce((a, p) => a + p.at[0], 0) / pads.length;
  const cy = pads.reduce((a, p) => a + p.at[1], 0) / pads.length;
  const [x0, y0, x1, y1] = fp.courtyard;
  const room: [LocalDir, number][] = [
    ['+x', x1 - cx],
    ['-x', cx - x0],
    ['+y', y1 - cy],
    ['-y', cy - y0],
  ];
  room.sort((a, b) => b[1] - a[1]);
  // No clear winner (a symmetric pin header): the part may face any way.
  return room[0]![1] - room[1]![1] > 0.5 ? room[0]![0] : null;
}

const EDGE_CONNECTOR_TEXT = /usb|type-?c|micro-?b|mini-?b|barrel|dc[ _-]?jack|\bjack\b|rj45|\bsma\b|u\.fl|ipex/i;
/**
 * Wire-to-board connectors: a wire or battery lead has to reach them without crossing parts, so
 * they go to an edge like a plug (JST PH/XH/SH/ZH/GH/EH housings, Molex PicoBlade/Micro-Fit,
 * screw and spring terminal blocks, battery leads).
 */
const WIRE_TO_BOARD_TEXT = /terminal|screw|\bjst\b|\b(?:ph|xh|sh|zh|gh|eh)[-_ ]?\d+p?\b|picoblade|micro-?fit|wire[- ]to[- ]board|battery|\bbatt\b/i;
const ANTENNA_TEXT = /antenna|\bant\d|chip[ _-]?ant/i;
/** 2.4 GHz radios sold as modules with the antenna on board (Wi-Fi, Bluetooth, 802.15.4). */
const ON_BOARD_RADIO_TEXT = /wi-?fi|802\.11|bluetooth|\bble\b|\bbt\s?[245]|802\.15\.4|zigbee|\bthread\b/i;
/** Variants that bring the antenna out to a connector or pad instead (ESP32-WROOM-32U, -1U, IPEX). */
const EXTERNAL_ANTENNA_TEXT = /[-\s]\d*U(?!-?blox)(?:[-\s]|$)|ipex|u\.fl|external antenna|antenna (?:pad|connector)/i;
/** Radios that dissipate: Wi-Fi, Bluetooth, 802.15.4, cellular, LoRa. */
const RADIO_TEXT = /wi-?fi|802\.11|bluetooth|\bble\b|\bbt\s?[245]|802\.15\.4|zigbee|\blte\b|nb-?iot|cat[- ]?m1?\b|gsm|gprs|cellular|\blora\b/i;
const SENSOR_TEXT = /bme\d|bmp\d|sht\d|shtc|hdc\d|tmp\d|lm75|ds18b20|mcp9808|si70\d\d|aht\d|hts221|ntc|thermistor|temperature|humidity|\bsensor\b/i;

/** Where a board-edge part goes, or null for parts that may stand anywhere. */
export function edgePartOf(design: Design, componentId: string, fp: Footprint): EdgePart | null {
  const comp = design.components[componentId]!;
  const props = comp.properties;
  const known = KNOWN[fp.name];
  if (known) return known;
  const text = `${comp.type} ${comp.value ?? ''} ${fp.name}`;
  const module = onBoardAntennaModule(comp, fp);
  if (module) return module;
  if (ANTENNA_TEXT.test(text)) {
    const [x0, y0, x1, y1] = fp.body;
    // A feed pad for an off-board antenna (wire, whip) is all pad: keeping copper off it would cut the
    // feed itself, so only a body with room beyond its pads gets a keep-out.
    return { kind: 'antenna', facing: null, keepout: padsCover(fp) ? null : [x0, y0, x1, y1] };
  }
  // A header (or any part) marked as an edge connector by the design.
  if (props['edge_connector'] === true) return { kind: 'connector', facing: fp.family === 'header' ? null : facingAwayFromLands(fp), keepout: null };
  if (fp.family !== 'connector' && fp.family !== 'terminal') return null;
  if (EDGE_CONNECTOR_TEXT.test(text)) return { kind: 'connector', facing: facingAwayFromLands(fp), keepout: null };
  if (fp.family === 'terminal' || WIRE_TO_BOARD_TEXT.test(`${text} ${comp.description}`)) return { kind: 'connector', facing: facingAwayFromLands(fp) ?? acrossPadRow(fp), keepout: null };
  return null;
}

/**
 * A radio module with its antenna on the module, read from the design's own text (type, value and
 * the library description it carries, or `properties.antenna`: "integrated"/"external"): the
 * module's antenna end is the end of its body with no lands (at least 2 mm of it: Raytac MDBT50Q
 * spec, chip antenna beyond the land field; u-blox NINA-W10 data sheet, antenna end at +y;
 * Espressif ESP-WROOM-02D / MINI modules, PCB antenna beyond the pads), which is kept free of
 * copper from the lands' edge (less 0.5 mm) to the body's end, and faces out of the board.
 */
function onBoardAntennaModule(comp: Design['components'][string], fp: Footprint): EdgePart | null {
  const stated = comp.properties['antenna'];
  const text = `${comp.type} ${comp.value ?? ''} ${comp.part_id ?? ''} ${comp.description}`;
  if (stated === 'external' || stated === false) return null;
  const integrated = stated === 'integrated' || stated === true || /chip antenna|pcb antenna|integrated antenna|on-?board antenna/i.test(text);
  if (!integrated && !(fp.family === 'module' && ON_BOARD_RADIO_TEXT.test(text) && !EXTERNAL_ANTENNA_TEXT.test(`${comp.type} ${comp.part_id ?? ''} ${fp.name}`))) return null;
  const lands = fp.pads.filter((p) => p.kind !== 'np_thru_hole');
  if (lands.length === 0) return null;
  const [lx0, ly0, lx1, ly1] = boundsOf(lands.flatMap((p) => rotatedRectCorners(p.at, p.size, p.rotation_deg)));
  const [x0, y0, x1, y1] = fp.body;
  const ends: [LocalDir, number, Rect][] = [
    ['-y', ly0 - y0, [x0, y0, x1, ly0 - 0.5]],
    ['+y', y1 - ly1, [x0, ly1 + 0.5, x1, y1]],
    ['-x', lx0 - x0, [x0, y0, lx0 - 0.5, y1]],
    ['+x', x1 - lx1, [lx1 + 0.5, y0, x1, y1]],
  ];
  ends.sort((a, b) => b[1] - a[1]);
  const [facing, room, keepout] = ends[0]!;
  if (room < 2) return null;
  return { kind: 'antenna', facing, keepout };
}

/** A terminal block drawn symmetric about its pad row opens on one side of the row: the row then runs along the edge. */
function acrossPadRow(fp: Footprint): LocalDir | null {
  if (fp.pads.length < 2) return null;
  const xs = fp.pads.map((p) => p.at[0]);
  const ys = fp.pads.map((p) => p.at[1]);
  return Math.max(...xs) - Math.min(...xs) >= Math.max(...ys) - Math.min(...ys) ? '+y' : '+x';
}

/** Whether the footprint's pads span its whole body (within 0.05 mm). */
function padsCover(fp: Footprint): boolean {
  if (fp.pads.length === 0) return false;
  const [px0, py0, px1, py1] = boundsOf(fp.pads.flatMap((p) => rotatedRectCorners(p.at, p.size, p.rotation_deg)));
  const [x0, y0, x1, y1] = fp.body;
  const slack = 0.05;
  return px0 <= x0 + slack && px1 >= x1 - slack && py0 <= y0 + slack && py1 >= y1 - slack;
}

export function isMountingHole(fp: Footprint): boolean {
  return fp.family === 'mounting_hole';
}

export type ThermalRole = 'hot' | 'sensor' | null;

/**
 * Heat sources are regulators (a linear regulator dissipates (Vin − Vout)·I, 0.85 W for 5 → 3.3 V
 * at 0.5 A; a stated `dissipation_w` property of 0.25 W or more marks any part hot) and radio
 * modules (Wi-Fi, Bluetooth, 802.15.4, cellular, LoRa by type or description); sensors are
 * temperature/humidity/pressure parts by type or value text.
 */
export function thermalRoleOf(design: Design, componentId: string): ThermalRole {
  const comp = design.components[componentId]!;
  const w = comp.properties['dissipation_w'];
  if (typeof w === 'number') return w >= 0.25 ? 'hot' : null;
  const text = `${comp.type} ${comp.value ?? ''} ${comp.description}`;
  if (SENSOR_TEXT.test(text)) return 'sensor';
  if (classifyComponent(comp, undefined, true).role === 'regulator') return 'hot';
  // A radio module: an ESP32-WROOM-32 draws about 240 mA at 3.3 V while transmitting (0.8 W;
  // Espressif ESP32-WROOM-32 data sheet, "RF power consumption"), more than a small LDO.
  if (/\bmodule\b/i.test(text) && RADIO_TEXT.test(text)) return 'hot';
  return null;
}

/** A decoupling capacitor and the supply pin it serves. */
export interface Decoupler {
  cap: string;
  target: string;
  pin: string;
  /** Local bypass (≤ 1 µF) or bulk. */
  bulk: boolean;
  /** How many local bypass capacitors the pin had before this one (the first sits closest). */
  rank: number;
  /**
   * Index into the pin's pads (footprint order) when the pin has several pads and several local
   * capacitors: they are dealt out over the pads, so a supply pin on four sides of a package gets
   * a capacitor at each rather than all at the roomiest. Null: any pad of the pin.
   */
  pad: number | null;
  /** The supply net the capacitor decouples. */
  rail: string;
}

/**
 * Capacitance in farads: the whole value, else its first token that reads as one — values often
 * carry the rating or size ("470uF 25V", "10uF/16V", "22uF 0805"), and such a capacitor is no
 * less bulk for it (test/eda/place/place.test.ts).
 */
export function capacitanceOf(value: string | null): number | null {
  if (!value) return null;
  const whole = parseValue(value);
  if (whole && (whole.unit === 'F' || whole.unit === null)) return whole.value;
  for (const token of value.split(/[\s/,;]+/)) {
    const v = token ? parseValue(token) : null;
    if (v && v.unit === 'F') return v.value;
  }
  return null;
}

/** What decouplersOf reads of the placement model (place/model.ts builds it; named here so the two modules do not import each other). */
export interface PlacedParts {
  items: readonly { id: string; pinPads: ReadonlyMap<string, readonly unknown[]> }[];
  index: ReadonlyMap<string, number>;
}

/**
 * Capacitors between a supply rail and ground, each assigned to a supply pin of an active part
 * on that rail: local bypass capacitors in ascending reference order to the power-input pins (one
 * each, round robin), bulk capacitors (> 1 µF) to the regulator output feeding the rail when there
 * is one, else to the first power-input pin.
 */
export function decouplersOf(design: Design, model: PlacedParts): Decoupler[] {
  const onBoard = new Set(model.items.map((it) => it.id));
  const netOfPin = new Map<string, string>();
  const nodesOf = new Map<string, { component: string; pin: string }[]>();
  for (const net of Object.values(design.nets)) {
    nodesOf.set(net.id, net.nodes);
    for (const n of net.nodes) netOfPin.set(`${n.component}\u0000${n.pin}`, net.id);
  }
  const ground = (id: string) => design.nets[id]!.type === 'ground' || isGroundName(design.nets[id]!.name);
  const supply = (id: string) => !ground(id) && (design.nets[id]!.type === 'power' || isSupplyName(design.nets[id]!.name));
  const roleOf = (id: string) => classifyComponent(design.components[id]!, undefined, true).role;
  const out: Decoupler[] = [];
  const used = new Map<string, number>();
  const caps = Object.keys(design.components)
    .filter((id) => onBoard.has(id) && roleOf(id) === 'capacitor')
    .sort((a, b) => design.components[a]!.ref.localeCompare(design.components[b]!.ref, 'en', { numeric: true }));
  for (const id of caps) {
    const pins = Object.keys(design.components[id]!.pins);
    const nets = pins.map((p) => netOfPin.get(`${id}\u0000${p}`)).filter((n): n is string => n !== undefined);
    if (nets.length !== 2 || !nets.some(ground)) continue;
    const rail = nets.find(supply);
    if (!rail) continue;
    const hasPad = (n: { component: string; pin: string }) => (model.items[model.index.get(n.component)!]!.pinPads.get(n.pin)?.length ?? 0) > 0;
    const active = (nodesOf.get(rail) ?? []).filter((n) => onBoard.has(n.component) && hasPad(n) && ['ic', 'regulator', 'oscillator'].includes(roleOf(n.component)));
    const inputs = active.filter((n) => roleOf(n.component) !== 'regulator' || design.components[n.component]!.pins[n.pin]?.type === 'power_in');
    const powerIn = inputs.filter((n) => ['power_in'].includes(design.components[n.component]!.pins[n.pin]?.type ?? ''));
    const regOut = active.filter((n) => roleOf(n.component) === 'regulator' && ['output', 'power_out'].includes(design.components[n.component]!.pins[n.pin]?.type ?? ''));
    const farads = capacitanceOf(design.components[id]!.value);
    const bulk = farads !== null && farads > 1e-6;
    const pool = powerIn.length > 0 ? powerIn : inputs;
    let pick: { component: string; pin: string } | undefined;
    if (bulk) pick = regOut[0] ?? pool[0];
    else if (pool.length > 0) {
      // the least served pin first (capacitors per pad: a supply pin with pads on three sides of
      // a package takes three before a one-pad pin takes its second), in node order
      const load = (n: { component: string; pin: string }) => (used.get(`${n.component}.${n.pin}`) ?? 0) / Math.max(1, model.items[model.index.get(n.component)!]!.pinPads.get(n.pin)?.length ?? 1);
      pick = [...pool].sort((a, b) => load(a) - load(b))[0];
    }
    if (!pick) continue;
    const rank = used.get(`${pick.component}.${pick.pin}`) ?? 0;
    if (!bulk) used.set(`${pick.component}.${pick.pin}`, rank + 1);
    out.push({ cap: id, target: pick.component, pin: pick.pin, bulk, rank: bulk ? 0 : rank, pad: null, rail });
  }
  for (const d of out) {
    if (d.bulk) continue;
    const pads = model.items[model.index.get(d.target)!]!.pinPads.get(d.pin)?.length ?? 0;
    if (pads > 1 && (used.get(`${d.target}.${d.pin}`) ?? 0) > 1) d.pad = d.rank % pads;
  }
  return out;
}
