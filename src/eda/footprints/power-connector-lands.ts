import type { Footprint, Pad } from '../model/footprint.js';
import { assemble, centredRect, pinOneMark, smdPad, type Rect } from './build.js';

/**
 * Land patterns of the library's power, interface, timing and protection parts that no JEDEC
 * generator covers, written as pad tables. Each builder names in its `source` where the lands
 * come from; where that is a KiCad footprint (KiCad libraries 9.0, CC-BY-SA 4.0 with the design
 * exception), the land sizes and positions were read from it and its pad numbers kept.
 */

export interface LandTable {
  name: string;
  family: string;
  description: string;
  pads: Pad[];
  body: Rect;
  source: string;
  courtyardExcessMm?: number;
}

export function landTable(t: LandTable): Footprint {
  return assemble({
    name: t.name,
    family: t.family,
    description: t.description,
    pads: t.pads,
    body: t.body,
    courtyardExcessMm: t.courtyardExcessMm ?? 0.25,
    extraSilk: pinOneMark(t.pads, t.body),
    source: t.source,
  });
}

/** The same footprint with an exposed thermal pad added at the origin (it lies inside the body, so courtyard and silk are unchanged). */
export function withExposedPad(fp: Footprint, number: string, widthMm: number, heightMm: number, note: string): Footprint {
  return { ...fp, pads: [...fp.pads, smdPad(number, 0, 0, widthMm, heightMm, { shape: 'rect' })], source: `${fp.source}; exposed pad ${widthMm}x${heightMm} mm (pad ${number}): ${note}` };
}

/**
 * SOT-143B (four leads, lead 1 wider): 1 and 2 down the left, 3 and 4 up the right.
 * Land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-143 (after NXP SOT143B).
 */
export function sot143(): Footprint {
  return landTable({
    name: 'SOT-143',
    family: 'sot',
    description: 'SOT-143B 4-lead (lead 1 wide), 2.9x1.3 mm body',
    pads: [smdPad('1', -1, -0.75, 0.7, 1), smdPad('2', -1, 0.95, 0.7, 0.6), smdPad('3', 1, 0.95, 0.7, 0.6), smdPad('4', 1, -0.95, 0.7, 0.6)],
    body: centredRect(1.3, 2.9),
    source: 'NXP SOT143B outline; land sizes and positions read from KiCad footprint Package_TO_SOT_SMD:SOT-143',
  });
}
