import type { Design } from '../model/design.js';
import { boardOutline } from '../model/design.js';
import { UNIT_MM } from './easyeda.js';

/**
 * Our design written back as an EasyEDA Standard PCB document (the fields `easyeda.ts` reads), so an
 * import can be checked by a round trip: EasyEDA → design → EasyEDA → design. Footprint geometry is not
 * written (our footprints are built from their names); each part keeps its position, rotation, side,
 * reference, value, package name and one pad per pin number with that pin's net.
 */
const u = (v: number): string => String(Math.round((v / UNIT_MM) * 10_000) / 10_000);
const layerId = (l: string): string => (l === 'F.Cu' ? '1' : l === 'B.Cu' ? '2' : String(20 + Number(/^In(\d+)\.Cu$/.exec(l)?.[1] ?? 1)));
/** `~`, `` ` `` and `#@$` separate fields; they are replaced in written text so no field can open another. */
const clean = (s: string): string => s.replace(/[~`]|#@\$/g, '_');

export function writeEasyedaPcb(design: Design): string {
  const shape: string[] = [];
  const outline = boardOutline(design.board);
  shape.push(`TRACK~1~10~~${[...outline, outline[0]!].map((p) => `${u(p[0])} ${u(p[1])}`).join(' ')}~gge_outline~0`);
  const netOfPin = new Map<string, string>();
  for (const n of Object.values(design.nets)) for (const node of n.nodes) netOfPin.set(`${node.component}\0${node.pin}`, n.name);
  let gid = 0;
  for (const [id, c] of Object.entries(design.components)) {
    const pl = design.placement[id];
    if (!pl) continue;
    const padLayer = pl.side === 'bottom' ? '2' : '1';
    const attrs = `package\`${clean(c.footprint ?? '')}\`value\`${clean(c.value ?? '')}`;
    const subs = [`LIB~${u(pl.x_mm)}~${u(pl.y_mm)}~${attrs}~${(360 - pl.rotation_deg) % 360}~~gge${++gid}~0`];
    subs.push(`TEXT~P~${u(pl.x_mm)}~${u(pl.y_mm)}~0.6~0~~3~~4.5~${clean(c.ref)}~~~gge${++gid}`);
    for (const pin of Object.values(c.pins)) {
      const net = netOfPin.get(`${id}\0${pin.name}`) ?? '';
      subs.push(`PAD~RECT~${u(pl.x_mm)}~${u(pl.y_mm)}~2~2~${padLayer}~${clean(net)}~${clean(pin.number ?? pin.name)}~0~~0~gge${++gid}`);
    }
    shape.push(subs.join('#@$'));
  }
  const netName = (key: string): string => clean(design.nets[key]?.name ?? key);
  for (const t of design.routing.tracks) shape.push(`TRACK~${u(t.width_mm)}~${layerId(t.layer)}~${netName(t.net)}~${u(t.start[0])} ${u(t.start[1])} ${u(t.end[0])} ${u(t.end[1])}~gge${++gid}~0`);
  for (const v of design.routing.vias) shape.push(`VIA~${u(v.at[0])}~${u(v.at[1])}~${u(v.diameter_mm)}~${netName(v.net)}~${u(v.drill_mm / 2)}~gge${++gid}~0`);
  return JSON.stringify({ head: { docType: '3', editorVersion: '6.5.0' }, title: design.meta.name, shape });
}
