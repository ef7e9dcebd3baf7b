import type { Footprint } from '../model/footprint.js';
import { inlineTht } from './through-hole.js';

/**
 * Two-lead through-hole passives laid horizontally: axial resistors and diodes, ceramic disc
 * capacitors. Names follow KiCad's library (`R_Axial_DIN0207_L6.3mm_D2.5mm_P10.16mm_Horizontal`,
 * `D_DO-41_SOD81_P10.16mm_Horizontal`, `C_Disc_D5.0mm_W2.5mm_P5.00mm`) so designs written for
 * KiCad resolve. Drill = maximum lead diameter + 0.2–0.25 mm and pad ≈ 2 × drill (IPC-2222,
 * level B); body sizes from the package standards cited per entry. Diodes: pad 1 = cathode (K),
 * square, as in KiCad.
 */
export interface AxialSpec {
  name: string;
  family: 'resistor_axial' | 'diode' | 'capacitor_disc';
  description: string;
  bodyMm: [number, number];
  pitchMm: number;
  drillMm: number;
  padMm: number;
  source: string;
}

export function axialTwoLead(spec: AxialSpec): Footprint {
  const [l, d] = spec.bodyMm;
  return inlineTht({
    name: spec.name,
    family: spec.family,
    description: spec.description,
    pins: 2,
    pitchMm: spec.pitchMm,
    padMm: [spec.padMm, spec.padMm],
    drillMm: spec.drillMm,
    body: [-l / 2, -d / 2, l / 2, d / 2],
    source: spec.source,
    firstRect: spec.family === 'diode',
  });
}

export const AXIAL_DISC: readonly (AxialSpec & { aliases: string[] })[] = [
  {
    name: 'R_Axial_DIN0207_L6.3mm_D2.5mm_P10.16mm_Horizontal',
    family: 'resistor_axial',
    description: 'Axial resistor DIN 0207 (1/4 W), 10.16 mm lead spacing',
    bodyMm: [6.3, 2.5],
    pitchMm: 10.16,
    drillMm: 0.8,
    padMm: 1.6,
    source: 'DIN 0207 body 6.3 × 2.5 mm, leads Ø 0.6 mm (Yageo MFR-25 data sheet, "Dimensions") → drill 0.8 mm',
    aliases: ['R_Axial_DIN0207', 'AXIAL-0.4', 'RES-AXIAL-0207', 'R-AXIAL-10.16MM', 'RES-THT-0207', 'R_Axial'],
  },
  {
    name: 'R_Axial_DIN0204_L3.6mm_D1.6mm_P7.62mm_Horizontal',
    family: 'resistor_axial',
    description: 'Axial resistor DIN 0204 (1/8 W), 7.62 mm lead spacing',
    bodyMm: [3.6, 1.6],
    pitchMm: 7.62,
    drillMm: 0.7,
    padMm: 1.4,
    source: 'DIN 0204 body 3.6 × 1.6 mm, leads Ø 0.5 mm → drill 0.7 mm',
    aliases: ['R_Axial_DIN0204', 'AXIAL-0.3', 'RES-AXIAL-0204'],
  },
  {
    name: 'D_DO-41_SOD81_P10.16mm_Horizontal',
    family: 'diode',
    description: 'Axial diode DO-41 (1N400x), 10.16 mm lead spacing; pad 1 = cathode',
    bodyMm: [5.2, 2.7],
    pitchMm: 10.16,
    drillMm: 1.1,
    padMm: 2.2,
    source: 'JEDEC DO-204AL (DO-41): body ≤ 5.2 × 2.7 mm, leads Ø 0.71–0.86 mm → drill 1.1 mm',
    aliases: ['DO-41', 'DO41', 'D_DO-41', 'DIODE-DO41', 'SOD81'],
  },
  {
    name: 'D_DO-35_SOD27_P7.62mm_Horizontal',
    family: 'diode',
    description: 'Axial diode DO-35 (1N4148), 7.62 mm lead spacing; pad 1 = cathode',
    bodyMm: [4.0, 2.0],
    pitchMm: 7.62,
    drillMm: 0.8,
    padMm: 1.6,
    source: 'JEDEC DO-204AH (DO-35): body ≤ 4.0 × 2.0 mm, leads Ø 0.46–0.56 mm → drill 0.8 mm',
    aliases: ['DO-35', 'DO35', 'D_DO-35', 'DIODE-DO35', 'SOD27'],
  },
  {
    name: 'C_Disc_D5.0mm_W2.5mm_P5.00mm',
    family: 'capacitor_disc',
    description: 'Ceramic disc capacitor Ø 5 mm, 5.0 mm lead spacing',
    bodyMm: [5.0, 2.5],
    pitchMm: 5.0,
    drillMm: 0.8,
    padMm: 1.6,
    source: 'Vishay K-series disc capacitors: body Ø ≤ 5.0 mm, lead spacing 5.0 mm, leads Ø 0.5–0.6 mm → drill 0.8 mm',
    aliases: ['C_Disc_D5.0mm', 'CAP-DISC-5MM', 'DISC-5MM', 'C-DISC-5.0MM', 'CAP-CER-DISC-5MM'],
  },
];
