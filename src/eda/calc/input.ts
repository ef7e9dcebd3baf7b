import { ZapTraceError } from '../../kernel/errors.js';

/** Refuses a value outside the range a formula is valid for, naming the field (contract.md, "Errors"). */
export function requireRange(path: string, value: number, min: number, max: number, why = ''): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ZapTraceError('INVALID_INPUT', `${path} must lie between ${min} and ${max}${why ? ` (${why})` : ''}`, { path, min, max });
  }
}

/** Rounds to `digits` significant digits, so results read like a datasheet value rather than float noise. */
export function sig(value: number, digits = 4): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}
