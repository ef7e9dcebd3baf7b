import type { Footprint } from '../model/footprint.js';
import { invalidInput } from '../../kernel/errors.js';
import { assemble, centredRect, smdPad } from './build.js';
import { IPC_GOALS, gullWingGoals, ipcLands, nom, range, type FilletGoals, type LandResult, type Range } from './ipc7351.js';
import { dualLeads, dualRowFootprint, fmtRange } from './smd-two-row.js';
import { defaultLeadWidth, qfn, qfp, qfpLeads, son } from './quad.js';

/**
 * A land pattern from caller-given package dimensions, by the same IPC-7351B density-N code the
 * catalog uses (docs/footprints.md): chips (Tables 3-5/3-6), gull-wing dual rows (3-2/3-3), QFN
 * (3-15), SON/DFN (3-16) and QFP (3-2/3-3, lead span = body + 2 mm per JEDEC MS-026).
 * Ranges are [min, max] in mm. The Z/G/X of the main land pair are returned beside the footprint.
 */
export type GenerateKind = 'chip' | 'gullwing' | 'qfn' | 'son' | 'qfp';

export interface GenerateParams {
  kind: GenerateKind;
  pins?: number | undefined;
  pitch_mm?: number | undefined;
  /** chip: [L, W] nominal is taken from span/lead width; others: body [across rows (E1), along rows (D)]. */
  body_mm?: [number, number] | undefined;
  /** chip: overall length L; gull-wing: lead tip-to-tip span E. */
  span_mm?: [number, number] | undefined;
  /** chip: terminal length T; leaded: foot length L. */
  foot_mm?: [number, number] | undefined;
  /** chip: body width W; leaded: lead width b. */
  lead_width_mm?: [number, number] | undefined;
  /** Exposed pad [width, height] (QFN/SON). */
  ep_mm?: [number, number] | undefined;
}

export interface Generated {
  footprint: Footprint;
  lands: { z_mm: number; g_mm: number; x_mm: number; table: string };
}

const r = (v: [number, number] | undefined, what: string): Range => {
  if (!v) throw invalidInput(`${what} is required for this kind`, [what]);
  if (!(v[0] > 0 && v[0] <= v[1] && v[1] <= 100)) throw invalidInput(`${what} must be [min, max] with 0 < min ≤ max ≤ 100 mm`, [what]);
  return range(v[0], v[1]);
};

function need(p: GenerateParams, key: 'pins' | 'pitch_mm', divisor = 1): number {
  const v = p[key];
  if (v === undefined) throw invalidInput(`${key} is required for kind ${p.kind}`, [key]);
  if (key === 'pins' && (!Number.isInteger(v) || v < 2 || v > 256 || v % divisor !== 0)) throw invalidInput(`pins must be a multiple of ${divisor} between 2 and 256`, ['pins']);
  if (key === 'pitch_mm' && !(v >= 0.3 && v <= 5.08)) throw invalidInput('pitch_mm must be within 0.3–5.08 mm', ['pitch_mm']);
  return v;
}

const landsOf = (l: LandResult) => ({ z_mm: l.zMm, g_mm: l.gMm, x_mm: l.xMm, table: l.goals.table });
const named = (p: GenerateParams) => `GEN-${p.kind.toUpperCase()}${p.pins ? `-${p.pins}` : ''}`;

function chip(p: GenerateParams): Generated {
  const L = r(p.span_mm, 'span_mm');
  const W = r(p.lead_width_mm, 'lead_width_mm');
  const T = r(p.foot_mm, 'foot_mm');
  const goals: FilletGoals = nom(L) < 1.6 ? IPC_GOALS.chipSmall : IPC_GOALS.chip;
  const land = ipcLands({ spanMm: L, terminalMm: T, widthMm: W }, goals);
  const pads = [smdPad('1', -land.padCentreMm, 0, land.padLengthMm, land.padWidthMm), smdPad('2', land.padCentreMm, 0, land.padLengthMm, land.padWidthMm)];
  const footprint = assemble({
    name: named(p), family: 'chip', description: 'Generated chip land pattern', pads, body: centredRect(nom(L), nom(W)), courtyardExcessMm: goals.courtyardExcessMm,
    source: `${goals.table} density N; caller outline L ${fmtRange(L)}, W ${fmtRange(W)}, T ${fmtRange(T)}`,
  });
  return { footprint, lands: landsOf(land) };
}

export function generateFootprint(p: GenerateParams): Generated {
  if (p.kind === 'chip') return chip(p);
  if (p.kind === 'qfp') {
    const pins = need(p, 'pins', 4);
    const pitch = need(p, 'pitch_mm');
    const body = p.body_mm?.[0] ?? (pins / 4 + 1) * pitch;
    const footprint = qfp({ name: named(p), description: 'Generated QFP land pattern', pins, bodyMm: body, pitchMm: pitch, outline: `caller QFP ${body}x${body} mm` });
    // The leads qfp() builds its lands from, so the reported Z/G/X are the footprint's own.
    const leads = qfpLeads(body, pitch);
    return { footprint, lands: landsOf(ipcLands({ spanMm: leads.spanMm, terminalMm: leads.footMm, widthMm: leads.leadWidthMm }, gullWingGoals(pitch))) };
  }
  const pitch = need(p, 'pitch_mm');
  if (!p.body_mm || !(p.body_mm[0] > 0 && p.body_mm[1] > 0 && Math.max(...p.body_mm) <= 100)) throw invalidInput('body_mm [across, along] within 0–100 mm is required', ['body_mm']);
  const body = p.body_mm;
  const foot = p.foot_mm ? r(p.foot_mm, 'foot_mm') : undefined;
  const b = p.lead_width_mm ? r(p.lead_width_mm, 'lead_width_mm') : undefined;
  if (p.kind === 'gullwing') {
    const pins = need(p, 'pins', 2);
    const spec = { spanMm: r(p.span_mm, 'span_mm'), footMm: foot ?? r(undefined, 'foot_mm'), leadWidthMm: b ?? r(undefined, 'lead_width_mm') };
    const footprint = dualRowFootprint({ name: named(p), family: 'gullwing', description: 'Generated gull-wing land pattern', pitchMm: pitch, ...spec, bodyMm: body, leads: dualLeads(pins, pitch), outline: `caller outline E ${fmtRange(spec.spanMm)}, L ${fmtRange(spec.footMm)}, b ${fmtRange(spec.leadWidthMm)}` });
    return { footprint, lands: landsOf(ipcLands({ spanMm: spec.spanMm, terminalMm: spec.footMm, widthMm: spec.leadWidthMm }, gullWingGoals(pitch))) };
  }
  const pins = need(p, 'pins', p.kind === 'qfn' ? 4 : 2);
  const opt = { ...(foot ? { footMm: foot } : {}), ...(b ? { leadWidthMm: b } : {}) };
  const footprint =
    p.kind === 'qfn'
      ? qfn({ name: named(p), description: 'Generated QFN land pattern', pins, bodyMm: body, pitchMm: pitch, ...(p.ep_mm ? { ep: p.ep_mm } : {}), ...opt })
      : son({ name: named(p), description: 'Generated SON/DFN land pattern', pins, bodyMm: body, pitchMm: pitch, ...(p.ep_mm ? { ep: p.ep_mm } : {}), ...opt, outline: `caller SON ${body[0]}x${body[1]} mm` });
  // The quad/son builders use a ±0.1 mm body tolerance and MO-220 terminal defaults; report the same figures.
  const land = ipcLands({ spanMm: range(body[0] - 0.1, body[0] + 0.1), terminalMm: foot ?? range(0.3, 0.5), widthMm: b ?? defaultLeadWidth(pitch) }, p.kind === 'qfn' ? IPC_GOALS.qfn : IPC_GOALS.son);
  return { footprint, lands: landsOf(land) };
}

