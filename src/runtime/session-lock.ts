/**
 * Serialises commands per session inside one process, so the optimistic append only fails
 * (STALE_STATE) when another process wrote to the same log.
 */
export function createSessionLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return async function withLock<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(sessionId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(sessionId, tail);
    try {
      return await run;
    } finally {
      if (tails.get(sessionId) === tail) tails.delete(sessionId);
    }
  };
}
