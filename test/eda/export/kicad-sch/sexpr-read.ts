/**
 * A small S-expression reader for the tests: reads our `.kicad_sch` back and KiCad's netlist.
 * Quoted strings are unescaped the way KiCad's lexer does (\\ \" \n \r \t and \ooo octal);
 * bare atoms stay strings, so numbers are compared after Number().
 */
export type Node = string | { q: string } | Node[];

export function readSexpr(text: string): Node {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const read = (): Node => {
    ws();
    const ch = text[i];
    if (ch === '(') {
      i++;
      const out: Node[] = [];
      for (;;) {
        ws();
        if (i >= text.length) throw new Error('unterminated list');
        if (text[i] === ')') {
          i++;
          return out;
        }
        out.push(read());
      }
    }
    if (ch === '"') {
      i++;
      let s = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') {
          const n = text[i + 1]!;
          if (/[0-7]/.test(n)) {
            s += String.fromCharCode(parseInt(text.slice(i + 1, i + 4), 8));
            i += 4;
            continue;
          }
          s += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
          i += 2;
          continue;
        }
        s += text[i];
        i++;
      }
      if (text[i] !== '"') throw new Error('unterminated string');
      i++;
      return { q: s };
    }
    const start = i;
    while (i < text.length && !/[\s()"]/.test(text[i]!)) i++;
    if (i === start) throw new Error(`unexpected ${JSON.stringify(ch)} at ${i}`);
    return text.slice(start, i);
  };
  const root = read();
  ws();
  if (i !== text.length) throw new Error('trailing text after the root list');
  return root;
}

export const head = (n: Node): string | undefined => (Array.isArray(n) && typeof n[0] === 'string' ? n[0] : undefined);
export const children = (n: Node, name: string): Node[][] => (Array.isArray(n) ? n.filter((c): c is Node[] => head(c) === name) : []);
export const child = (n: Node, name: string): Node[] | undefined => children(n, name)[0];
export const text = (n: Node | undefined): string => (n === undefined ? '' : typeof n === 'string' ? n : Array.isArray(n) ? '' : n.q);

/** All lists named `name` anywhere below `n`. */
export function deep(n: Node, name: string, out: Node[][] = []): Node[][] {
  if (Array.isArray(n)) {
    if (head(n) === name) out.push(n);
    for (const c of n) deep(c, name, out);
  }
  return out;
}

/** KiCad netlist → net name → sorted "REF.PIN" list. */
export function netlistNets(netText: string): Map<string, string[]> {
  const root = readSexpr(netText);
  const out = new Map<string, string[]>();
  for (const net of deep(root, 'net')) {
    const name = text(child(net, 'name')?.[1]);
    const nodes = children(net, 'node').map((nd) => `${text(child(nd, 'ref')?.[1])}.${text(child(nd, 'pin')?.[1])}`);
    out.set(name, nodes.sort());
  }
  return out;
}
