import { sym, list, type SList } from '../../sexpr/index.js';

/**
 * KiCad 9 layer ids (they changed in KiCad 9: copper layers are even numbers, F.Cu 0, B.Cu 2,
 * In1.Cu 4, In2.Cu 6, …; technical layers odd). Source: KiCad 9 board file format page and
 * shared/spec/facts.md, checked with kicad-cli 9.0.8.
 */
export const KICAD_LAYER_IDS = {
  'F.Cu': 0,
  'F.Mask': 1,
  'B.Cu': 2,
  'B.Mask': 3,
  'F.SilkS': 5,
  'B.SilkS': 7,
  'F.Adhes': 9,
  'B.Adhes': 11,
  'F.Paste': 13,
  'B.Paste': 15,
  'Dwgs.User': 17,
  'Cmts.User': 19,
  'Edge.Cuts': 25,
  'Margin': 27,
  'B.CrtYd': 29,
  'F.CrtYd': 31,
  'B.Fab': 33,
  'F.Fab': 35,
} as const;

/** In<n>.Cu → 2 + 2n. */
export function innerLayerId(n: number): number {
  return 2 + 2 * n;
}

/**
 * Copper layer names for a board: KiCad always has F.Cu and B.Cu, so a one-layer design still
 * gets both (nothing is placed on B.Cu).
 */
export function kicadCopperLayers(layers: number): string[] {
  const inner = Array.from({ length: Math.max(0, layers - 2) }, (_, i) => `In${i + 1}.Cu`);
  return ['F.Cu', ...inner, 'B.Cu'];
}

const USER_NAMES: Record<string, string> = {
  'F.Adhes': 'F.Adhesive',
  'B.Adhes': 'B.Adhesive',
  'F.SilkS': 'F.Silkscreen',
  'B.SilkS': 'B.Silkscreen',
  'Dwgs.User': 'User.Drawings',
  'Cmts.User': 'User.Comments',
  'F.CrtYd': 'F.Courtyard',
  'B.CrtYd': 'B.Courtyard',
};

/** The `(layers …)` section: copper front to back, then the technical layers. */
export function layersSection(copper: string[]): SList {
  const items: SList[] = copper.map((name) => {
    const id = name === 'F.Cu' ? 0 : name === 'B.Cu' ? 2 : innerLayerId(Number(name.slice(2, -3)));
    return [id, name, sym('signal')];
  });
  const tech = ['F.Adhes', 'B.Adhes', 'F.Paste', 'B.Paste', 'F.SilkS', 'B.SilkS', 'F.Mask', 'B.Mask', 'Dwgs.User', 'Cmts.User', 'Edge.Cuts', 'Margin', 'F.CrtYd', 'B.CrtYd', 'F.Fab', 'B.Fab'] as const;
  for (const name of tech) {
    const user = USER_NAMES[name];
    items.push(user ? [KICAD_LAYER_IDS[name], name, sym('user'), user] : [KICAD_LAYER_IDS[name], name, sym('user')]);
  }
  return list('layers', ...items);
}

/** Front-side layer name → the same layer on the other side. */
export function flipLayer(name: string): string {
  if (name.startsWith('F.')) return 'B.' + name.slice(2);
  if (name.startsWith('B.')) return 'F.' + name.slice(2);
  return name;
}
