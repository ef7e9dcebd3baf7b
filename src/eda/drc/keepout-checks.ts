import type { Design } from '../model/design.js';
import { fmt, layersOfMask, type CopperModel } from './copper.js';
import { pointInPolygon, segmentClosest, type Vec } from './geometry.js';
import type { DrcFinding } from './types.js';

/**
 * DRC_KEEPOUT: tracks and vias inside a design keep-out (an antenna's copper-free area, a mounting
 * hole's, a cut-out) on a layer it covers. The router keeps out of them and the KiCad export writes
 * them as rule areas, which kicad-cli reports as `items_not_allowed` (docs/drc.md, "Keep-outs");
 * this is the same check on our side, so a track drawn or moved by hand is caught before release.
 * Pads are allowed: the module that owns an antenna keep-out overhangs it.
 */
export function checkKeepouts(design: Design, model: CopperModel): DrcFinding[] {
  const out: DrcFinding[] = [];
  for (const k of design.keepouts) {
    if (!k.no_tracks && !k.no_vias) continue;
    const poly = k.polygon as Vec[];
    for (const it of model.items) {
      if ((it.kind === 'track' && !k.no_tracks) || (it.kind === 'via' && !k.no_vias) || it.kind === 'pad') continue;
      const layers = layersOfMask(it.layerMask, model.layers);
      const hit = k.layers.length === 0 ? layers : layers.filter((l) => (k.layers as string[]).includes(l));
      if (hit.length === 0) continue;
      const at = intrusion(it.shape.core, it.shape.r, poly);
      if (!at) continue;
      out.push({
        rule_id: 'DRC_KEEPOUT',
        severity: 'error',
        message: `${it.label} enters keep-out ${k.id} on ${hit.join(', ')} (${it.kind === 'via' ? 'vias' : 'tracks'} not allowed there)`,
        location: { x_mm: Number(fmt(at[0])), y_mm: Number(fmt(at[1])), layer: hit[0]! },
        items: [it.label, `keep-out ${k.id}`],
        nets: [it.netName],
      });
    }
  }
  return out;
}

/** A point where a capsule (segment or point `core`, radius `r`) overlaps the polygon, or null. */
function intrusion(core: readonly Vec[], r: number, poly: readonly Vec[]): Vec | null {
  for (const p of core) if (pointInPolygon(p, poly)) return p;
  const a0 = core[0]!;
  const a1 = core[1] ?? a0;
  for (let i = 0; i < poly.length; i++) {
    const c = segmentClosest(a0, a1, poly[i]!, poly[(i + 1) % poly.length]!);
    if (c.distance < r - 1e-9) return c.b;
  }
  return null;
}
