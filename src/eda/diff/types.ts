import type { Placement } from '../model/design.js';

/** One field that differs: `from` is the value in design A, `to` in design B (JSON values). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ComponentBrief {
  id: string;
  ref: string;
  type: string;
  value: string | null;
}

export interface PinChange {
  pin: string;
  fields: FieldChange[];
}

export interface ComponentChange {
  /** Id in design B (equal to A's unless the component was matched by ref; then `fields` has `id`). */
  id: string;
  ref: string;
  fields: FieldChange[];
  pins_added: string[];
  pins_removed: string[];
  pins_changed: PinChange[];
}

export interface NetBrief {
  id: string;
  name: string;
  /** Nodes as "REF.PIN", sorted. */
  nodes: string[];
}

export interface NetRename {
  from_id: string;
  to_id: string;
  from_name: string;
  to_name: string;
}

export interface NetChange {
  /** Id in design B. */
  id: string;
  name: string;
  fields: FieldChange[];
  nodes_added: string[];
  nodes_removed: string[];
}

export interface KeyedChange {
  key: string;
  fields: FieldChange[];
}

export interface PlacementMove {
  id: string;
  ref: string;
  from: Placement;
  to: Placement;
  fields: FieldChange[];
}

export interface PlacementEntry {
  id: string;
  ref: string;
  at: Placement;
}

export interface NetRoutingChange {
  /** Net id in design B (A's id for a net that only A routes). */
  net: string;
  name: string;
  tracks_before: number;
  tracks_after: number;
  vias_before: number;
  vias_after: number;
  length_before_mm: number;
  length_after_mm: number;
  /** True when counts and length may agree but a segment or via moved. */
  geometry_changed: boolean;
}

export interface DesignDiff {
  identical: boolean;
  summary: {
    components_added: number;
    components_removed: number;
    components_changed: number;
    nets_added: number;
    nets_removed: number;
    nets_renamed: number;
    nets_changed: number;
    board_fields_changed: number;
    placements_changed: number;
    routed_nets_changed: number;
    other_changes: number;
  };
  meta: FieldChange[];
  board: FieldChange[];
  components: { added: ComponentBrief[]; removed: ComponentBrief[]; changed: ComponentChange[] };
  nets: { added: NetBrief[]; removed: NetBrief[]; renamed: NetRename[]; changed: NetChange[] };
  net_classes: { added: string[]; removed: string[]; changed: KeyedChange[] };
  constraints: FieldChange[];
  keepouts: { added: string[]; removed: string[]; changed: KeyedChange[] };
  copper_pours: { added: string[]; removed: string[]; changed: KeyedChange[] };
  placement: { added: PlacementEntry[]; removed: PlacementEntry[]; moved: PlacementMove[] };
  routing: {
    tracks: { before: number; after: number };
    vias: { before: number; after: number };
    length_mm: { before: number; after: number };
    nets: NetRoutingChange[];
  };
}
