import type { Design, Component } from '../model/design.js';
import type { Library } from '../library/index.js';
import { findNamedPart, findPartByKind } from './library-parts.js';

/**
 * The named elements of an intent (docs/synthesis.md, "Named elements"): every thing the sentence
 * asks for — a power source, a regulator, a microcontroller, interfaces, sensors, indicators,
 * mechanics — each with a check that reads the finished design. Synthesis reports each element as
 * placed or unmet, so nothing the intent names is dropped without a word. Words that name nothing we
 * know (and are not ordinary English or product nouns such as "board" or "tag") become unmet
 * elements of their own.
 */
export type ElementKind = 'power-source' | 'regulator' | 'voltage' | 'mcu' | 'interface' | 'sensor' | 'indicator' | 'mechanics' | 'function' | 'unknown';

/** A library part named by number ("part:lis3dh"); its kind is `sensor` for sensors, else `function`. */
export const isPartElement = (e: IntentElement): boolean => e.id.startsWith('part:');
/** A word describing a named part ("describes:lis3dh:accelerometer"), met by that part. */
export const isDescriptor = (e: IntentElement): boolean => e.id.startsWith('describes:');

export interface IntentElement {
  /** Stable id, e.g. "source:barrel-jack", "holes:2", "unknown:toaster". */
  id: string;
  kind: ElementKind;
  /** What the intent said, for messages: "5 V barrel jack", "two mounting holes". */
  label: string;
  /** Count asked for (mounting holes); 1 otherwise. */
  count: number;
  /** Voltage for voltage elements. */
  volts?: number;
  /**
   * Library part a part element names ("LIS3DH" → lis3dh), or the one a descriptor word describes
   * ("accelerometer" beside "LIS3DH").
   */
  partId?: string;
}

export interface ElementStatus {
  element: string;
  kind: ElementKind;
  status: 'placed' | 'unmet';
  /** References (or net names) that carry the element on the board. */
  by: string[];
  /** Why it is unmet, or how it was met when that needs saying. */
  note?: string;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, a: 1, an: 1, single: 1, pair: 2 };

interface Recogniser {
  id: string;
  kind: ElementKind;
  re: RegExp;
  label: string;
}

/** Recognisers, most specific first; each consumes the words it matched. */
const RECOGNISERS: Recogniser[] = [
  { id: 'source:coin-cell', kind: 'power-source', re: /\bcr\s?2032\b|\bcoin[- ]cell\b|\bcoin[- ]battery\b|\bbutton cell\b/, label: 'coin cell (CR2032)' },
  { id: 'source:9v-battery', kind: 'power-source', re: /\b9\s?v(?:olt)?\s+(?:block\s+)?battery\b|\bpp3\b/, label: '9 V battery' },
  { id: 'source:barrel-jack', kind: 'power-source', re: /\bbarrel(?:[- ]jack)?\b|\bdc[- ]jack\b|\bdc[- ]barrel\b/, label: 'barrel jack' },
  { id: 'source:usb-c', kind: 'power-source', re: /\busb[- ]?c\b|\btype[- ]c\b/, label: 'USB-C' },
  { id: 'source:lipo', kind: 'power-source', re: /\bli-?po\b|\bli-?ion\b|\blipo\b|\b18650\b|\bbattery(?:[- ]powered)?\b/, label: 'Li-Po battery' },
  { id: 'source:terminal', kind: 'power-source', re: /\bscrew[- ]terminals?\b|\bterminal block\b|\bterminals?\b/, label: 'screw terminal' },
  { id: 'regulator:ldo', kind: 'regulator', re: /\bldo\b|\blow[- ]dropout\b|\blinear regulator\b/, label: 'LDO regulator' },
  { id: 'regulator:buck', kind: 'regulator', re: /\bbuck\b|\bstep[- ]down\b|\bswitching regulator\b|\bswitching\b|\bdc-dc\b/, label: 'buck regulator' },
  { id: 'mcu:esp32s3', kind: 'mcu', re: /\besp32-?s3\b/, label: 'ESP32-S3' },
  { id: 'mcu:esp32', kind: 'mcu', re: /\besp32(?:-wroom(?:-32)?)?\b/, label: 'ESP32' },
  { id: 'mcu:nrf52840', kind: 'mcu', re: /\bnrf52(?:840)?\b|\bnordic\b/, label: 'nRF52840' },
  { id: 'mcu:rp2040', kind: 'mcu', re: /\brp2040\b|\bpico\b/, label: 'RP2040' },
  { id: 'mcu:stm32', kind: 'mcu', re: /\bstm32\w*\b/, label: 'STM32' },
  { id: 'mcu:attiny85', kind: 'mcu', re: /\battiny(?:85)?\b|\bavr\b/, label: 'ATtiny85' },
  { id: 'interface:lora', kind: 'interface', re: /\blora(?:wan)?\b|\bsx1276\b/, label: 'LoRa radio' },
  { id: 'interface:camera', kind: 'interface', re: /\bcamera\b|\bov2640\b/, label: 'camera' },
  { id: 'interface:rs485', kind: 'interface', re: /\brs-?485\b|\bmodbus\b|\bmax3485\b/, label: 'RS-485' },
  { id: 'interface:usb-hid', kind: 'interface', re: /\bkeyboard\b|\bmacropad\b|\bhid\b|\bkeypad\b|\bgamepad\b/, label: 'USB HID (key matrix)' },
  { id: 'interface:ble', kind: 'interface', re: /\bble\b|\bbluetooth\b/, label: 'Bluetooth LE' },
  { id: 'interface:wifi', kind: 'interface', re: /\bwi-?fi\b/, label: 'Wi-Fi' },
  { id: 'interface:i2c', kind: 'interface', re: /\bi2c\b/, label: 'I2C bus' },
  { id: 'interface:spi', kind: 'interface', re: /\bspi\b/, label: 'SPI bus' },
  { id: 'interface:uart', kind: 'interface', re: /\buart\b|\bserial header\b/, label: 'UART' },
  { id: 'interface:swd', kind: 'interface', re: /\bswd\b|\bdebug header\b/, label: 'SWD debug header' },
  // Actuators a driver block would switch; before "motor" so a vibration motor is not a motor driver board.
  { id: 'actuator:vibration', kind: 'function', re: /\bvibration motors?\b|\bvibe motors?\b|\bhaptic(?: motor| driver)?\b|\bvibration\b/, label: 'vibration motor' },
  { id: 'actuator:relay', kind: 'function', re: /\brelays?\b/, label: 'relay' },
  { id: 'actuator:buzzer', kind: 'indicator', re: /\bbuzzers?\b|\bbeepers?\b|\bpiezo\b/, label: 'buzzer' },
  { id: 'function:motor', kind: 'function', re: /\bmotors?\b|\bh-bridge\b|\btb6612\w*\b/, label: 'motor driver' },
  { id: 'function:encoder', kind: 'function', re: /\bencoders?\b/, label: 'encoder inputs' },
  { id: 'function:charger', kind: 'function', re: /\bcharger\b|\bcharging\b/, label: 'battery charger' },
  { id: 'sensor:current', kind: 'sensor', re: /\bina226\b|\bcurrent (?:shunt|sense|sensor|monitor)\b|\bshunt\b|\benergy meter\b|\bpower monitor\b/, label: 'current/power monitor' },
  { id: 'sensor:bme280', kind: 'sensor', re: /\bbme280\b/, label: 'BME280' },
  { id: 'sensor:sht31', kind: 'sensor', re: /\bsht3[1x]\b/, label: 'SHT31' },
  { id: 'sensor:humidity', kind: 'sensor', re: /\bhumidity\b|\bhygrometer\b/, label: 'humidity sensor' },
  { id: 'sensor:pressure', kind: 'sensor', re: /\bpressure\b|\bbarometer\b/, label: 'pressure sensor' },
  { id: 'sensor:temperature', kind: 'sensor', re: /\btemperature\b|\bthermometer\b/, label: 'temperature sensor' },
  { id: 'sensor:weather', kind: 'sensor', re: /\bweather\b|\benvironmental\b/, label: 'environmental sensor' },
  { id: 'indicator:power-led', kind: 'indicator', re: /\bpower(?:[- ]on)? (?:led|indicator|light)\b|\bpower-good led\b/, label: 'power LED' },
  { id: 'indicator:led', kind: 'indicator', re: /\b(?:status |indicator )?leds?\b|\bblink\w*\b|\bflasher\b/, label: 'LED' },
  { id: 'mechanics:button', kind: 'mechanics', re: /\b(?:push )?buttons?\b|\btactile switch\b/, label: 'button' },
];

const HOLES = /\b(\d+|one|two|three|four|five|six|seven|eight|a|a pair of|pair of)?\s*(?:m3\s+)?mounting[- ]holes?\b/;
/** "3.3 V LDO", "5V to 3.3V", "3V3 output": voltages the intent names, with the role the wording gives them. */
const VOLTS = /(\d+(?:\.\d+)?)\s*v(?:olts?)?\b(?!\s*battery)|\b(\d)v(\d)\b/g;

/**
 * Ordinary words and product nouns: they describe the board but name no element. Anything else left
 * after the recognisers is reported as an unknown element.
 */
const PLAIN = new Set(
  ('a an the and with for of to on in at by from via using use based board pcb node design small tiny little simple basic new my our that which ' +
    'powered power supply supplies input output rail rails onboard on-board plus also some up max maximum minimum min sensing reading readings ' +
    'controller control device system unit project circuit build make want need please create i we it is be has have its into as or ' +
    'mcu microcontroller chip soc module modules port connector connectors status indicator reset boot debug header headers ' +
    'wireless radio gateway station tag tags beacon logger logging monitor monitoring meter remote data bus fast mode standard devices device ' +
    'sensor sensors red green blue white yellow orange regulator regulated converter mounting hole holes m3 more extra additional ' +
    'one two three four five six seven eight nine ten few several pair single dual quad low high range long battery cell pack ' +
    'lithium jack dc usb current voltage i/o io industrial portable handheld wearable breakout carrier adapter kit development dev ' +
    'khz mhz hz ma a mm its per up-to around about only just like than then so such this these those not no without ' +
    'typed type c plug socket receptacle pin pins band driver drivers interface'
  ).split(/\s+/),
);

/** Elements an intent may ask for several of ("three LEDs", "4 push buttons"); the others count once. */
const COUNTED = new Set(['indicator:led', 'mechanics:button']);

/**
 * The count written just before a match: a number or number word, perhaps with one describing word
 * between ("three status LEDs", "4 user buttons"); 1 when there is none.
 */
function countBefore(text: string, at: number): number {
  if (/\bpair\s+of\s+(?:[a-z-]+\s+)?$/.test(text.slice(Math.max(0, at - 40), at))) return 2;
  // The describing word is never a unit: "5 V LEDs" asks for LEDs on 5 V, not five of them.
  const m = /\b(\d+|one|two|three|four|five|six|seven|eight)\s+(?:(?!(?:v|ma|mm|w)\s)[a-z-]+\s+)?$/.exec(text.slice(Math.max(0, at - 40), at));
  return Math.min(16, countOf(m?.[1]) ?? 1) || 1;
}

function countOf(word: string | undefined): number | null {
  if (!word) return null;
  const w = word.trim().replace(/^a pair of$|^pair of$/, 'pair');
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

/**
 * Reads the named elements of an intent, plus its unknown words (each an unmet element). With the
 * library, a word that is a library part number becomes a `part` element, and an unknown word found in
 * the text of a part the intent names ("accelerometer" beside "LIS3DH") describes that part.
 */
export function readElements(intent: string, lib?: Library): IntentElement[] {
  let text = ` ${intent.toLowerCase().replace(/[(),;:!?"']/g, ' ')} `;
  const out: IntentElement[] = [];
  const consume = (re: RegExp) => {
    text = text.replace(re, ' ');
  };
  const holes = HOLES.exec(text);
  if (holes) {
    const n = countOf(holes[1]) ?? 4;
    out.push({ id: `mechanics:holes`, kind: 'mechanics', label: `${n} mounting hole${n === 1 ? '' : 's'}`, count: n });
    consume(HOLES);
  }
  // Voltages: "from 5 V", "5V to 3.3V", "3.3 V LDO/output/module". The lower of a "to" pair is the output.
  const volts = [...text.matchAll(VOLTS)].map((m) => (m[1] ? Number(m[1]) : Number(`${m[2]}.${m[3]}`)));
  const to = /(\d+(?:\.\d+)?)\s*v\s*(?:to|->|→)\s*(\d+(?:\.\d+)?)\s*v/.exec(text);
  for (const r of RECOGNISERS) {
    const m = r.re.exec(text);
    if (!m) continue;
    const n = COUNTED.has(r.id) ? countBefore(text, m.index) : 1;
    out.push({ id: r.id, kind: r.kind, label: n > 1 ? `${n} ${r.label}s` : r.label, count: n });
    consume(new RegExp(r.re.source, 'g'));
  }
  if (to) {
    out.push({ id: `voltage:in:${to[1]}`, kind: 'voltage', label: `${to[1]} V input`, count: 1, volts: Number(to[1]) });
    out.push({ id: `voltage:out:${to[2]}`, kind: 'voltage', label: `${to[2]} V output`, count: 1, volts: Number(to[2]) });
  } else {
    for (const v of [...new Set(volts)]) {
      if (v === 9 && out.some((e) => e.id === 'source:9v-battery')) continue;
      out.push({ id: `voltage:${v}`, kind: 'voltage', label: `${v} V rail`, count: 1, volts: v });
    }
  }
  text = text.replace(VOLTS, ' ');
  const seen = new Set<string>();
  for (const raw of text.split(/\s+/)) {
    const w = raw.replace(/^[.\-]+|[.\-]+$/g, '');
    if (!w || PLAIN.has(w) || /^\d+(\.\d+)?(v|a|ma|khz|mhz|hz|k|x|mm|mah|w)?$/.test(w) || seen.has(w)) continue;
    seen.add(w);
    const part = lib ? findNamedPart(lib, w) : null;
    if (part && !out.some((e) => e.partId === part.id)) out.push({ id: `part:${part.id}`, kind: part.category === 'sensor' ? 'sensor' : 'function', label: part.name || w, count: 1, partId: part.id });
    else if (!part) out.push({ id: `unknown:${w}`, kind: 'unknown', label: w, count: 1 });
  }
  if (!lib) return out;
  // A kind named by two words ("SPI flash", "CAN transceiver") is the library's best part of that kind.
  const lower = ` ${intent.toLowerCase().replace(/[(),;:!?"']/g, ' ')} `;
  for (const e of [...out]) {
    if (e.kind !== 'unknown') continue;
    const m = new RegExp(`([a-z0-9][a-z0-9-]*)\\s+${e.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).exec(lower);
    const q = m?.[1];
    if (!q || PLAIN.has(q)) continue;
    const qualifier = out.find((x) => x.kind === 'unknown' && x.label === q);
    if (!qualifier && q !== 'spi' && q !== 'i2c') continue;
    const part = findPartByKind(lib, q, e.label);
    if (!part || out.some((x) => x.partId === part.id)) continue;
    const label = `${q.length <= 4 ? q.toUpperCase() : q} ${e.label}`;
    const at = out.indexOf(e);
    out.splice(at, 1, { id: `part:${part.id}`, kind: part.category === 'sensor' ? 'sensor' : 'function', label, count: 1, partId: part.id });
    if (qualifier) out.splice(out.indexOf(qualifier), 1);
  }
  // Words that say what a named part is ("real-time clock" beside "DS3231") are met by that part.
  const named = out.filter(isPartElement).map((e) => ({ e, text: partText(lib, e.partId!) }));
  return out.map((e) => {
    if (e.kind !== 'unknown') return e;
    const stem = e.label.replace(/s$/, '');
    const forms = [...new Set([stem, stem.replace(/-/g, ' '), stem.replace(/-/g, '')])].map((f) => new RegExp(`\\b${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const by = stem.length >= 3 ? named.find((n) => forms.some((re) => re.test(n.text))) : undefined;
    return by ? { ...e, id: `describes:${by.e.partId}:${e.label}`, kind: by.e.kind, partId: by.e.partId! } : e;
  });
}

/** Abbreviations in part descriptions and the words an engineer writes for them. */
const SPELLED_OUT: [RegExp, string][] = [
  [/\brtc\b/, 'real-time clock'],
  [/\bvoc\b/, 'air quality gas'],
  [/\bimu\b/, 'inertial motion'],
  [/\btof\b/, 'time-of-flight distance'],
  [/\bspo2\b|\bpulse oximet/, 'heart-rate pulse'],
  [/\busb[- ]to[- ](?:serial|uart)\b/, 'usb-serial usb serial'],
];

/** Lower-case text of a library part (name, description, properties) for descriptor words. */
function partText(lib: Library, id: string): string {
  const p = lib.get(id);
  const t = p ? `${p.name} ${p.description} ${p.category} ${JSON.stringify(p.properties)}`.toLowerCase().replace(/_/g, ' ') : '';
  return SPELLED_OUT.reduce((acc, [re, words]) => (re.test(acc) ? `${acc} ${words}` : acc), t);
}

// --- checks on the finished design -------------------------------------------------------------

const comps = (d: Design): Component[] => Object.values(d.components).filter((c) => !c.dnp);
const text = (c: Component, lib: Library) => {
  const p = c.part_id ? lib.get(c.part_id) : undefined;
  return `${c.type} ${c.value ?? ''} ${c.part_id ?? ''} ${c.description} ${p?.name ?? ''} ${p?.description ?? ''} ${JSON.stringify(p?.properties ?? {})}`.toLowerCase();
};
const block = (c: Component) => String(c.properties['synth_block'] ?? '');
/** Blocks whose parts can carry a sensor element: the sensor block and library parts named by number. */
const SENSOR_BLOCKS = new Set(['sensor', 'library-part']);
const refs = (cs: Component[]) => cs.map((c) => c.ref).sort();
const netNames = (d: Design) => Object.values(d.nets).map((n) => n.name);
const pinNets = (d: Design, c: Component) => Object.values(d.nets).filter((n) => n.nodes.some((x) => x.component === c.id));

const MCU_PARTS: Record<string, RegExp> = {
  'mcu:esp32': /esp32-wroom-32\b|esp32-d0wd|esp32-c3/,
  'mcu:esp32s3': /esp32-s3/,
  'mcu:nrf52840': /nrf52840/,
  'mcu:rp2040': /\brp2040\b/,
  'mcu:stm32': /stm32/,
  'mcu:attiny85': /attiny85/,
};

/** Which components (or nets) carry an element; empty when it is not on the board. */
export function carriers(e: IntentElement, d: Design, lib: Library): string[] {
  const all = comps(d);
  const find = (pred: (c: Component) => boolean) => refs(all.filter(pred));
  const t = (c: Component) => text(c, lib);
  const nets = netNames(d);
  const netsLike = (re: RegExp) => nets.filter((n) => re.test(n)).sort();
  switch (e.id) {
    case 'source:coin-cell':
      return find((c) => /cr2032|coin/.test(t(c)));
    case 'source:9v-battery':
      return find((c) => /\b9 ?v battery|pp3/.test(t(c)));
    case 'source:barrel-jack':
      // The jack itself (part or footprint), not a terminal standing in for it.
      return find((c) => /barrel/i.test(`${c.part_id ?? ''} ${c.footprint ?? ''} ${c.type}`));
    case 'source:usb-c':
      return find((c) => /usb-c|type-c/.test(t(c)));
    case 'source:lipo':
      return find((c) => block(c) === 'battery' || (/li-?po|li-?ion/.test(t(c)) && /connector|battery/.test(t(c)) && !/charger/.test(t(c))));
    case 'source:terminal':
      return find((c) => /terminal/.test(t(c)) && ['power-input', 'power-monitor', 'motor-driver'].includes(block(c)));
    case 'regulator:ldo':
      return find((c) => block(c) === 'ldo' && /^U/.test(c.ref));
    case 'regulator:buck':
      return find((c) => block(c) === 'buck' && /buck|step-down/.test(t(c)));
    case 'interface:lora':
      return find((c) => /sx127\d|lora/.test(t(c)) && block(c) === 'radio');
    case 'interface:camera':
      return find((c) => block(c) === 'camera');
    case 'interface:rs485':
      return find((c) => /max3485|rs-?485/.test(t(c)) && /transceiver/.test(t(c)));
    case 'interface:usb-hid':
      return find((c) => block(c) === 'key-matrix');
    case 'interface:ble':
      return find((c) => /nrf52|esp32(?!-s2)/.test(t(c)) && block(c) === 'mcu');
    case 'interface:wifi':
      return find((c) => /esp32/.test(t(c)) && block(c) === 'mcu');
    case 'interface:i2c':
      return netsLike(/SDA|SCL|SIOD/);
    case 'interface:spi':
      return netsLike(/SCK|MOSI|MISO|SCLK/);
    case 'interface:uart':
      return netsLike(/UART_TX|RS485_TX|_TXD?$/);
    case 'interface:swd':
      return netsLike(/^SWDIO$|^SWD/).length > 0 ? find((c) => block(c) === 'debug-header' && pinNets(d, c).some((n) => /SWDIO/.test(n.name))) : [];
    case 'function:motor':
      return find((c) => block(c) === 'motor-driver' && /tb6612|h-bridge|motor driver/.test(t(c)));
    case 'function:encoder':
      return netsLike(/^ENC\d/);
    case 'function:charger':
      return find((c) => block(c) === 'charger');
    case 'sensor:current':
      return find((c) => /ina2\d\d|current.*monitor/.test(t(c)) && block(c) !== 'mcu');
    case 'sensor:bme280':
      return find((c) => /bme280/.test(t(c)));
    case 'sensor:sht31':
      return find((c) => /sht3/.test(t(c)));
    case 'sensor:humidity':
      return find((c) => SENSOR_BLOCKS.has(block(c)) && /humidity/.test(t(c)));
    case 'sensor:pressure':
      return find((c) => SENSOR_BLOCKS.has(block(c)) && /pressure/.test(t(c)));
    case 'sensor:temperature':
      return find((c) => SENSOR_BLOCKS.has(block(c)) && /temperature/.test(t(c)));
    case 'sensor:weather':
      return find((c) => SENSOR_BLOCKS.has(block(c)) && /humidity|pressure|temperature/.test(t(c)));
    case 'indicator:power-led':
      return find((c) => block(c) === 'led' && /led/.test(t(c)) && ledOnRail(d, c));
    case 'indicator:led':
      return atLeast(e.count, find((c) => block(c) === 'led' && /led/.test(t(c))));
    case 'mechanics:button':
      // A user button: the reset and boot-mode switches every MCU core carries are not what the intent asks for.
      return atLeast(e.count, find((c) => block(c) === 'buttons' && !/reset|boot/i.test(`${c.value ?? ''}`)));
    case 'mechanics:holes': {
      const h = find((c) => /mountinghole/i.test(c.footprint ?? ''));
      return h.length === e.count ? h : [];
    }
    default:
      break;
  }
  if (e.kind === 'mcu') return find((c) => block(c) === 'mcu' && (MCU_PARTS[e.id]?.test(t(c)) ?? false));
  if ((isPartElement(e) || isDescriptor(e)) && e.partId) return find((c) => c.part_id === e.partId);
  if (e.kind === 'voltage' && e.volts !== undefined) return netsLike(new RegExp(`^\\+?${String(e.volts).replace('.', '[V.]')}V?$|^\\+${String(e.volts).replace('.', 'V')}$`, 'i'));
  return [];
}

/** The carriers when there are as many as the intent asked for, else none (the element is unmet). */
const atLeast = (count: number, found: string[]): string[] => (found.length >= count ? found : []);

/** Is an LED's series resistor fed straight from a supply rail (a power-on indicator)? */
function ledOnRail(d: Design, led: Component): boolean {
  const anodeNets = Object.values(d.nets).filter((n) => n.nodes.some((x) => x.component === led.id) && n.type !== 'ground');
  return anodeNets.some((an) =>
    an.nodes.some((x) => {
      const r = d.components[x.component];
      if (!r || r.id === led.id || !/^R/.test(r.ref)) return false;
      return Object.values(d.nets).some((n) => n !== an && n.nodes.some((y) => y.component === r.id) && n.type === 'power');
    }),
  );
}

/**
 * The carriers of `e` among all the intent's elements: a part carries one element only, so when the
 * intent asks for a power LED as well as LEDs, the power LED is not one of the LEDs counted.
 */
export function carriersAmong(e: IntentElement, all: readonly IntentElement[], d: Design, lib: Library): string[] {
  if (e.id !== 'indicator:led') return carriers(e, d, lib);
  const power = all.find((x) => x.id === 'indicator:power-led');
  const taken = new Set(power ? carriers(power, d, lib).slice(0, 1) : []);
  return atLeast(e.count, carriers({ ...e, count: 1 }, d, lib).filter((r) => !taken.has(r)));
}

/** Status of every element on a finished design. */
export function elementStatus(elements: IntentElement[], d: Design, lib: Library, notes: Record<string, string> = {}): ElementStatus[] {
  return elements.map((e) => {
    const by = e.kind === 'unknown' ? [] : carriersAmong(e, elements, d, lib);
    const fewer = by.length === 0 && e.count > 1 && COUNTED.has(e.id) ? carriersAmong({ ...e, count: 1 }, elements, d, lib) : [];
    const short = fewer.length > 0 ? `asked for ${e.count}, the board has ${fewer.length} (${fewer.join(', ')})` : undefined;
    const note = notes[e.id] ?? (e.kind === 'unknown' ? `"${e.label}" names nothing the library or the blocks can build` : by.length === 0 ? (short ?? `no ${e.label} on the board`) : undefined);
    return { element: e.label, kind: e.kind, status: by.length > 0 ? 'placed' : 'unmet', by, ...(note && by.length === 0 ? { note } : notes[e.id] ? { note: notes[e.id] } : {}) };
  });
}
