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

/** The log entries the origin is read from: the design's events, oldest first. */
export interface BoardEvent {
  type: string;
  data: unknown;
}

/** Marker the placer puts on its own BoardUpdated, so a later placement knows the size is still derived. */
export const SIZED_TO_CONTENT_KEY = 'sized_to_content';

export type BoardOrigin = 'content' | 'stated';

const NO_SIZE_WARNING = 'no board size given';

/**
 * 'content' when the board's size was last set by the content rule (synthesis, a parse that found
 * no size, or an earlier placement that grew it) and nothing has changed it since; 'stated'
 * otherwise, and always for a board with an outline polygon.
 */
export function boardOrigin(design: Design, designName: string, events: readonly BoardEvent[], resolve: FootprintResolver): BoardOrigin {
  let content: { w: number; h: number } | null = null;
  for (const e of events) {
    const data = e.data as { design_name?: string } | null;
    if (!data || data.design_name !== designName) continue;
    if (e.type === 'DesignParsed') {
      const d = e.data as { design: Design; source?: { kind?: string }; warnings?: unknown[] };
      const kind = d.source?.kind;
      const warned = (d.warnings ?? []).some((w) => {
        const x = w as { path?: unknown; message?: unknown };
        return x.path === 'board' && typeof x.message === 'string' && x.message.startsWith(NO_SIZE_WARNING);
      });
      // A pipeline copy says nothing of where its board came from: derived when it is exactly what the rule gives.
      const derived = kind === 'synthesis' || warned || (kind === 'pipeline' && sameSize(d.design.board, contentBoardSize(d.design, resolve)));
      content = derived && !d.design.board.outline_mm ? { w: d.design.board.width_mm, h: d.design.board.height_mm } : null;
    } else if (e.type === 'BoardUpdated') {
      const d = e.data as { board: Partial<Board> } & Record<string, unknown>;
      if (d.board.width_mm === undefined && d.board.height_mm === undefined && d.board.outline_mm === undefined) continue;
      content = d[SIZED_TO_CONTENT_KEY] && content ? { w: d.board.width_mm ?? content.w, h: d.board.height_mm ?? content.h } : null;
    }
  }
  const b = design.board;
  return content && !b.outline_mm && content.w === b.width_mm && content.h === b.height_mm ? 'content' : 'stated';
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
