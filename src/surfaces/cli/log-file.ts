import { readFileSync } from 'node:fs';
import type { AnyEvent } from '../../runtime/events/types.js';

/** Reads a session log exported as JSON lines (GET /api/v1/sessions/{id}/events). */
export function readLogFile(file: string): { events: AnyEvent[]; badLine?: number } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const events: AnyEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      const value = JSON.parse(line) as AnyEvent | { head: unknown };
      // `{"head": …}` lines close flushed batches (signed heads); replay wants the events alone.
      if (!('head' in value && Object.keys(value).length === 1)) events.push(value as AnyEvent);
    } catch {
      return { events, badLine: i + 1 };
    }
  }
  return { events };
}
