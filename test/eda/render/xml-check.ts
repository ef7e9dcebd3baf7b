/**
 * A minimal XML 1.0 well-formedness checker for the SVG tests (W3C XML 1.0 5th ed.): prolog,
 * one root element, properly nested and matching tags, quoted attributes without `<` or raw `&`,
 * unique attribute names, only the five predefined entities or character references, no
 * characters outside the Char production. Returns the elements it saw for further assertions.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Decoded text directly inside the element. */
  text: string;
  parent: XmlElement | null;
  children: XmlElement[];
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new Error(`unterminated reference in ${where}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    const num = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(body);
    if (!num) throw new Error(`unknown entity &${body}; in ${where}`);
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!isXmlChar(code)) throw new Error(`character reference to a non-Char ${code} in ${where}`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

export function checkWellFormed(xml: string): XmlElement {
  for (const ch of xml) {
    const code = ch.codePointAt(0)!;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed in XML`);
  }
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  let root: XmlElement | null = null;
  let current: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = lt < 0 ? xml.slice(i) : xml.slice(i, lt);
    if (text.includes('>') && text.includes(']]>')) throw new Error('"]]>" in text');
    if (current) current.text += decode(text, 'text');
    else if (text.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(text.slice(0, 40))}`);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    // a '>' inside a quoted attribute value is legal: extend to the real end of the tag
    let end = lt + 1;
    let quote: string | null = null;
    for (; end < xml.length; end++) {
      const c = xml[end]!;
      if (quote) {
        if (c === quote) quote = null;
        else if (c === '<') throw new Error('"<" inside an attribute value');
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const tag = xml.slice(lt + 1, end);
    i = end + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (!current || current.name !== name) throw new Error(`mismatched </${name}>`);
      current = current.parent;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nm = NAME.exec(body);
    if (!nm) throw new Error(`bad tag <${tag.slice(0, 30)}>`);
    const el: XmlElement = { name: nm[0], attrs: {}, text: '', parent: current, children: [] };
    let rest = body.slice(nm[0].length);
    while (rest.trim() !== '') {
      const m = /^\s+([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
      if (!m) throw new Error(`bad attribute syntax in <${el.name}>: ${JSON.stringify(rest.slice(0, 40))}`);
      const key = m[1]!;
      if (key in el.attrs) throw new Error(`duplicate attribute ${key} on <${el.name}>`);
      el.attrs[key] = decode(m[3] ?? m[4] ?? '', `attribute ${key}`);
      rest = rest.slice(m[0].length);
    }
    if (current) current.children.push(el);
    else if (root) throw new Error('more than one root element');
    else root = el;
    if (!selfClosing) current = el;
  }
  if (current) throw new Error(`unclosed <${current.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** All elements of a tree, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}
