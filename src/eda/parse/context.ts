import { ZapTraceError } from '../../kernel/errors.js';

/** One thing the parser dropped, defaulted or repaired, with the input path it concerns. */
export interface ParseWarning {
  path: string;
  message: string;
}

export type PathSeg = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_+\-]*$/;

/**
 * Formats an input path the way a reader writes it: `nets.I2C_SDA.nodes[2]`,
 * `components["odd key"].pins.VCC`. Keys that are not plain identifiers are quoted so a dot inside
 * a key cannot be mistaken for a separator.
 */
export function formatPath(path: readonly PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg.length > 60 ? `${seg.slice(0, 60)}…` : seg)}]`;
  }
  return out;
}

/** Throws the parser's one error: INVALID_INPUT, message prefixed with the path, path in details. */
export function fail(message: string, path: readonly PathSeg[] = [], extra: Record<string, unknown> = {}): never {
  const p = formatPath(path);
  throw new ZapTraceError('INVALID_INPUT', p === '' ? message : `${p}: ${message}`, { path: p, ...extra });
}

/** Shows a user-supplied value in a message without letting it run on or carry control characters. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(short);
}

export interface ParseContext {
  strict: boolean;
  warnings: ParseWarning[];
}

export function warn(ctx: ParseContext, path: readonly PathSeg[], message: string): void {
  // A hostile input could ask for a warning per element; cap the list so the result stays small.
  if (ctx.warnings.length < 500) ctx.warnings.push({ path: formatPath(path), message });
  else if (ctx.warnings.length === 500) ctx.warnings.push({ path: '', message: 'further warnings omitted' });
}

/** A value carries information worth a warning when dropped: not null, not an empty list or map. */
export function isMeaningful(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/**
 * Compares an input object's keys with what the parser knows. Dropped keys (ZapTrace fields our
 * model has no place for) are warned about in both modes; keys nobody knows are rejected in strict
 * mode and warned about in lenient mode.
 */
export function noteKeys(
  ctx: ParseContext,
  obj: Record<string, unknown>,
  path: readonly PathSeg[],
  known: ReadonlySet<string>,
  dropped: ReadonlySet<string>,
  hint: (key: string) => string = () => '',
): void {
  for (const key of Object.keys(obj)) {
    if (dropped.has(key)) {
      if (isMeaningful(obj[key])) warn(ctx, [...path, key], 'ZapTrace field not represented in the normalised model; ignored');
      continue;
    }
    if (known.has(key)) continue;
    const extra = hint(key);
    if (ctx.strict) fail(`unknown key ${quote(key)}${extra}`, path);
    warn(ctx, [...path, key], `unknown key ignored${extra}`);
  }
}
