import { capsule, type Shape } from './geometry.js';
import { gridObject, type GridObject, type RouteGrid } from './grid.js';
import { MARGIN_OFFGRID, blockInside, blockOutside, toShape, type NetState } from './route-parts.js';
import type { RouteClass, RouteProblem, XY } from './types.js';

/** What `markStaticCopper` needs to know about the problem already laid out on the grid. */
export interface StaticCopperInput {
  problem: RouteProblem;
  grid: RouteGrid;
  nets: NetState[];
  netIdx: Map<string, number>;
  classes: RouteClass[];
  layersOf: (names: string[]) => number[];
  allLayers: number[];
  maxViaDrill: number;
  holeClearance: number;
}

/**
 * Marks everything that never moves while routing — pads with their holes, the board edge at the
 * copper-to-edge clearance, keep-outs — on the grid (docs/routing.md, "How copper is kept legal").
 * Returns the pad shapes and the static objects the exact clearance checks consult.
 */
export function markStaticCopper(input: StaticCopperInput): { padShapes: Shape[]; staticObjects: GridObject[] } {
  const { problem, grid, nets, netIdx, classes, layersOf, allLayers, maxViaDrill, holeClearance } = input;
  const { minX, minY, maxX, maxY } = problem.bounds;
  // Static copper: pads
  const padShapes: Shape[] = problem.obstacles.map((o) => toShape(o.shape));
  const staticObjects: GridObject[] = [];
  problem.obstacles.forEach((o, k) => {
    const net = o.net === null ? -1 : netIdx.get(o.net)!;
    const obj: GridObject = gridObject({
      net,
      layers: layersOf(o.layers),
      shape: padShapes[k]!,
      // A non-plated hole (no net) keeps tracks at KiCad's default hole clearance, so the board
      // passes KiCad's DRC with or without our project file beside it.
      clearanceMm: net >= 0 ? classes[nets[net]!.cls]!.clearanceMm : o.npth ? Math.max(problem.clearanceMm, problem.copperToHoleMm ?? 0.25) : problem.clearanceMm,
      blocksTracks: true,
      blocksVias: true,
      marginMm: MARGIN_OFFGRID,
      dynamic: false,
    });
    staticObjects.push(obj);
    if (net >= 0) nets[net]!.padObjects.push(obj);
    if (o.drillMm) {
      const c = o.shape.center;
      grid.markHole(c[0], c[1], o.drillMm / 2, maxViaDrill, holeClearance, 1);
    }
  });
  // Board edge: outline segments at the copper-to-edge clearance.
  const outline: XY[] = problem.outline ?? [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
  ];
  const edgeClr = problem.edgeClearanceMm ?? problem.clearanceMm;
  for (let k = 0; k < outline.length; k++) {
    const a = outline[k]!;
    const b = outline[(k + 1) % outline.length]!;
    staticObjects.push(gridObject({
      net: -1,
      layers: allLayers,
      shape: capsule(a[0], a[1], b[0], b[1], 0),
      clearanceMm: edgeClr,
      fixedClearanceMm: edgeClr,
      blocksTracks: true,
      blocksVias: true,
      marginMm: MARGIN_OFFGRID,
      dynamic: false,
    }));
  }
  if (problem.outline) blockOutside(grid, problem.outline, allLayers);
  for (const ko of problem.keepouts ?? []) {
    const kl = ko.layers.length > 0 ? layersOf(ko.layers) : allLayers;
    for (let k = 0; k < ko.polygon.length; k++) {
      const a = ko.polygon[k]!;
      const b = ko.polygon[(k + 1) % ko.polygon.length]!;
      staticObjects.push(gridObject({
        net: -1,
        layers: kl,
        shape: capsule(a[0], a[1], b[0], b[1], 0),
        clearanceMm: 0,
        fixedClearanceMm: 0,
        blocksTracks: ko.noTracks,
        blocksVias: ko.noVias,
        marginMm: MARGIN_OFFGRID,
        dynamic: false,
      }));
    }
    blockInside(grid, ko.polygon, kl, ko.noTracks, ko.noVias);
  }
  for (const obj of staticObjects) grid.mark(obj, 1);
  return { padShapes, staticObjects };
}
