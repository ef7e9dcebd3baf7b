import type { Design } from '../model/design.js';
import type { PartLookup } from '../model/part.js';
import type { SynthesisResult } from '../synth/index.js';
import { powerTree, type PowerTree } from './power-tree.js';

/**
 * A board plan read off the board synthesis would build for an intent (synth/index.ts): its blocks
 * (the `synth_block` each part carries, with the parts and why they are there), the board size
 * synthesis chooses (sized to its content by place/board-size.ts, docs/placement.md), the layer count and the power
 * tree (power-tree.ts). Planning builds nothing: the tools answer without appending an event.
 */
export interface BoardPlan {
  template: string;
  blocks: { block: string; parts: string[]; why: string }[];
  board_mm: [number, number];
  layers: number;
  layers_why: string;
  part_count: number;
  power_tree: PowerTree;
  assumptions: string[];
  unmet: string[];
}

export function planBoard(s: SynthesisResult, lookupPart?: PartLookup): BoardPlan {
  const d = s.design;
  const byBlock = new Map<string, { parts: string[]; why: string }>();
  for (const c of Object.values(d.components).sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }))) {
    const block = String(c.properties['synth_block'] ?? 'other');
    const entry = byBlock.get(block) ?? { parts: [], why: s.choices.find((x) => x.block === block)?.why ?? c.description };
    entry.parts.push(c.ref);
    byBlock.set(block, entry);
  }
  return {
    template: s.template,
    blocks: [...byBlock.entries()].map(([block, v]) => ({ block, parts: v.parts, why: v.why })),
    board_mm: [d.board.width_mm, d.board.height_mm],
    layers: d.board.layers,
    layers_why: layersWhy(d),
    part_count: Object.keys(d.components).length,
    power_tree: powerTree(d, lookupPart),
    assumptions: s.assumptions,
    unmet: s.unmet,
  };
}

/** Synthesis plans every board on two layers (synth/index.ts); how they route is in docs/reports/synthesis-intents.md. */
function layersWhy(d: Design): string {
  return d.board.layers === 2 ? 'two layers, as synthesis plans every board kind; routing results per kind: docs/reports/synthesis-intents.md' : `${d.board.layers} layers as synthesis set them`;
}
