/**
 * Independent published impedance models, written from the papers, against which
 * test/eda/calc/published-values.test.ts checks the calculator functions and
 * test/tools-parity/calc-published.test.ts the calc_impedance tool (the model KiCad's and wcalc's
 * calculators use for microstrip):
 * Hammerstad & Jensen, "Accurate Models for Microstrip Computer-Aided Design", IEEE MTT-S Digest 1980
 * (zero-thickness strip, quoted to 0.2 %), and Cohn's exact conformal-mapping result for the centred
 * zero-thickness stripline, IRE Trans. MTT-2 (1954): Z0 = 30π/√εr · K(k)/K(k'), k = sech(πw/2b).
 */
export function hammerstadJensen(w: number, h: number, er: number): number {
  const u = w / h;
  const f = 6 + (2 * Math.PI - 6) * Math.exp(-((30.666 / u) ** 0.7528));
  const zAir = 60 * Math.log(f / u + Math.sqrt(1 + 4 / (u * u)));
  const a = 1 + Math.log((u ** 4 + (u / 52) ** 2) / (u ** 4 + 0.432)) / 49 + Math.log(1 + (u / 18.1) ** 3) / 18.7;
  const b = 0.564 * ((er - 0.9) / (er + 3)) ** 0.053;
  const eEff = (er + 1) / 2 + ((er - 1) / 2) * (1 + 10 / u) ** (-a * b);
  return zAir / Math.sqrt(eEff);
}

/** Complete elliptic integral of the first kind by the arithmetic-geometric mean. */
function ellipticK(k: number): number {
  let [a, b] = [1, Math.sqrt(1 - k * k)];
  for (let i = 0; i < 30; i++) [a, b] = [(a + b) / 2, Math.sqrt(a * b)];
  return Math.PI / (2 * a);
}

export const cohnStripline = (w: number, b: number, er: number): number =>
  ((30 * Math.PI) / Math.sqrt(er)) * (ellipticK(1 / Math.cosh((Math.PI * w) / (2 * b))) / ellipticK(Math.tanh((Math.PI * w) / (2 * b))));
