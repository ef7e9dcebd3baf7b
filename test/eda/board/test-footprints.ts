import { Footprint, type Pad } from '../../../src/eda/model/footprint.js';
import { Design } from '../../../src/eda/model/design.js';

/**
 * Footprints built by the tests themselves (so the board/place/route tests do not depend on the
 * footprint generator). Dimensions are plausible IPC-7351B-like numbers, not authoritative.
 */

function pad(number: string, at: [number, number], size: [number, number], extra: Partial<Pad> = {}): Pad {
  return {
    number,
    kind: 'smd',
    shape: 'roundrect',
    at,
    size,
    rotation_deg: 0,
    roundrect_ratio: 0.25,
    drill_mm: null,
    side: 'top',
    paste: true,
    ...extra,
  };
}

function fp(name: string, pads: Pad[], courtyard: [number, number, number, number]): Footprint {
  return Footprint.parse({ name, family: 'test', description: name, pads, courtyard, silkscreen: [], body: courtyard, source: 'test' });
}

/** Two-pad chip (0603-like). */
export const CHIP_0603 = fp('0603', [pad('1', [-0.8, 0], [0.9, 0.95]), pad('2', [0.8, 0], [0.9, 0.95])], [-1.5, -0.75, 1.5, 0.75]);

/** SOIC-8, pins 1-4 left top to bottom, 5-8 right bottom to top. */
export const SOIC_8 = fp(
  'SOIC-8',
  Array.from({ length: 8 }, (_, i) => {
    const left = i < 4;
    const row = left ? i : 7 - i;
    return pad(String(i + 1), [left ? -2.7 : 2.7, -1.905 + row * 1.27], [1.55, 0.6]);
  }),
  [-3.7, -2.7, 3.7, 2.7],
);

/** QFN-32 5x5 mm, 0.5 mm pitch, exposed pad "33". */
export const QFN_32 = fp(
  'QFN-32',
  [
    ...Array.from({ length: 32 }, (_, i) => {
      const side = Math.floor(i / 8);
      const k = i % 8;
      const off = -1.75 + k * 0.5;
      const d = 2.45;
      if (side === 0) return pad(String(i + 1), [-d, off], [0.8, 0.25]);
      if (side === 1) return pad(String(i + 1), [off, d], [0.25, 0.8]);
      if (side === 2) return pad(String(i + 1), [d, -off], [0.8, 0.25]);
      return pad(String(i + 1), [-off, -d], [0.25, 0.8]);
    }),
    pad('33', [0, 0], [3.1, 3.1]),
  ],
  [-3.15, -3.15, 3.15, 3.15],
);

/** A 4-pin through-hole header (2.54 mm pitch). */
export const HEADER_4 = fp(
  'PinHeader_1x04',
  Array.from({ length: 4 }, (_, i) =>
    pad(String(i + 1), [0, i * 2.54], [1.7, 1.7], { kind: 'thru_hole', shape: i === 0 ? 'rect' : 'circle', drill_mm: 1.0 }),
  ),
  [-1.3, -1.3, 1.3, 8.92],
);

/** A USB-C-like receptacle with named pads (A4 VBUS, A6 DP, A7 DN, A1 GND), pads towards -y. */
export const USB_C = fp(
  'USB-C',
  [
    pad('A1', [-2.75, -3.0], [0.6, 1.2]),
    pad('A4', [-1.75, -3.0], [0.6, 1.2]),
    pad('A6', [-0.25, -3.0], [0.3, 1.2]),
    pad('A7', [0.25, -3.0], [0.3, 1.2]),
    pad('B4', [1.75, -3.0], [0.6, 1.2]),
    pad('B1', [2.75, -3.0], [0.6, 1.2]),
  ],
  [-4.8, -4.0, 4.8, 4.0],
);

export const TEST_FOOTPRINTS: Record<string, Footprint> = {
  '0603': CHIP_0603,
  'SOIC-8': SOIC_8,
  'QFN-32': QFN_32,
  PinHeader_1x04: HEADER_4,
  'USB-C': USB_C,
};

export const testResolve = (name: string): Footprint | undefined => TEST_FOOTPRINTS[name];

/** A normalised design from a loose object (zod fills the defaults). */
export function makeDesign(input: Record<string, unknown>): Design {
  return Design.parse({ meta: { name: 'test' }, board: { width_mm: 100, height_mm: 80, layers: 2 }, ...input });
}
