import { createElement, type ReactNode } from 'react';

/**
 * Turns the server's board SVG (src/eda/render/svg.ts) into React elements, so every string in it is
 * set by React as an attribute or a text node, never parsed as markup into the page. Only the elements
 * and attributes that renderer writes pass; anything else (a script, an event handler, a link) is dropped.
 */
const TAGS = new Set(['g', 'title', 'rect', 'circle', 'ellipse', 'line', 'polygon', 'polyline', 'path', 'text']);
const ATTRS: Record<string, string> = {
  id: 'id', class: 'className', x: 'x', y: 'y', x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', cx: 'cx', cy: 'cy', r: 'r', rx: 'rx', ry: 'ry',
  width: 'width', height: 'height', points: 'points', d: 'd', transform: 'transform', fill: 'fill', stroke: 'stroke', opacity: 'opacity',
  'stroke-width': 'strokeWidth', 'stroke-linecap': 'strokeLinecap', 'stroke-dasharray': 'strokeDasharray', 'font-family': 'fontFamily',
  'font-size': 'fontSize', 'text-anchor': 'textAnchor', 'dominant-baseline': 'dominantBaseline',
};

export interface Highlight {
  net: string | null;
  refs: ReadonlySet<string>;
  added: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  hiddenLayers: ReadonlySet<string>;
}

export interface ParsedBoard {
  viewBox: [number, number, number, number];
  /** The root's top-level children as markup, one entry per element (a layer group, the outline, …). */
  chunks: string[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Splits the renderer's document (one element per line, layer groups as <g>…</g> blocks: see
 * src/eda/render/svg.ts) into its top-level elements without parsing them: only chunks never seen
 * before are parsed (XML parsing is the largest cost of drawing a board in the browser).
 */
export function parseBoardSvg(svg: string): ParsedBoard | null {
  const lines = svg.split('\n');
  const open = lines.findIndex((l) => l.startsWith('<svg'));
  if (open < 0) return null;
  const vb = (/viewBox="([^"]+)"/.exec(lines[open]!)?.[1] ?? '0 0 100 100').split(/\s+/).map(Number);
  const chunks: string[] = [];
  let current: string[] = [];
  let depth = 0;
  for (const line of lines.slice(open + 1)) {
    if (depth === 0 && line.startsWith('</svg>')) break;
    current.push(line);
    depth += (line.match(/<g[\s>]/g)?.length ?? 0) - (line.match(/<\/g>/g)?.length ?? 0);
    if (depth <= 0) {
      chunks.push(current.join('\n'));
      current = [];
      depth = 0;
    }
  }
  if (current.length) chunks.push(current.join('\n'));
  return { viewBox: [vb[0] ?? 0, vb[1] ?? 0, vb[2] ?? 100, vb[3] ?? 100], chunks };
}

function classFor(el: Element, h: Highlight): string | undefined {
  const names: string[] = [];
  const own = el.getAttribute('class');
  if (own) names.push(own);
  const net = el.getAttribute('data-net');
  const ref = el.getAttribute('data-ref');
  if (net !== null && net === h.net) names.push('hl-net');
  if (ref !== null) {
    if (h.refs.has(ref)) names.push('hl-ref');
    if (h.added.has(ref)) names.push('diff-added');
    else if (h.changed.has(ref)) names.push('diff-changed');
  }
  return names.length ? names.join(' ') : undefined;
}

function convert(el: Element, h: Highlight, key: number): ReactNode {
  const tag = el.nodeName;
  if (!TAGS.has(tag)) return null;
  const layer = el.getAttribute('data-layer');
  if (tag === 'g' && layer !== null && h.hiddenLayers.has(layer)) return null;
  const props: Record<string, unknown> = { key };
  for (const attr of Array.from(el.attributes)) {
    if (attr.name.startsWith('data-') && /^data-[a-z-]+$/.test(attr.name)) props[attr.name] = attr.value;
    else if (ATTRS[attr.name] !== undefined && attr.name !== 'class') props[ATTRS[attr.name]!] = attr.value;
  }
  const cls = classFor(el, h);
  if (cls) props['className'] = cls;
  const children: ReactNode[] = [];
  let i = 0;
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) {
      if (tag === 'text' || tag === 'title') children.push(node.textContent ?? '');
    } else if (node.nodeType === 1) children.push(convert(node as Element, h, i++));
  }
  return createElement(tag, props, ...children);
}

/**
 * The board's top-level elements as React elements, with highlight classes applied. A chunk whose
 * markup was converted before (for the same highlight) reuses that element, unparsed: React then skips
 * the whole subtree, so scrubbing over an edit that changed one layer parses and redraws only it.
 */
export function boardElements(parsed: ParsedBoard, h: Highlight, cache: Map<string, ReactNode>): ReactNode[] {
  return parsed.chunks.map((chunk, i) => {
    const key = `${i}\u0000${chunk}`;
    let node = cache.get(key);
    if (node === undefined) {
      const doc = new DOMParser().parseFromString(`<svg xmlns="${SVG_NS}">${chunk}</svg>`, 'image/svg+xml');
      const ok = doc.documentElement.nodeName === 'svg' && doc.getElementsByTagName('parsererror').length === 0;
      const el = ok ? doc.documentElement.firstElementChild : null;
      node = el ? convert(el, h, i) : null;
      if (cache.size >= GROUP_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(key, node);
    }
    return node;
  });
}

const GROUP_CACHE = 64;
