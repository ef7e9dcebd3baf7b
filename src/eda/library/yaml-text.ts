import YAML from 'yaml';

/**
 * Reads library YAML. ZapTrace's records write imperial chip sizes unquoted (`package: 0805`),
 * which a YAML 1.2 core-schema reader turns into the integer 805. A plain scalar that resolved to a
 * number although its source text has a leading zero ("0805", "007") is a code, not a quantity,
 * so it is kept as the text that was written.
 */
export type YamlReadResult = { ok: true; value: unknown; codesKept: string[] } | { ok: false; message: string };

const LEADING_ZERO_CODE = /^[+-]?0[0-9]/;

export function readLibraryYaml(text: string): YamlReadResult {
  const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    // The YAML error message carries a line/column, never a file path.
    return { ok: false, message: `YAML syntax error: ${first.message.split('\n')[0] ?? 'unreadable'}` };
  }
  const codesKept: string[] = [];
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && typeof node.source === 'string' && LEADING_ZERO_CODE.test(node.source)) {
        codesKept.push(node.source);
        node.value = node.source;
      }
    },
  });
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown, codesKept };
}
