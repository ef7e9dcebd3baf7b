import type { PinType } from '../../model/design.js';
import { list, sym, yesNo, type SExpr, type SList } from '../../sexpr/index.js';
import { GRID_MM, PIN_PITCH_MM, clean, snapUp } from './grid.js';

/**
 * Generated box symbols for the schematic's embedded `lib_symbols` (KiCad file format,
 * "Schematic File Format" → "Symbol Section" and "Symbol Library" pages). Every component gets a
 * rectangle with its pins on the left and right sides, one per 2.54 mm row; pin connection points
 * land on the 1.27 mm grid (KiCad's ERC reports `endpoint_off_grid` otherwise).
 *
 * Library symbols use a y-up coordinate system: a pin at library (x, y) in a symbol placed
 * unrotated at sheet (X, Y) sits at sheet (X + x, Y - y).
 */

/** Pin length of the generated symbols. */
export const PIN_LENGTH_MM = 2.54;
const FONT_MM = 1.27;
/** Rough advance of one character of KiCad's default stroke font at 1.27 mm (for box sizing only). */
export const CHAR_MM = 1.0;

/** Our pin types → KiCad's electrical type tokens (only the tristate spelling differs). */
export function kicadPinType(t: PinType): string {
  return t === 'tristate' ? 'tri_state' : t;
}

export interface BoxPin {
  name: string;
  number: string;
  /** Further pad numbers of the same pin (a GND pin on pads 4 and 9): hidden stacked pins. */
  also: string[];
  /** KiCad electrical type token. */
  electrical: string;
  side: 'left' | 'right';
  /** Connection point in library coordinates (y up). */
  xMm: number;
  yMm: number;
}

export interface BoxSymbol {
  /** Library symbol name without the library nickname (also prefixes its unit sub-symbols). */
  name: string;
  pins: BoxPin[];
  halfWidthMm: number;
  /** Top and bottom edges of the rectangle in library coordinates. */
  topMm: number;
  bottomMm: number;
}

export interface PinInput {
  name: string;
  number: string;
  /** Further pad numbers the pin occupies on its footprint. */
  also?: string[];
  type: PinType;
}

const LEFT_TYPES: readonly PinType[] = ['input', 'power_in'];
const RIGHT_TYPES: readonly PinType[] = ['output', 'power_out', 'tristate', 'open_collector', 'open_emitter'];

/** Natural order of pin numbers: "2" before "10", then by text. */
export function comparePinNumbers(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  if (!Number.isNaN(na)) return -1;
  if (!Number.isNaN(nb)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lays out a box symbol: inputs and supply pins on the left, driving pins on the right, the rest
 * (passive, bidirectional, unspecified, no-connect) filling the shorter side; a two-pin part puts
 * its first pin left and its second right.
 */
export function layoutBox(name: string, inputs: readonly PinInput[]): BoxSymbol {
  const sorted = [...inputs].sort((a, b) => comparePinNumbers(a.number, b.number) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const left: PinInput[] = [];
  const right: PinInput[] = [];
  if (sorted.length === 2) {
    left.push(sorted[0]!);
    right.push(sorted[1]!);
  } else {
    const rest: PinInput[] = [];
    for (const p of sorted) {
      if (LEFT_TYPES.includes(p.type)) left.push(p);
      else if (RIGHT_TYPES.includes(p.type)) right.push(p);
      else rest.push(p);
    }
    for (const p of rest) (left.length <= right.length ? left : right).push(p);
  }
  const rows = Math.max(left.length, right.length, 1);
  const maxChars = (ps: PinInput[]) => ps.reduce((m, p) => Math.max(m, [...p.name].length), 0);
  // Room for the longest name on each side plus a gap; at least 5.08 mm each way.
  const halfWidthMm = Math.max(2 * PIN_PITCH_MM, snapUp(((maxChars(left) + maxChars(right)) * CHAR_MM + 2 * PIN_PITCH_MM) / 2, PIN_PITCH_MM));
  // Rows are centred on y = 0; with an even row count the pins sit on odd multiples of 1.27 mm.
  const firstY = clean(((rows - 1) / 2) * PIN_PITCH_MM);
  const place = (ps: PinInput[], side: 'left' | 'right'): BoxPin[] =>
    ps.map((p, i) => ({
      name: p.name,
      number: p.number,
      also: p.also ?? [],
      electrical: kicadPinType(p.type),
      side,
      xMm: clean(side === 'left' ? -(halfWidthMm + PIN_LENGTH_MM) : halfWidthMm + PIN_LENGTH_MM),
      yMm: clean(firstY - i * PIN_PITCH_MM),
    }));
  const pins = [...place(left, 'left'), ...place(right, 'right')];
  return { name, pins, halfWidthMm, topMm: clean(firstY + PIN_PITCH_MM), bottomMm: clean(-(firstY + PIN_PITCH_MM)) };
}

export const fontEffects = (...extra: (SExpr | undefined)[]): SList => list('effects', list('font', list('size', FONT_MM, FONT_MM)), ...extra);
const hidden = (): SList => list('hide', yesNo(true));
const stroke = (widthMm: number): SList => list('stroke', list('width', widthMm), list('type', sym('default')));

function libProperty(key: string, value: string, xMm: number, yMm: number, hide: boolean): SList {
  return list('property', key, value, list('at', xMm, yMm, 0), fontEffects(hide ? hidden() : undefined));
}

/** The `(symbol "<lib>:<name>" ...)` entry of `lib_symbols` for a box symbol. */
export function boxLibSymbol(libId: string, box: BoxSymbol, refPrefix: string): SList {
  const pin = (p: BoxPin, number: string, electrical: string, hide: boolean): SList =>
    list(
      'pin',
      sym(electrical),
      sym('line'),
      list('at', p.xMm, p.yMm, p.side === 'left' ? 0 : 180),
      list('length', PIN_LENGTH_MM),
      hide ? hidden() : undefined,
      list('name', p.name, fontEffects()),
      list('number', number, fontEffects()),
    );
  // A pin on several pads becomes stacked pins, one per pad number, at one connection point: the
  // first keeps the type, the others are hidden and passive (KiCad Library Conventions, S4.3,
  // "stacked pins"), so KiCad's ERC sees one driver and the netlist lists every pad.
  const pins = box.pins.flatMap((p) => [pin(p, p.number, p.electrical, false), ...p.also.map((n) => pin(p, n, 'passive', true))]);
  return list(
    'symbol',
    libId,
    // Numbers equal to names (pins named by their pad) would only print the same text twice.
    box.pins.every((p) => p.number === p.name) ? list('pin_numbers', list('hide', yesNo(true))) : undefined,
    list('pin_names', list('offset', 1.016)),
    list('exclude_from_sim', yesNo(false)),
    list('in_bom', yesNo(true)),
    list('on_board', yesNo(true)),
    libProperty('Reference', refPrefix, 0, box.topMm + GRID_MM, false),
    libProperty('Value', box.name, 0, box.bottomMm - GRID_MM, false),
    libProperty('Footprint', '', 0, 0, true),
    libProperty('Datasheet', '', 0, 0, true),
    libProperty('Description', '', 0, 0, true),
    list(
      'symbol',
      `${box.name}_0_1`,
      list('rectangle', list('start', -box.halfWidthMm, box.topMm), list('end', box.halfWidthMm, box.bottomMm), stroke(0.254), list('fill', list('type', sym('background')))),
    ),
    list('symbol', `${box.name}_1_1`, ...pins),
    list('embedded_fonts', yesNo(false)),
  );
}

export const PWR_FLAG_LIB_ID = 'zaptrace:PWR_FLAG';

/**
 * A power-flag symbol: a `(power)` symbol whose only pin is a power output at its origin. KiCad's
 * ERC wants every net with power-input pins driven by a power output ("power_pin_not_driven");
 * the flag says "this net is supplied" where the supply is not a power_out pin of a symbol (a
 * connector, a regulator output typed `output`, ground). Its pin is power_out, not power_in, so
 * the symbol does not create a global net of its own.
 */
export function pwrFlagLibSymbol(): SList {
  return list(
    'symbol',
    PWR_FLAG_LIB_ID,
    list('power'),
    list('pin_numbers', list('hide', yesNo(true))),
    list('pin_names', list('offset', 0), list('hide', yesNo(true))),
    list('exclude_from_sim', yesNo(false)),
    list('in_bom', yesNo(true)),
    list('on_board', yesNo(true)),
    libProperty('Reference', '#FLG', 0, 1.905, true),
    libProperty('Value', 'PWR_FLAG', 0, 3.81, false),
    libProperty('Footprint', '', 0, 0, true),
    libProperty('Datasheet', '', 0, 0, true),
    libProperty('Description', 'Marks a net as supplied (power output for the ERC)', 0, 0, true),
    list(
      'symbol',
      'PWR_FLAG_0_0',
      list('pin', sym('power_out'), sym('line'), list('at', 0, 0, 90), list('length', 0), list('name', 'pwr', fontEffects()), list('number', '1', fontEffects())),
    ),
    list(
      'symbol',
      'PWR_FLAG_0_1',
      list('polyline', list('pts', list('xy', 0, 0), list('xy', 0, 1.27), list('xy', -1.016, 1.905), list('xy', 0, 2.54), list('xy', 1.016, 1.905), list('xy', 0, 1.27)), stroke(0), list('fill', list('type', sym('none')))),
    ),
    list('embedded_fonts', yesNo(false)),
  );
}
