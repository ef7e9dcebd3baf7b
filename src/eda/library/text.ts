/**
 * Text helpers shared by the search index, the query parser and the lookup: one tokeniser so a word
 * is cut the same way when it is indexed and when it is searched for.
 */

/**
 * The search key of a word: lower case, letters, digits and decimal points only, no leading or
 * trailing point. "SOT-23-5" → "sot235", "AMS1117-3.3" → "ams11173.3", "100nF," → "100nf".
 */
export function compact(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.µμ]/g, '')
    .replace(/^\.+|\.+$/g, '');
}

/** Package codes compare by their key, so "SOT-23" = "sot23" = "SOT 23". */
export function normalisePackage(text: string): string {
  return compact(text);
}

/**
 * Splits text into search keys. Words joined by '-', '/' or '_' give both their pieces and the
 * joined form ("Low-dropout" → "low", "dropout", "lowdropout"), because engineers type either.
 */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/[\s,;:()[\]{}"'`|+=<>!?*&]+/)) {
    if (chunk.length === 0) continue;
    const pieces = chunk
      .split(/[-/_@~]+/)
      .map(compact)
      .filter((p) => p.length > 0);
    for (const p of pieces) out.push(p);
    if (pieces.length > 1) out.push(compact(pieces.join('')));
  }
  return out;
}

/** Words too common to rank anything. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'with', 'in', 'on', 'to', 'at', 'by']);

/** Imperial chip sizes (IPC-7351B naming uses the metric equivalent; footprint names carry either). */
export const IMPERIAL_CHIP_SIZES: ReadonlySet<string> = new Set(['01005', '0201', '0402', '0603', '0805', '1008', '1206', '1210', '1806', '1812', '2010', '2220', '2512']);

/** Finds an imperial chip size inside a footprint name such as "Resistor_SMD:R_0402_1005Metric". */
export function chipSizeIn(text: string): string | null {
  const m = /(?:^|[^0-9])(01005|0201|0402|0603|0805|1008|1206|1210|1806|1812|2010|2220|2512)(?![0-9])/.exec(text);
  return m ? m[1]! : null;
}

/**
 * Levenshtein distance with an early exit: returns `max + 1` as soon as the distance must exceed
 * `max`, so a scan over the vocabulary costs little for words that are far apart.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Typo budget by word length: none below 5 letters, 1 for 5–7, 2 from 8. */
export function typoBudget(word: string): number {
  if (word.length < 5) return 0;
  return word.length < 8 ? 1 : 2;
}
