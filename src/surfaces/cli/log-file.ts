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
      events.push(JSON.parse(line) as AnyEvent);
    } catch {
      return { events, badLine: i + 1 };
    }
  }
  return { events };
}
