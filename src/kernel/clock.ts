/** Time enters only through this port (architecture.md, "Events"). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that advances one millisecond per reading: deterministic logs in tests and benches. */
export function steppingClock(startIso = '2026-01-01T00:00:00.000Z'): Clock {
  let t = Date.parse(startIso);
  return { now: () => new Date(t++) };
}
