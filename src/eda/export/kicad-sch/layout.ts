import { PIN_PITCH_MM, clean, snapUp } from './grid.js';

/**
 * Sheet layout: rectangular cells (a symbol with its pin wires and labels) packed in rows, left to
 * right, on the 2.54 mm pitch, then the smallest ISO landscape sheet that holds them (KiCad page
 * sizes A4…A0; beyond A0 a "User" size). Cells never overlap, so no wire or label of one symbol can
 * touch a connection point of another: connectivity comes only from label names.
 */
export interface Cell {
  widthMm: number;
  heightMm: number;
}

export interface Placed {
  /** Top-left corner of the cell. */
  xMm: number;
  yMm: number;
}

export interface Sheet {
  paper: string;
  /** Sheet size for a "User" paper. */
  widthMm: number;
  heightMm: number;
  cells: Placed[];
}

const PAPERS: readonly [string, number, number][] = [
  ['A4', 297, 210],
  ['A3', 420, 297],
  ['A2', 594, 420],
  ['A1', 841, 594],
  ['A0', 1189, 841],
];
/** Drawing-frame border plus room; KiCad's default frame is 10 mm in from the page edge. */
const MARGIN_MM = 25.4;
/** The title block sits in the lower right corner and is about 110 × 35 mm. */
const TITLE_BLOCK_MM = 40.64;
const GAP_MM = 5.08;

export function packCells(cells: readonly Cell[]): Sheet {
  const area = cells.reduce((a, c) => a + (c.widthMm + GAP_MM) * (c.heightMm + GAP_MM), 0);
  const widest = cells.reduce((m, c) => Math.max(m, c.widthMm), 0);
  // Aim for a landscape block (√2 : 1), never narrower than the widest cell.
  const rowLimitMm = Math.max(widest, Math.sqrt(area * Math.SQRT2), 150);
  const placed: Placed[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let usedWidth = 0;
  for (const c of cells) {
    if (x > 0 && x + c.widthMm > rowLimitMm) {
      x = 0;
      y = snapUp(y + rowHeight + GAP_MM, PIN_PITCH_MM);
      rowHeight = 0;
    }
    placed.push({ xMm: clean(MARGIN_MM + x), yMm: clean(MARGIN_MM + y) });
    usedWidth = Math.max(usedWidth, x + c.widthMm);
    x = snapUp(x + c.widthMm + GAP_MM, PIN_PITCH_MM);
    rowHeight = Math.max(rowHeight, c.heightMm);
  }
  const needW = usedWidth + 2 * MARGIN_MM;
  const needH = y + rowHeight + MARGIN_MM + TITLE_BLOCK_MM + MARGIN_MM;
  const fit = PAPERS.find(([, w, h]) => w >= needW && h >= needH);
  if (fit) return { paper: fit[0], widthMm: fit[1], heightMm: fit[2], cells: placed };
  return { paper: 'User', widthMm: Math.ceil(needW), heightMm: Math.ceil(needH), cells: placed };
}
