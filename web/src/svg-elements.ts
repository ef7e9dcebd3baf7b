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
  root: Element;
}

export function parseBoardSvg(svg: string): ParsedBoard | null {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return null;
  const vb = (root.getAttribute('viewBox') ?? '0 0 100 100').split(/\s+/).map(Number);
  return { viewBox: [vb[0] ?? 0, vb[1] ?? 0, vb[2] ?? 100, vb[3] ?? 100], root };
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

/** The children of the board's root <svg> as React elements, with highlight classes applied. */
export function boardElements(parsed: ParsedBoard, h: Highlight): ReactNode[] {
  return Array.from(parsed.root.children).map((el, i) => convert(el, h, i));
}
