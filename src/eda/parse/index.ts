/**
 * ZapTrace design parser: YAML/JSON text or a parsed value → the normalised Design
 * (src/eda/model/design.ts), with warnings for what the model has no place for.
 * Mapping rules: docs/design-model.md.
 */
import { parseDesignObject, type ParseOptions, type ParseResult } from './design.js';
import { LIMITS } from './limits.js';
import { parseStructuredText } from './text.js';

export { parseDesignObject } from './design.js';
export type { ParseOptions, ParseResult } from './design.js';
export type { ParseWarning } from './context.js';
export { parseCorpusCases } from './corpus.js';
export type { CorpusCase } from './corpus.js';
export { LIMITS as PARSE_LIMITS } from './limits.js';

/** Parses design text (YAML, JSON, or auto-detected) into a normalised Design plus warnings. */
export function parseDesignText(text: string, options: ParseOptions = {}): ParseResult {
  const value = parseStructuredText(text, options.format ?? 'auto', options.maxBytes ?? LIMITS.maxBytes);
  return parseDesignObject(value, options);
}
