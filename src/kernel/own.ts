/**
 * Lookups by caller-supplied names. `record[name]` on an ordinary object answers inherited members
 * for names such as `constructor`, `toString` or `__proto__`; these helpers see own entries only,
 * so a name is always just a string (ECMA-262 `Object.hasOwn`, `Object.create(null)`).
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record without a prototype: `__proto__` and `constructor` are plain keys in it. */
export function nullRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A copy of `record` (kept prototype-free) with `key` set to `value`. */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const out = Object.assign(nullRecord<T>(), record);
  out[key] = value;
  return out;
}

/**
 * Freezes a JSON value and everything in it, own keys walked in place (no array of values per object).
 * An object already frozen is taken as frozen through: values this project freezes are frozen whole.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    const record = value as Record<string, unknown>;
    for (const k in record) if (Object.hasOwn(record, k)) deepFreeze(record[k]);
    Object.freeze(value);
  }
  return value;
}
