/**
 * Semantic design diff: what changed between two normalised designs in the terms a reviewer uses
 * (components, pins, nets as "REF.PIN" nodes, board, placement, routing), not as a JSON patch.
 * Every list is sorted, so the same pair of designs always gives the same diff.
 */
import type { Design } from '../model/design.js';
import { fieldChanges, keyedDiff } from './compare.js';
import { brief, componentChanges, diffNets, matchComponents } from './connectivity.js';
import { diffPlacement, diffRouting } from './layout.js';
import type { DesignDiff } from './types.js';

export type * from './types.js';

export function diffDesigns(a: Design, b: Design): DesignDiff {
  const match = matchComponents(a, b);
  const nets = diffNets(a, b, match);
  const constraints = fieldChanges(a.constraints, b.constraints);
  const keepoutsA = Object.fromEntries(a.keepouts.map((k) => [k.id, k]));
  const keepoutsB = Object.fromEntries(b.keepouts.map((k) => [k.id, k]));
  const keepouts = keyedDiff(keepoutsA, keepoutsB);
  const netClasses = keyedDiff(a.net_classes, b.net_classes);
  const pours = keyedDiff(a.copper_pours, b.copper_pours);
  const placement = diffPlacement(a, b, match);
  const routing = diffRouting(a, b, nets.bToA);
  const components = {
    added: match.added.map((id) => brief(b.components[id]!)),
    removed: match.removed.map((id) => brief(a.components[id]!)),
    changed: componentChanges(a, b, match),
  };
  const meta = fieldChanges(a.meta, b.meta);
  const schema = fieldChanges({ schema_version: a.schema_version }, { schema_version: b.schema_version });
  const board = fieldChanges(a.board, b.board);
  const other =
    meta.length +
    schema.length +
    constraints.length +
    netClasses.added.length +
    netClasses.removed.length +
    netClasses.changed.length +
    keepouts.added.length +
    keepouts.removed.length +
    keepouts.changed.length +
    pours.added.length +
    pours.removed.length +
    pours.changed.length;
  const summary: DesignDiff['summary'] = {
    components_added: components.added.length,
    components_removed: components.removed.length,
    components_changed: components.changed.length,
    nets_added: nets.added.length,
    nets_removed: nets.removed.length,
    nets_renamed: nets.renamed.length,
    nets_changed: nets.changed.length,
    board_fields_changed: board.length,
    placements_changed: placement.added.length + placement.removed.length + placement.moved.length,
    routed_nets_changed: routing.nets.length,
    other_changes: other,
  };
  const identical = Object.values(summary).every((n) => n === 0);
  return {
    identical,
    summary,
    meta: [...meta, ...schema],
    board,
    components,
    nets: { added: nets.added, removed: nets.removed, renamed: nets.renamed, changed: nets.changed },
    net_classes: netClasses,
    constraints,
    keepouts,
    copper_pours: pours,
    placement,
    routing,
  };
}
