import { ZapTraceError } from '../kernel/errors.js';

/** The capability ladder (contract.md): a grant of a level satisfies every level below it. */
export const LEVELS = ['read', 'preview-write', 'sandbox-write', 'approved-commit', 'release-export'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** Does a principal holding `granted` (or nothing) satisfy `required`? Read is public. */
export function satisfies(granted: Level | null, required: Level): boolean {
  if (required === 'read') return true;
  return granted !== null && levelRank(granted) >= levelRank(required);
}

/** Levels implied by a grant, for audit records ("granted levels"). */
export function impliedLevels(granted: Level | null): Level[] {
  return granted === null ? ['read'] : LEVELS.slice(0, levelRank(granted) + 1);
}

/** Parses a comma-separated capability list (the dev header, `--grant`); the highest wins. */
export function parseGrant(text: string | undefined | null): Level | null {
  if (text === undefined || text === null || text.trim() === '') return null;
  let best: Level | null = null;
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!isLevel(part)) {
      throw new ZapTraceError('INVALID_INPUT', `unknown capability level "${part.slice(0, 40)}"`, {
        path: 'capabilities',
        known: [...LEVELS],
      });
    }
    if (best === null || levelRank(part) > levelRank(best)) best = part;
  }
  return best;
}
