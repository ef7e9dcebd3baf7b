import type { LibraryPart } from '../model/part.js';
import type { Library } from '../library/index.js';
import { resolveFootprint } from '../footprints/index.js';

/**
 * Library parts an intent names by part number ("LIS3DH", "DS3231", "INA219"), and what kind of bus
 * they hang on. The element reader (elements.ts) turns such words into `part` elements instead of
 * unknown words; library-blocks.ts wires them. Nothing is invented: a word that is no library part
 * stays unknown and is reported unmet.
 */

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A word that looks like a part number: letters and digits, at least four characters. */
export const looksLikePartNumber = (word: string): boolean => /[a-z]/i.test(word) && /\d/.test(word) && norm(word).length >= 4 && !/^\d+(v|ma|mah|mhz|khz|hz|mm|a|w)$/i.test(word);

const rank = (p: LibraryPart, w: string): number[] => [
  // Parts whose footprint resolves can be placed; checked pinouts are trusted over imported ones;
  // the exact id or MPN beats a longer ordering code; then the shortest id.
  resolveFootprint(p.footprint) ? 0 : 1,
  p.properties['review_status'] === 'pinout-checked' ? 0 : 1,
  norm(p.id) === w || norm(p.mpn) === w || norm(p.name) === w ? 0 : 1,
  p.id.length,
];

/** The library part a part-number word names (prefix of its id, name or MPN), best first; null if none. */
export function findNamedPart(lib: Library, word: string): LibraryPart | null {
  const w = norm(word);
  if (!looksLikePartNumber(word)) return null;
  const hits = lib.all().filter((p) => p.category !== 'passive' && [p.id, p.name, p.mpn].some((s) => norm(s).startsWith(w)));
  if (hits.length === 0) return null;
  const cmp = (a: number[], b: number[]) => a.reduce((r, x, i) => r || x - b[i]!, 0);
  return [...hits].sort((a, b) => cmp(rank(a, w), rank(b, w)) || (a.id < b.id ? -1 : 1))[0]!;
}

const up = (p: LibraryPart) => p.pins.map((x) => x.name.toUpperCase());
const SCK = /^(SCK|SCLK|SPC|CLK)$/;
const MOSI = /^(MOSI|SDI|DIN|SI|DI)$/;
const MISO = /^(MISO|SDO|DOUT|SO|DO)$/;
const CS = /^(CS|CSB|NCS|CSN|NSS|SEL|SCS#|CS#|SS)$/;

/** The bus a part is wired on: I2C (SDA and SCL), SPI (clock, data in, chip select), CAN (a transceiver), else none. */
export function busOf(p: LibraryPart): 'i2c' | 'spi' | 'can' | 'usb-uart' | null {
  const n = up(p);
  if (['UD+', 'UD-', 'TXD', 'RXD'].every((x) => n.includes(x))) return 'usb-uart';
  if (['CANH', 'CANL', 'TXD', 'RXD'].every((x) => n.includes(x))) return 'can';
  if (n.includes('SDA') && n.includes('SCL')) return 'i2c';
  if (n.some((x) => SCK.test(x)) && n.some((x) => MOSI.test(x)) && n.some((x) => CS.test(x))) return 'spi';
  return null;
}

export const SPI_PIN = { SCK, MOSI, MISO, CS };

/**
 * Supply range the part's record states: a range written in its description ("4.5–16 V"), else its
 * nominal supply (voltage_supply_v or properties.electrical_limits.voltage_supply) ± 10 %; null when
 * the record states nothing.
 */
export function supplyRange(p: LibraryPart): { min: number; max: number; said: string } | null {
  const m = /(\d+(?:\.\d+)?)\s*(?:–|-|to)\s*(\d+(?:\.\d+)?)\s*V\b/.exec(p.description);
  if (m) return { min: Number(m[1]), max: Number(m[2]), said: `${m[1]}–${m[2]} V (description)` };
  const limits = p.properties['electrical_limits'];
  const lv = limits && typeof limits === 'object' && !Array.isArray(limits) ? Number((limits as Record<string, unknown>)['voltage_supply']) : NaN;
  const v = p.voltage_supply_v ?? (Number.isFinite(lv) ? lv : null);
  if (v === null) return null;
  return { min: v * 0.9, max: v * 1.1, said: `${v} V supply (record)` };
}

/**
 * The library part a two-word kind names ("SPI flash", "CAN transceiver"): the qualifier is a bus the
 * part speaks (spi, i2c) or a word of its description, the noun a word of its description. Only parts
 * that can be placed (footprint resolves) count; the best ranked wins. Null when none fits.
 */
export function findPartByKind(lib: Library, qualifier: string, noun: string): LibraryPart | null {
  const word = (w: string) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/s$/, '')}`, 'i');
  const q = qualifier.toLowerCase();
  const hits = lib
    .all()
    .filter((p) => !['passive', 'mcu', 'connector'].includes(p.category) && resolveFootprint(p.footprint) !== undefined && word(noun).test(p.description))
    .filter((p) => (q === 'spi' || q === 'i2c' ? busOf(p) === q : word(q).test(p.description)));
  if (hits.length === 0) return null;
  const cmp = (a: number[], b: number[]) => a.reduce((r, x, i) => r || x - b[i]!, 0);
  return [...hits].sort((a, b) => cmp(rank(a, ''), rank(b, '')) || (a.id < b.id ? -1 : 1))[0]!;
}
