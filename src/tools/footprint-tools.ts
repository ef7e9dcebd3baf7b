import { z } from 'zod';
import { listFootprintPackages, resolveFootprintName } from '../eda/footprints/index.js';
import { generateFootprint } from '../eda/footprints/generate.js';
import type { Footprint } from '../eda/model/footprint.js';
import type { Component } from '../eda/model/design.js';
import { kicad3dModels } from '../runtime/external/kicad-3d-models.js';
import { DesignName, globalTool, looseObject, requireDesign, sessionTool } from './define.js';
import { footprintFromLibrary } from './part-footprints.js';
import type { Services } from './services.js';

/** What a search filters on, measured from the generated land pattern itself (docs/footprints.md). */
interface Facts {
  name: string;
  family: string;
  description: string;
  aliases: string[];
  pins: number;
  pitch_mm: number | null;
  mount: 'smd' | 'tht';
  /** Library parts whose footprint resolves to this package. */
  library_parts: number;
}

let facts: Facts[] | null = null;

/** Pins: distinct pad numbers, leaving out NPTH holes, mechanical "MP" pads and a centre exposed pad. */
function measure(fp: Footprint): Pick<Facts, 'pins' | 'pitch_mm' | 'mount'> {
  const pads = fp.pads.filter((p) => p.kind !== 'np_thru_hole' && !/^MP/i.test(p.number));
  const numbers = new Set(pads.map((p) => p.number));
  const centre = pads.length > 3 ? pads.find((p) => p.at[0] === 0 && p.at[1] === 0) : undefined;
  if (centre && pads.filter((p) => p.number === centre.number).length === 1) numbers.delete(centre.number);
  // Pitch: the closest spacing of pads standing in one row or column (footprints of 3+ pads).
  let pitch = Infinity;
  if (numbers.size >= 3) {
    for (const axis of [0, 1] as const) {
      const rows = new Map<number, number[]>();
      for (const p of pads) {
        if (p === centre) continue;
        const key = Math.round(p.at[axis] * 100);
        rows.set(key, [...(rows.get(key) ?? []), p.at[1 - axis]!]);
      }
      for (const vs of rows.values()) {
        vs.sort((a, b) => a - b);
        for (let i = 1; i < vs.length; i++) if (vs[i]! - vs[i - 1]! > 0.01) pitch = Math.min(pitch, vs[i]! - vs[i - 1]!);
      }
    }
  }
  return { pins: numbers.size, pitch_mm: Number.isFinite(pitch) ? Number(pitch.toFixed(3)) : null, mount: fp.pads.some((p) => p.kind === 'thru_hole') ? 'tht' : 'smd' };
}

function allFacts(services: Services): Facts[] {
  if (facts) return facts;
  const parts = new Map<string, number>();
  for (const p of services.library.all()) {
    const pkg = p.footprint ? resolveFootprintName(p.footprint) : undefined;
    if (pkg) parts.set(pkg, (parts.get(pkg) ?? 0) + 1);
  }
  facts = listFootprintPackages().flatMap((e) => {
    const fp = services.resolveFootprint(e.name);
    return fp ? [{ ...e, ...measure(fp), library_parts: parts.get(e.name) ?? 0 }] : [];
  });
  return facts;
}

const fold = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
const Range2 = z.tuple([z.number(), z.number()]);

/** A component without a footprint: its library part's, else one package name its value, type or description states. */
function pickFootprint(c: Component, services: Services): { footprint?: string; source?: string; candidates: string[] } {
  const lib = footprintFromLibrary(c, services.library).filled;
  if (lib) return { footprint: lib.footprint, source: `library part ${lib.part}`, candidates: [lib.footprint] };
  const words = `${c.value ?? ''} ${c.type} ${c.description}`.split(/[\s,;()]+/).filter((w) => w.length >= 3 && /\d/.test(w));
  const found = [...new Set(words.map((w) => resolveFootprintName(w)).filter((n): n is string => n !== undefined))];
  return found.length === 1 ? { footprint: found[0]!, source: 'package named in the component text', candidates: found } : { candidates: found };
}

export const footprintTools = [
  globalTool({
    name: 'footprint_search',
    title: 'Search footprints',
    description: 'Filter generated IPC-7351B footprints by text, pins, pitch, mount; with library part counts.',
    level: 'read',
    input: {
      query: z.string().max(100).optional().describe('Words in name, family, description.'),
      pins: z.number().int().min(1).max(512).optional().describe('Pin count.'),
      pitch_mm: z.number().min(0.1).max(10).optional().describe('Pitch, mm.'),
      mount: z.enum(['smd', 'tht']).optional().describe('Mount type.'),
      max_results: z.number().int().min(1).max(100).default(20).describe('Most results.'),
    },
    output: looseObject({ results: z.array(z.unknown()) }),
    handler(input, ctx) {
      const terms = (input.query ?? '').split(/\s+/).filter((t) => t !== '').map(fold);
      const hits = allFacts(ctx.services).filter(
        (f) =>
          terms.every((t) => fold([f.name, f.family, f.description, ...f.aliases].join(' ')).includes(t)) &&
          (input.pins === undefined || f.pins === input.pins) &&
          (input.pitch_mm === undefined || (f.pitch_mm !== null && Math.abs(f.pitch_mm - input.pitch_mm) <= 0.011)) &&
          (input.mount === undefined || f.mount === input.mount),
      );
      // A package named exactly comes first (the query "0603" also finds 0201, whose metric size is 0603).
      const q = fold(input.query ?? '');
      const rank = (f: Facts) => (fold(f.name) === q ? 0 : f.aliases.some((a) => fold(a) === q) ? 1 : 2);
      hits.sort((a, b) => rank(a) - rank(b));
      const results = hits.slice(0, input.max_results).map(({ aliases: _a, ...f }) => f);
      return { result: { total: hits.length, results } };
    },
  }),
  globalTool({
    name: 'footprint_generate',
    title: 'Generate a footprint',
    description: 'IPC-7351B density-N land pattern from package dimensions (mm; ranges [min,max]).',
    level: 'read',
    input: {
      kind: z.enum(['chip', 'gullwing', 'qfn', 'son', 'qfp']).describe('Package kind.'),
      pins: z.number().int().optional().describe('Pin count.'),
      pitch_mm: z.number().optional().describe('Pitch, mm.'),
      body_mm: Range2.optional().describe('Body [across rows, along rows].'),
      span_mm: Range2.optional().describe('chip: length L; gullwing: lead span E.'),
      foot_mm: Range2.optional().describe('chip: terminal T; else foot L.'),
      lead_width_mm: Range2.optional().describe('chip: width W; else lead b.'),
      ep_mm: Range2.optional().describe('Exposed pad [w, h].'),
    },
    output: looseObject({ footprint: looseObject({}), lands: looseObject({}) }),
    handler(input) {
      return { result: { ...generateFootprint(input) } };
    },
  }),
  sessionTool({
    name: 'resolve_footprints',
    title: 'Resolve footprints',
    description: 'Gives footprint-less parts their library or stated package; lists ambiguous ones.',
    level: 'sandbox-write',
    input: { design_name: DesignName },
    output: looseObject({ resolved: z.array(z.unknown()) }),
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const resolved: { ref: string; footprint: string; source: string }[] = [];
      const ambiguous: { ref: string; candidates: string[] }[] = [];
      const unknown: string[] = [];
      const events = [];
      for (const c of Object.values(entry.design.components).sort((a, b) => (a.ref < b.ref ? -1 : 1))) {
        if (c.footprint !== null) {
          if (!ctx.services.resolveFootprint(c.footprint)) unknown.push(c.ref);
          continue;
        }
        const pick = pickFootprint(c, ctx.services);
        if (!pick.footprint) {
          ambiguous.push({ ref: c.ref, candidates: pick.candidates });
          continue;
        }
        resolved.push({ ref: c.ref, footprint: pick.footprint, source: pick.source! });
        // ComponentAdded with an existing id replaces that component's record (its nets stay): the footprint becomes explicit in the log.
        events.push({ type: 'ComponentAdded', data: { design_name: input.design_name, component: { ...c, footprint: pick.footprint }, connections: [] } });
      }
      return { events, after: (s) => ({ design_hash: requireDesign(s, input.design_name).hash, resolved, ambiguous, unknown_footprints: unknown }) };
    },
  }),
  sessionTool({
    name: 'kicad_3d_model_coverage',
    title: 'KiCad 3D model coverage',
    description: "Which footprints (a design's, else all) have a model in KiCad's 3D library.",
    level: 'read',
    input: { design_name: DesignName.optional() },
    output: looseObject({ covered: z.number(), total: z.number() }),
    handler(input, ctx) {
      const names = input.design_name
        ? [...new Set(Object.values(requireDesign(ctx.state, input.design_name).design.components).flatMap((c) => (c.footprint ? [resolveFootprintName(c.footprint) ?? c.footprint] : [])))]
        : allFacts(ctx.services).map((f) => f.name);
      const models = kicad3dModels();
      // A KiCad model's file name is its footprint's name, which our resolver reads ("R_0603_1608Metric" → 0603).
      const byOurs = new Map<string, string>();
      for (const [base, file] of models ?? []) {
        const ours = resolveFootprintName(base);
        if (ours && !byOurs.has(ours)) byOurs.set(ours, file);
      }
      const covered = names.filter((n) => byOurs.has(n)).sort();
      return {
        result: {
          library_installed: models !== null,
          covered: covered.length,
          total: names.length,
          models: Object.fromEntries(covered.map((n) => [n, byOurs.get(n)!])),
          missing: names.filter((n) => !byOurs.has(n)).sort(),
        },
      };
    },
  }),
];
