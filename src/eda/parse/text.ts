import YAML from 'yaml';
import { ZapTraceError } from '../../kernel/errors.js';
import { fail, type PathSeg } from './context.js';
import { LIMITS } from './limits.js';

export type TextFormat = 'yaml' | 'json' | 'auto';

/**
 * Turns design text into a plain JSON-like value, refusing hostile shapes before an expensive or
 * crashing step runs: size first, then (JSON) native parse plus a linear scan for duplicate keys and
 * depth, or (YAML) a lexer pass that bounds nesting, aliases and tags before yaml composes anything.
 */
export function parseStructuredText(text: unknown, format: TextFormat, maxBytes: number): unknown {
  if (typeof text !== 'string') fail('design text must be a string');
  // Each UTF-16 unit is at least one UTF-8 byte, so the cheap length test bounds the exact count.
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    fail(`design text is larger than the ${maxBytes}-byte limit`, [], { limit_bytes: maxBytes });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') fail('design text is empty');
  const first = body.trimStart()[0];
  if (format === 'json' || (format === 'auto' && (first === '{' || first === '['))) {
    let value: unknown;
    try {
      value = JSON.parse(body) as unknown;
    } catch (err) {
      if (format === 'json') fail(`not valid JSON: ${err instanceof Error ? err.message.slice(0, 200) : 'parse error'}`);
      return parseYaml(body); // "auto": a YAML flow mapping also starts with "{"
    }
    scanJson(body);
    return value;
  }
  return parseYaml(body);
}

/** Linear scan of valid JSON text: nesting depth and duplicate keys (JSON.parse keeps the last silently). */
function scanJson(text: string): void {
  interface Frame {
    keys: Set<string> | null;
    expectKey: boolean;
    seg: PathSeg;
  }
  const stack: Frame[] = [];
  const path = () => stack.map((f) => f.seg);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) fail(`duplicate key ${JSON.stringify(key.slice(0, 60))}`, stack.slice(0, -1).map((f) => f.seg));
        top.keys.add(key);
        top.seg = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= LIMITS.maxDepth) fail(`nesting deeper than ${LIMITS.maxDepth} levels`, path());
      stack.push(c === 0x7b ? { keys: new Set(), expectKey: true, seg: '' } : { keys: null, expectKey: false, seg: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top && typeof top.seg === 'number') top.seg += 1;
    }
  }
}

const CORE_TAGS = new Set(['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq']);

/**
 * Checks each lexer token as it streams into the parser, so a hostile shape stops the pass before
 * the parser or composer has built anything large. Bounded by token count, hence in time.
 */
function tokenGuard(): { guard: (token: string) => void; aliases: () => number } {
  let tokens = 0;
  let flowDepth = 0;
  let aliases = 0;
  let lineStart = true;
  let compact = 0;
  let line = 1;
  const guard = (token: string) => {
    const where = { line };
    if (++tokens > LIMITS.maxYamlTokens) fail(`YAML has more than ${LIMITS.maxYamlTokens} tokens`, [], where);
    const type = YAML.CST.tokenType(token);
    switch (type) {
      case 'newline':
        line += 1;
        lineStart = true;
        compact = 0;
        return;
      case 'space':
        if (lineStart && token.length > LIMITS.maxIndentColumns) {
          fail(`YAML indentation deeper than ${LIMITS.maxIndentColumns} columns at line ${line}`, [], where);
        }
        return;
      case 'flow-map-start':
      case 'flow-seq-start':
        if (++flowDepth > LIMITS.maxDepth) fail(`YAML nesting deeper than ${LIMITS.maxDepth} levels at line ${line}`, [], where);
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        // Only block-context indicators nest; a one-line flow mapping has one ":" per key.
        if (flowDepth === 0 && ++compact > LIMITS.maxCompactIndicators) {
          fail(`more than ${LIMITS.maxCompactIndicators} nested block indicators on line ${line}`, [], where);
        }
        break;
      case 'alias':
        if (++aliases > LIMITS.maxAliases) fail(`YAML uses more than ${LIMITS.maxAliases} aliases`, [], where);
        break;
      case 'tag':
        if (!CORE_TAGS.has(token)) fail(`unsupported YAML tag ${JSON.stringify(token.slice(0, 40))} at line ${line}`, [], where);
        break;
      case 'comment':
      case 'byte-order-mark':
      case 'doc-mode':
      case 'flow-error-end':
        return;
      default:
        if (token.includes('\n')) line += token.split('\n').length - 1;
    }
    lineStart = false;
  };
  return { guard, aliases: () => aliases };
}

function lineOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      last = i;
    }
  }
  return { line, col: offset - last };
}

function parseYaml(text: string): unknown {
  // One streaming pass: lexer → guard → parser → composer (yaml's documented low-level API), so the
  // text is lexed once and the guard can stop it early.
  const { guard, aliases } = tokenGuard();
  const lexer = new YAML.Lexer();
  const parser = new YAML.Parser();
  function* cst() {
    for (const token of lexer.lex(text)) {
      guard(token);
      yield* parser.next(token);
    }
    yield* parser.end();
  }
  // uniqueKeys is checked below in one linear pass: yaml's own check compares every key with every
  // other key of its map, which costs seconds on a 7,000-component design.
  const composer = new YAML.Composer({ uniqueKeys: false, prettyErrors: false, merge: false, version: '1.2' });
  const docs = [...composer.compose(cst())];
  if (docs.length !== 1) fail(docs.length === 0 ? 'design text is empty' : 'YAML has multiple documents; a design is one document');
  const doc = docs[0]!;
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const at = lineOf(text, problem.pos[0]);
    const msg = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').slice(0, 200);
    fail(`YAML error at line ${at.line}, column ${at.col}: ${msg}`, [], { line: at.line, column: at.col });
  }
  let keyProblem: { message: string; offset: number } | null = null;
  YAML.visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!YAML.isScalar(pair.key)) {
          keyProblem = { message: 'a mapping key must be a plain string, not a collection', offset: map.range?.[0] ?? 0 };
          return YAML.visit.BREAK;
        }
        const key = String(pair.key.value);
        if (seen.has(key)) {
          keyProblem = { message: `duplicate key ${JSON.stringify(key.slice(0, 60))}`, offset: pair.key.range?.[0] ?? 0 };
          return YAML.visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  const problemKey = keyProblem as { message: string; offset: number } | null;
  if (problemKey) {
    const at = lineOf(text, problemKey.offset);
    fail(`YAML error at line ${at.line}, column ${at.col}: ${problemKey.message}`, [], { line: at.line, column: at.col });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliasExpansion }) as unknown;
  } catch (err) {
    if (err instanceof ReferenceError || err instanceof RangeError) fail('YAML alias expansion exceeds the limit (alias bomb?)');
    throw err;
  }
  // yaml's maxAliasCount bounds how deeply aliases nest, not how much they copy: 32 uses of one
  // large anchor pass it and become 32 copies in the log. Without aliases the value is no larger
  // than the text, so only aliased documents need the walk.
  if (aliases() > 0) assertExpandedSize(value, LIMITS.maxExpandedBytes);
  return value;
}

/**
 * Walks the value as JSON would write it, following shared (aliased) subtrees every time they are
 * referenced, and stops as soon as the estimate passes `limit`: the walk costs at most `limit` steps.
 */
function assertExpandedSize(value: unknown, limit: number): void {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length + 2;
    else if (v === null || typeof v !== 'object') size += 8;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (const item of v) stack.push(item);
    } else {
      for (const [k, item] of Object.entries(v)) {
        size += k.length + 4;
        stack.push(item);
      }
    }
    if (size > limit) {
      throw new ZapTraceError('PAYLOAD_TOO_LARGE', `YAML aliases expand the design beyond ${limit} bytes (alias amplification); write the repeated parts out or drop them`, {
        path: '',
        limit_bytes: limit,
        reason: 'alias_expansion',
      });
    }
  }
}
