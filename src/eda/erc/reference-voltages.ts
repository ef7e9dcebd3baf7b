import type { NlComponent } from './netlist.js';

/**
 * Feedback reference voltages of adjustable regulators, for parts whose library record does not
 * carry one. Each entry names the data sheet and the line it comes from; add a part only with its
 * data sheet at hand. Typical values: the output a divider sets is Vref·(1 + Rtop/Rbottom), and the
 * rules compare it with a tolerance wide enough for the reference's own spread.
 *
 * `match` is tested against the part's MPN, library name and the design's type and value (lower
 * case). Families that also come in fixed-output versions match only their adjustable version:
 * a fixed LM2596-5.0 has its divider inside and its FB pin tied straight to the output.
 */
export interface ReferenceVoltage {
  match: RegExp;
  volts: number;
  /**
   * `fb`: the reference sits between the feedback pin and ground, Vout = Vref·(1 + Rtop/Rbottom).
   * `out-adj`: it sits between OUT and ADJ (LM317/1117 style), Vout = Vref·(1 + Rbottom/Rtop).
   */
  kind: 'fb' | 'out-adj';
  /** Dropout at full load where the same data sheet gives one (linear regulators), in volts. */
  dropout?: number;
  source: string;
}

export const REFERENCE_VOLTAGES: readonly ReferenceVoltage[] = [
  {
    match: /\bmp2307/,
    volts: 0.925,
    kind: 'fb',
    source: 'MPS MP2307 data sheet, Electrical Characteristics: feedback voltage VFB 0.900/0.925/0.950 V',
  },
  {
    match: /\bmp1484/,
    volts: 0.925,
    kind: 'fb',
    source: 'MPS MP1484 data sheet, Features: output adjustable from 0.925 V (the FB reference) to 20 V',
  },
  {
    match: /\blm317/,
    volts: 1.25,
    kind: 'out-adj',
    source: 'ST LM317L data sheet, application information: internal reference of 1.25 V between the output and adjustment terminals, VO = VREF(1 + R2/R1)',
  },
  {
    match: /\blm2596\w*-adj/,
    volts: 1.23,
    kind: 'fb',
    source: 'TI LM2596 data sheet (SNVS124), LM2596-ADJ Electrical Characteristics: feedback voltage VFB 1.230 V typical',
  },
  {
    match: /\btps5430/,
    volts: 1.221,
    kind: 'fb',
    source: 'TI TPS5430-Q1 data sheet (SLVS751), Features: output adjustable down to 1.22 V with 1.5 % initial accuracy (the VSENSE reference, 1.221 V)',
  },
  {
    match: /\btps54(?:360|540|560|561)/,
    volts: 0.8,
    kind: 'fb',
    source: 'TI TPS54360 (SLVSBB4G §7.3.6), TPS54540B (SLVSEZ9), TPS54560 (SLVSBN0 §8.3.6) and TPS54561 (SLVSBO1G) data sheets, Adjusting the Output Voltage: 0.8 V ±1 % internal reference',
  },
  {
    // Only the adjustable TPS62130(A)/TPS62150(A): TPS62131-3 and TPS62151-3 are fixed, FB pulled down inside.
    match: /\btps62(?:130|150)(?:a|\b|[^0-9])/,
    volts: 0.8,
    kind: 'fb',
    source: 'TI TPS62130 (SLVSAG7F) and TPS62150 (SLVSAL5E) data sheets, Programming the Output Voltage: the voltage at the FB pin is regulated to 800 mV',
  },
  {
    match: /\btps6285(?:01|02|03)|\btps6282[123]|\btps629206/,
    volts: 0.6,
    kind: 'fb',
    source: 'TI TPS62850x (SLUSEC8B), TPS6282x and TPS629206 (SLVSGE1) data sheets, Setting the Output Voltage: FB regulated to 600 mV',
  },
  {
    // TPS63020 only: the TPS63021 is the fixed 3.3 V version.
    match: /\btps63020/,
    volts: 0.5,
    kind: 'fb',
    source: 'TI TPS63020 data sheet (SLVS916I), Setting the Output Voltage: the feedback voltage is 500 mV nominal',
  },
  {
    match: /\btps553[34]0/,
    volts: 1.229,
    kind: 'fb',
    source: 'TI TPS55330 (SLVSBX8B) and TPS55340 data sheets, Voltage Reference: 1.229 V at the error amplifier input',
  },
  {
    match: /\b(?:ams|lm|ld|ncp|az)1117\w*-adj/,
    volts: 1.25,
    kind: 'out-adj',
    dropout: 1.3,
    source: 'ST LD1117 data sheet (DocID7194), adjustable application note: 1.25 V reference between OUT and ADJ; AMS1117 data sheet (Advanced Monolithic Systems), Description: dropout guaranteed at 1.3 V maximum',
  },
];

/** The table entry for a component, by MPN, library name, type or value. */
export function tableReference(c: NlComponent): ReferenceVoltage | null {
  const text = [c.part?.mpn ?? '', c.part?.name ?? '', c.component.mpn ?? '', c.component.type, c.component.value ?? ''].join(' ').toLowerCase();
  return REFERENCE_VOLTAGES.find((r) => r.match.test(text)) ?? null;
}
