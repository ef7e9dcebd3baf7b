import type { Board, Design } from '../model/design.js';
import type { FootprintResolver } from '../board/index.js';
import { contentBoardSize, contentBoardSizeCovering } from './board-size.js';
import type { ConstraintReportEntry } from './index.js';

/**
 * Whose board size a design carries, and what placement does about parts that no longer fit
 * (docs/placement.md, "Board size"). A board sized to its content (synthesis, or a parsed design
 * that stated no size: src/tools/part-footprints.ts) is re-derived from the parts at the next
 * placement, so parts added afterwards (`component_add`) get room; a size the user gave (design
 * text, a KiCad file, `board_update`) is never changed by placement: parts without room are
 * reported by name with the size the content rule would give.
 */

/** Marker the placer puts on its own BoardUpdated, so a later placement knows the size is still derived. */
export const SIZED_TO_CONTENT_KEY = 'sized_to_content';

export type BoardOrigin = 'content' | 'stated';

/** The board size the content rule last set, as the design's projection carries it; null once a stated size took over. */
export type ContentSize = { width_mm: number; height_mm: number } | null;

const NO_SIZE_WARNING = 'no board size given';

/**
 * After a DesignParsed: the parsed board's size when the content rule gave it (synthesis, a parse
 * that warned it found no size, or a pipeline copy whose board is exactly what the rule gives; a
 * pipeline copy says nothing else of where its board came from), else null. Never for an outline.
 */
export function contentSizeOfParsed(data: { design: Design; source?: { kind?: string } | null; warnings?: readonly unknown[] }, resolve: FootprintResolver): ContentSize {
  const kind = data.source?.kind;
  const warned = (data.warnings ?? []).some((w) => {
    const x = w as { path?: unknown; message?: unknown };
    return x.path === 'board' && typeof x.message === 'string' && x.message.startsWith(NO_SIZE_WARNING);
  });
  const board = data.design.board;
  const derived = kind === 'synthesis' || warned || (kind === 'pipeline' && sameSize(board, contentBoardSize(data.design, resolve)));
  return derived && !board.outline_mm ? { width_mm: board.width_mm, height_mm: board.height_mm } : null;
}

/**
 * After a BoardUpdated: a resize by the placer's own rule (it carries SIZED_TO_CONTENT_KEY) keeps
 * the board content-sized; any other change of size or outline makes it stated; other board
 * fields change nothing.
 */
export function contentSizeAfterUpdate(before: ContentSize, data: { board: Partial<Board> } & Record<string, unknown>): ContentSize {
  const b = data.board;
  if (b.width_mm === undefined && b.height_mm === undefined && b.outline_mm === undefined) return before;
  return data[SIZED_TO_CONTENT_KEY] && before ? { width_mm: b.width_mm ?? before.width_mm, height_mm: b.height_mm ?? before.height_mm } : null;
}

/**
 * 'content' when the board's size was last set by the content rule and is still that size;
 * 'stated' otherwise, and always for a board with an outline polygon.
 */
export function boardOrigin(design: Design, content: ContentSize | undefined): BoardOrigin {
  const b = design.board;
  return content && !b.outline_mm && content.width_mm === b.width_mm && content.height_mm === b.height_mm ? 'content' : 'stated';
}

const sameSize = (b: Board, s: { width_mm: number; height_mm: number }) => b.width_mm === s.width_mm && b.height_mm === s.height_mm;

/**
 * The board a content-sized design needs now: the content rule (covering locked parts, which
 * stay where they are), never smaller than the board it has on either side. Null when it already fits.
 */
export function grownBoard(design: Design, resolve: FootprintResolver): { width_mm: number; height_mm: number; rule: string } | null {
  // Only locked parts keep their positions through the placement; the others' old spots need no covering.
  const locked = Object.fromEntries(Object.entries(design.placement).filter(([id]) => design.components[id]?.locked));
  const s = contentBoardSizeCovering({ ...design, placement: locked }, resolve);
  const w = Math.max(s.width_mm, design.board.width_mm);
  const h = Math.max(s.height_mm, design.board.height_mm);
  if (w === design.board.width_mm && h === design.board.height_mm) return null;
  return { width_mm: w, height_mm: h, rule: `grown from ${design.board.width_mm} × ${design.board.height_mm} mm to ${w} × ${h} mm for ${Object.keys(design.components).length} components (${s.rule})` };
}

/** Parts the placer found no room for, as the tool reports them. */
export interface BoardTooSmall {
  code: 'BOARD_TOO_SMALL';
  origin: BoardOrigin;
  board: { width_mm: number; height_mm: number };
  /** References of the parts left off the board. */
  parts: string[];
  /** The size the content rule gives for all the parts (a hint, not a promise). */
  needed: { width_mm: number; height_mm: number };
  message: string;
}

export function boardTooSmall(design: Design, unplaced: readonly { component: string; reason: string }[], origin: BoardOrigin, resolve: FootprintResolver): BoardTooSmall | null {
  const crowded = unplaced.filter((u) => u.reason.startsWith('no legal position'));
  if (crowded.length === 0) return null;
  const parts = crowded.map((u) => design.components[u.component]?.ref ?? u.component);
  const need = contentBoardSize(design, resolve);
  const needed = { width_mm: Math.max(need.width_mm, design.board.width_mm), height_mm: Math.max(need.height_mm, design.board.height_mm) };
  const { width_mm: w, height_mm: h } = design.board;
  const whose = origin === 'stated' ? 'the stated' : 'the';
  const fix = origin === 'stated' ? ` (placement does not change a stated board: board_update to about ${needed.width_mm} × ${needed.height_mm} mm, or remove parts)` : '';
  const message = `${parts.join(', ')} ${parts.length === 1 ? 'does' : 'do'} not fit on ${whose} ${w} × ${h} mm board and ${parts.length === 1 ? 'was' : 'were'} left unplaced${fix}`;
  return { code: 'BOARD_TOO_SMALL', origin, board: { width_mm: w, height_mm: h }, parts, needed, message };
}

/** One hard violation per part left off the board, in the shape of the placer's constraint report. */
export function boardFitViolations(design: Design, tooSmall: BoardTooSmall | null): ConstraintReportEntry[] {
  if (!tooSmall) return [];
  const idOf = new Map(Object.values(design.components).map((c) => [c.ref, c.id]));
  return tooSmall.parts.map((ref) => ({
    constraint: { component: idOf.get(ref) ?? ref, edge: null, near: null, max_distance_mm: null, reason: 'on the board' },
    kind: 'board-fit' as const,
    hard: true,
    satisfied: false,
    detail: tooSmall.message,
  }));
}
