import type { Design, Point } from '../model/design.js';
import { own } from '../../kernel/own.js';
import type { BoardGeometry } from '../board/index.js';
import { netResolver } from '../board/net-resolver.js';
import { resolveDesignRules, type DrcOptions } from './design-rules.js';
import { buildCopper } from './copper.js';
import { checkConnectivity, checkCopper } from './copper-checks.js';
import { landClearances } from './land-clearance.js';
import { checkCourtyards, checkEdge, checkHoles, checkItems } from './board-checks.js';
import { checkClassWidths } from './class-widths.js';
import { checkKeepouts } from './keepout-checks.js';
import { polygonsOverlap } from './geometry.js';
import { DRC_RULES, DRC_RULESET_VERSION } from './rules.js';
import type { DrcFinding, DrcReport } from './types.js';

export * from './types.js';
export { DRC_RULES, DRC_RULESET_VERSION, listDrcRules, type DrcRuleId } from './rules.js';
export { landClearances, FAB_FLOOR_CLEARANCE_MM } from './land-clearance.js';
export { buildCopper } from './copper.js';
export { resolveDesignRules, globMatch, type DesignRules, type DrcOptions, type ResolvedClass } from './design-rules.js';

/**
 * Design rules check (docs/drc.md, "Our DRC"): runs every rule of DRC_RULES over the design and its board
 * geometry (`buildBoardGeometry`). Deterministic: the same design and geometry give the same
 * findings in the same order; only `stats.ms` varies.
 */
export function runDrc(design: Design, geometry: BoardGeometry, options: DrcOptions = {}): DrcReport {
  const t0 = performance.now();
  const rules = resolveDesignRules(design, options);
  const findings: DrcFinding[] = [];
  const netName = (id: string): string => own(design.nets, id)?.name ?? id;

  for (const m of geometry.missingFootprints) {
    findings.push({
      rule_id: 'DRC_MISSING_FOOTPRINT',
      severity: 'error',
      message: m.footprint === null ? `${m.ref} names no footprint` : `footprint "${m.footprint}" of ${m.ref} cannot be resolved`,
      location: { x_mm: own(design.placement, m.component)?.x_mm ?? 0, y_mm: own(design.placement, m.component)?.y_mm ?? 0 },
      items: [`footprint ${m.ref}`],
      nets: [],
    });
  }
  for (const u of geometry.unplaced) {
    findings.push({ rule_id: 'DRC_UNPLACED', severity: 'error', message: `${u.ref} has no placement`, location: { x_mm: 0, y_mm: 0 }, items: [`footprint ${u.ref}`], nets: [] });
  }
  const pinNets = new Map<string, string>();
  for (const id of Object.keys(design.nets).sort()) for (const n of design.nets[id]!.nodes) pinNets.set(`${n.component}\u0000${n.pin}`, id);
  for (const u of geometry.unmappedPins) {
    const net = pinNets.get(`${u.component}\u0000${u.pin}`);
    if (net === undefined) continue;
    const pl = own(design.placement, u.component);
    findings.push({
      rule_id: 'DRC_UNMAPPED_PIN',
      severity: 'error',
      message: `pin ${u.ref}.${u.pin} of net ${netName(net)} maps onto no pad of its footprint`,
      location: { x_mm: pl?.x_mm ?? 0, y_mm: pl?.y_mm ?? 0 },
      items: [`pin ${u.ref}.${u.pin}`],
      nets: [netName(net)],
    });
  }

  const model = buildCopper(design, geometry);
  for (const bad of model.badRefs) {
    findings.push(
      bad.kind === 'unknown-net'
        ? { rule_id: 'DRC_UNKNOWN_NET', severity: 'error', message: `${bad.label} names net "${bad.name}", which the design does not have`, location: { x_mm: bad.at[0], y_mm: bad.at[1] }, items: [bad.label], nets: [bad.name] }
        : { rule_id: 'DRC_INVALID_LAYER', severity: 'error', message: `${bad.label} is on ${bad.layer ?? '?'}, which a ${design.board.layers}-layer board lacks`, location: { x_mm: bad.at[0], y_mm: bad.at[1] }, items: [bad.label], nets: [bad.name] },
    );
  }

  const copper = checkCopper(model, rules, landClearances(model, rules));
  findings.push(...copper.findings);
  findings.push(...checkConnectivity(model, copper.uf, netName));
  findings.push(...checkItems(model, rules));
  findings.push(...checkClassWidths(model, rules));
  findings.push(...checkHoles(model, rules));
  findings.push(...checkEdge(design, model, rules));
  findings.push(...checkCourtyards(design, geometry, rules));
  findings.push(...checkPours(design));
  findings.push(...checkKeepouts(design, model));

  const order = new Map<string, number>(DRC_RULES.map((r, i) => [r.id, i]));
  findings.sort(
    (a, b) =>
      (order.get(a.rule_id) ?? 99) - (order.get(b.rule_id) ?? 99) ||
      a.location.x_mm - b.location.x_mm ||
      a.location.y_mm - b.location.y_mm ||
      a.message.localeCompare(b.message),
  );
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    ruleset_version: DRC_RULESET_VERSION,
    passed: counts.error === 0,
    findings,
    counts,
    stats: { ...model.counts, pairsChecked: copper.pairsChecked, ms: Math.round((performance.now() - t0) * 1000) / 1000 },
  };
}

/** Pours: written as unfilled zones, so they only meet a check when two nets' pours overlap. */
function checkPours(design: Design): DrcFinding[] {
  const resolve = netResolver(design);
  const ids = Object.keys(design.copper_pours).sort();
  const out: DrcFinding[] = [];
  for (const id of ids) {
    const p = design.copper_pours[id]!;
    const c = centroid(p.polygon);
    out.push({ rule_id: 'DRC_ZONE_NOT_FILLED', severity: 'info', message: `pour ${id} (${p.net}, ${p.layer}) is exported as an unfilled zone and not checked as copper`, location: { x_mm: c[0], y_mm: c[1], layer: p.layer }, items: [`zone ${id}`], nets: [p.net] });
  }
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = design.copper_pours[ids[i]!]!;
      const b = design.copper_pours[ids[j]!]!;
      if (a.layer !== b.layer || resolve(a.net) === resolve(b.net)) continue;
      if (!polygonsOverlap(a.polygon, b.polygon)) continue;
      const c = centroid(a.polygon);
      out.push({ rule_id: 'DRC_ZONE_OVERLAP', severity: 'error', message: `pours ${ids[i]} (${a.net}) and ${ids[j]} (${b.net}) overlap on ${a.layer}`, location: { x_mm: c[0], y_mm: c[1], layer: a.layer }, items: [`zone ${ids[i]}`, `zone ${ids[j]}`], nets: [a.net, b.net] });
    }
  }
  return out;
}

function centroid(poly: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of poly) {
    x += p[0];
    y += p[1];
  }
  return [x / poly.length, y / poly.length];
}
