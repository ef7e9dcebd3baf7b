import { headers, type LogEvent } from './api.js';

const FLUSH_MS = 50;

/**
 * The session's server-sent events (GET /api/v1/sessions/:id/stream): the backlog, then each new event.
 * Read with fetch rather than EventSource, because EventSource cannot send the Authorization header and
 * the token must never become a cookie. Reconnects from the last seq seen, with a bounded back-off.
 */
export function followSession(sessionId: string, onEvents: (events: LogEvent[]) => void, onState: (s: 'live' | 'reconnecting' | 'closed') => void): () => void {
  const stop = new AbortController();
  let last = 0;
  let attempt = 0;
  // A backlog arrives as many network chunks: hand them on at most every FLUSH_MS, so the page renders
  // a few times while it loads rather than once per chunk.
  let queued: LogEvent[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const deliver = (batch: LogEvent[]) => {
    queued.push(...batch);
    flushTimer ??= setTimeout(() => {
      flushTimer = undefined;
      const out = queued;
      queued = [];
      if (!stop.signal.aborted) onEvents(out);
    }, FLUSH_MS);
  };
  const run = async (): Promise<void> => {
    while (!stop.signal.aborted) {
      try {
        const res = await fetch(`/api/v1/sessions/${encodeURIComponent(sessionId)}/stream?from=${last + 1}`, { headers: headers(), signal: stop.signal });
        if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
        onState('live');
        attempt = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const batch: LogEvent[] = [];
          // One pass with a moving offset and one slice at the end: a backlog of 10,000 events arrives in
          // large chunks, and slicing the rest of the buffer per event would copy it 10,000 times.
          let offset = 0;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n', offset)) >= 0) {
            const block = buffer.slice(offset, cut);
            offset = cut + 2;
            const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (data === '') continue;
            const e = JSON.parse(data) as LogEvent;
            if (e.seq > last) {
              last = e.seq;
              batch.push(e);
            }
          }
          buffer = buffer.slice(offset);
          if (batch.length) deliver(batch);
        }
      } catch {
        if (stop.signal.aborted) break;
      }
      if (stop.signal.aborted) break;
      onState('reconnecting');
      attempt = Math.min(attempt + 1, 5);
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
    onState('closed');
  };
  void run();
  return () => stop.abort();
}
