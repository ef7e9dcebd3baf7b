/**
 * Lexical rules for workspace-relative paths (contract.md, "Workspace sandbox"; docs/workspace.md).
 *
 * Everything here is pure: a path is judged on its text alone, before any file system call, so a
 * hostile path never reaches `open`, `lstat` or `mkdir`. The file system walk (dir-walk.ts) then
 * handles what text cannot show: symlinks, special files, races.
 */
import { ZapTraceError } from '../../kernel/errors.js';

/** Stable, documented reason codes carried in `details.reason` of INVALID_INPUT errors. */
export type PathRejectReason =
  | 'not_string'
  | 'empty'
  | 'too_long'
  | 'nul'
  | 'control_char'
  | 'bidi'
  | 'invisible'
  | 'invalid_unicode'
  | 'absolute'
  | 'url'
  | 'backslash'
  | 'encoded'
  | 'lookalike'
  | 'traversal'
  | 'reserved'
  | 'nested'
  | 'duplicate'
  | 'symlink'
  | 'device'
  | 'not_regular'
  | 'directory'
  | 'not_directory'
  | 'race';

export const DEFAULT_MAX_PATH_LENGTH = 1024;
/** NAME_MAX on Linux ext4/xfs/btrfs and APFS is 255 bytes per component. */
export const MAX_COMPONENT_BYTES = 255;
/** Prefix of in-flight temp files; agents may not name files with it (they would collide or hide). */
export const TEMP_PREFIX = '.zt-tmp-';

const DISPLAY_MAX_CHARS = 120;

/**
 * Escapes what must never appear raw in a message (controls, bidi/format characters, lone
 * surrogates) and truncates, so a hostile name can neither forge log lines nor reorder text.
 */
export function displayPath(rel: string): string {
  const codePoints = Array.from(rel);
  const shown = codePoints.slice(0, DISPLAY_MAX_CHARS).map((ch) => {
    if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(ch) || ch === '"') {
      const code = ch.codePointAt(0) ?? 0;
      return ch === '"' ? '\\"' : `\\u{${code.toString(16)}}`;
    }
    return ch;
  });
  return shown.join('') + (codePoints.length > DISPLAY_MAX_CHARS ? '…' : '');
}

/** Builds the structured rejection. `field` is the caller's input field name (default `path`). */
export function pathError(reason: PathRejectReason, field: string, message: string): ZapTraceError {
  return new ZapTraceError('INVALID_INPUT', message, { path: field, reason });
}

export interface ValidatedPath {
  /** Components after dropping `.` segments; empty only for the root of a directory path. */
  segments: string[];
  /** Canonical workspace-relative form (NFC, POSIX separators), safe to show callers. */
  rel: string;
}

export interface ValidateOptions {
  field?: string;
  maxPathLength?: number;
  /** `dir` allows the root (`''`, `.`) and one trailing slash; `file` needs a named file. */
  kind?: 'file' | 'dir';
}

// Bidirectional overrides/isolates/marks (Unicode TR9): they make `txt.exe` display as `exe.txt`.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const FORMAT = /\p{Cf}/u;
// POSIX root, Windows UNC/device (`\\server`, `\\?\`), or a drive (`C:\x`, `C:x` is drive-relative).
const ABSOLUTE = /^(?:[\\/]|[A-Za-z]:)/;
// RFC 3986 scheme followed by ':/' (file:///etc/passwd, http://...).
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\//;
// %2e, %2F, %00, %c0%ae (overlong UTF-8), %252e (double encoding) and IIS-style %u002e.
const PERCENT_ENCODED = /%(?:[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})/;
/**
 * Characters that look like a separator or a dot but are not folded by NFKC, so a later
 * "cleanup" (or a human reviewer) could read them as `/` or `.`: fraction slash, division slash,
 * set minus, box-drawing diagonal, big solidus/reverse solidus, combining solidus overlays.
 */
const SEPARATOR_LOOKALIKES = /[\u0337\u0338\u2044\u2215\u2216\u2571\u2572\u29F5\u29F8\u29F9]/u;
/** ASCII characters whose appearance in the NFKC form of a non-ASCII character is a trick. */
const DANGEROUS_ASCII_AFTER_NFKC = /[/\\.:%\u0000-\u001f\u007f]/;
// Characters Windows forbids in names; `:` also opens NTFS alternate data streams (`a.txt::$DATA`).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
// Device names reserved in every directory on Windows, with or without extension (Win32 naming docs).
const WINDOWS_DEVICE = /^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3])(?:\..*)?$/i;

function hasLookalike(text: string): boolean {
  if (SEPARATOR_LOOKALIKES.test(text)) return true;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    // Fullwidth solidus U+FF0F -> '/', fullwidth full stop U+FF0E -> '.', two-dot leader -> '..'.
    if (DANGEROUS_ASCII_AFTER_NFKC.test(ch.normalize('NFKC'))) return true;
  }
  return false;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Validates one workspace-relative path and returns its components. Throws INVALID_INPUT with a
 * reason code; the message shows only the caller's own text, escaped and truncated.
 */
export function validateRelPath(input: unknown, options: ValidateOptions = {}): ValidatedPath {
  const field = options.field ?? 'path';
  const kind = options.kind ?? 'file';
  const maxLength = options.maxPathLength ?? DEFAULT_MAX_PATH_LENGTH;
  if (typeof input !== 'string') throw pathError('not_string', field, `${field} must be a string`);
  // Length first: every later check is linear, but there is no reason to scan megabytes.
  if (input.length > maxLength) {
    throw pathError('too_long', field, `${field} is longer than ${maxLength} characters`);
  }
  const shown = displayPath(input);
  const reject = (reason: PathRejectReason, why: string): never => {
    throw pathError(reason, field, `invalid ${field} "${shown}": ${why}`);
  };
  if (input.length === 0 && kind === 'file') reject('empty', 'a file path is required');
  if (input.includes('\u0000')) reject('nul', 'NUL bytes are not allowed');
  if (LONE_SURROGATE.test(input)) reject('invalid_unicode', 'unpaired UTF-16 surrogate');
  if (CONTROL.test(input)) reject('control_char', 'control characters are not allowed');
  if (BIDI.test(input)) reject('bidi', 'bidirectional control characters are not allowed');
  if (FORMAT.test(input)) reject('invisible', 'invisible formatting characters are not allowed');
  if (ABSOLUTE.test(input)) {
    throw pathError('absolute', field, `invalid ${field}: must be relative to the workspace, not absolute`);
  }
  if (URL_SCHEME.test(input)) reject('url', 'URLs are not paths');
  if (input.includes('\\')) reject('backslash', "backslashes are not allowed; use '/' as the separator");
  if (PERCENT_ENCODED.test(input)) reject('encoded', 'percent-encoded sequences are not allowed');
  // NFC so that the same visible name (precomposed or decomposed) is always the same file.
  const text = input.normalize('NFC');
  if (hasLookalike(text)) reject('lookalike', "characters that imitate '/', '\\', '.', ':' or '%' are not allowed");

  let parts = text.split('/');
  if (kind === 'dir' && parts.length > 1 && parts[parts.length - 1] === '') parts = parts.slice(0, -1);
  const segments: string[] = [];
  for (const part of parts) {
    if (part === '' && text === '' && kind === 'dir') continue;
    if (part === '') reject('empty', 'empty path component');
    if (part === '.') continue;
    if (/^\.+$/.test(part)) reject('traversal', "'..' and dot-only components are not allowed");
    if (utf8Bytes(part) > MAX_COMPONENT_BYTES) {
      reject('too_long', `a component is longer than ${MAX_COMPONENT_BYTES} bytes`);
    }
    if (/[. ]$/.test(part)) reject('reserved', 'a component may not end with a dot or a space');
    if (WINDOWS_FORBIDDEN.test(part)) reject('reserved', 'characters < > : " | ? * are not allowed');
    if (WINDOWS_DEVICE.test(part)) reject('reserved', 'Windows device names (CON, NUL, COM1, ...) are not allowed');
    if (part.toLowerCase() === '.git') reject('reserved', "'.git' is not writable or readable through the workspace");
    if (part.startsWith(TEMP_PREFIX)) reject('reserved', `names starting with '${TEMP_PREFIX}' are reserved`);
    segments.push(part);
  }
  if (segments.length === 0 && kind === 'file') reject('empty', 'a file path is required');
  return { segments, rel: segments.join('/') };
}

/** Validates a bare file name (one component), e.g. the entries of `writeFiles`. */
export function validateFileName(input: unknown, field: string, maxPathLength?: number): string {
  const validated = validateRelPath(input, maxPathLength === undefined ? { field } : { field, maxPathLength });
  if (validated.segments.length !== 1) {
    throw pathError('nested', field, `invalid ${field} "${displayPath(String(input))}": must be a plain file name`);
  }
  return validated.segments[0]!;
}
