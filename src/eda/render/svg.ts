import type { Design, Point } from '../model/design.js';
import { own } from '../../kernel/own.js';
import { boardOutline, copperLayers } from '../model/design.js';
import { roundrectRadius } from '../model/footprint.js';
import { boundsOf, footprintToWorld, type BoardGeometry, type BoardPad } from '../board/index.js';
import { invalidInput } from '../../kernel/errors.js';
import { computeAirwires, type Airwire } from './airwires.js';
import { escapeXml, num } from './escape.js';

/**
 * The layered board picture of `export_svg` (docs/render.md, "Board picture"): one `<g>` per layer, drawn back to front —
 * copper layers (B.Cu, inner layers, F.Cu: pads, vias, tracks), silkscreen (footprint lines and
 * reference text) for both sides, drill holes, the board outline (Edge.Cuts), unrouted airwires
 * and DRC markers. SVG user units are board millimetres with the board's own axes (origin top-left,
 * y down), so no flip is needed. Every user string passes through `escapeXml`; output is a pure
 * function of its input.
 */

export interface SvgDrcFinding {
  location: { x_mm: number; y_mm: number };
  message: string;
}

export interface RenderSvgOptions {
  drcFindings?: readonly SvgDrcFinding[];
  /** Layer groups to draw (see `svgLayerNames`); default all. */
  layers?: readonly string[];
  /** Airwires to draw instead of those computed from the design's routing. */
  airwires?: readonly Airwire[];
}

const MARGIN_MM = 1;

const COPPER_COLOURS: Record<string, string> = { 'F.Cu': '#c83232', 'B.Cu': '#3c6fc4' };
const INNER_COLOURS = ['#c2c200', '#c26bc2', '#4fb34f', '#c28a3c'];

/** Names of the layer groups a design's picture has, back to front. */
export function svgLayerNames(design: Design): string[] {
  return [...copperLayers(design.board.layers).reverse(), 'B.Silkscreen', 'F.Silkscreen', 'Drills', 'Edge.Cuts', 'Airwires', 'DRC'];
}

const groupId = (layer: string): string => `layer-${layer.replace(/\./g, '_')}`;

function padElement(pad: BoardPad, extra: string): string {
  const [w, h] = pad.size;
  const data = `data-ref="${escapeXml(pad.ref)}" data-pad="${escapeXml(pad.padNumber)}"${extra}`;
  if (pad.shape === 'circle') return `<circle cx="${num(pad.center[0])}" cy="${num(pad.center[1])}" r="${num(Math.min(w, h) / 2)}" ${data}/>`;
  const radius = pad.shape === 'oval' ? Math.min(w, h) / 2 : pad.shape === 'roundrect' ? roundrectRadius(pad.size, pad.roundrectRatio) : 0;
  const rx = radius > 0 ? ` rx="${num(radius)}"` : '';
  // The board's rotation is CCW as seen with y down; SVG's rotate() turns clockwise on screen.
  const rot = pad.rotationDeg !== 0 ? ` transform="rotate(${num(-pad.rotationDeg)} ${num(pad.center[0])} ${num(pad.center[1])})"` : '';
  return `<rect x="${num(pad.center[0] - w / 2)}" y="${num(pad.center[1] - h / 2)}" width="${num(w)}" height="${num(h)}"${rx}${rot} ${data}/>`;
}

function netAttr(design: Design, netId: string | null): string {
  if (netId === null) return '';
  return ` data-net="${escapeXml(own(design.nets, netId)?.name ?? netId)}"`;
}

function copperGroup(design: Design, geometry: BoardGeometry, layer: string, colour: string): string[] {
  const out = [`<g id="${groupId(layer)}" data-layer="${layer}" fill="${colour}" opacity="0.8">`];
  for (const t of design.routing.tracks) {
    if (t.layer !== layer) continue;
    out.push(`<line x1="${num(t.start[0])}" y1="${num(t.start[1])}" x2="${num(t.end[0])}" y2="${num(t.end[1])}" stroke="${colour}" stroke-width="${num(t.width_mm)}" stroke-linecap="round"${netAttr(design, t.net)}/>`);
  }
  for (const pad of geometry.pads) {
    if (pad.kind === 'np_thru_hole' || !pad.layers.includes(layer)) continue;
    out.push(padElement(pad, netAttr(design, pad.net)));
  }
  for (const v of design.routing.vias) {
    out.push(`<circle cx="${num(v.at[0])}" cy="${num(v.at[1])}" r="${num(v.diameter_mm / 2)}" class="via"${netAttr(design, v.net)}/>`);
  }
  out.push('</g>');
  return out;
}

function silkGroup(geometry: BoardGeometry, side: 'top' | 'bottom'): string[] {
  const layer = side === 'top' ? 'F.Silkscreen' : 'B.Silkscreen';
  const colour = side === 'top' ? '#f2eda1' : '#e8b2a7';
  const out = [`<g id="${groupId(layer)}" data-layer="${layer}" stroke="${colour}" fill="${colour}" stroke-linecap="round">`];
  for (const fp of geometry.footprints) {
    if (fp.placement.side !== side) continue;
    for (const line of fp.footprint.silkscreen) {
      const a = footprintToWorld(line.start, fp.placement);
      const b = footprintToWorld(line.end, fp.placement);
      out.push(`<line x1="${num(a[0])}" y1="${num(a[1])}" x2="${num(b[0])}" y2="${num(b[1])}" stroke-width="${num(line.width_mm)}"/>`);
    }
    const [x, y] = [fp.placement.x_mm, fp.placement.y_mm];
    out.push(`<text x="${num(x)}" y="${num(y)}" font-family="sans-serif" font-size="0.8" text-anchor="middle" dominant-baseline="central" stroke="none" data-ref="${escapeXml(fp.ref)}">${escapeXml(fp.ref)}</text>`);
  }
  out.push('</g>');
  return out;
}

function drillGroup(design: Design, geometry: BoardGeometry): string[] {
  const out = [`<g id="${groupId('Drills')}" data-layer="Drills" fill="#0b0b0b">`];
  for (const pad of geometry.pads) {
    if (pad.kind === 'smd') continue;
    const d = pad.drillMm ?? Math.min(pad.size[0], pad.size[1]);
    out.push(`<circle cx="${num(pad.center[0])}" cy="${num(pad.center[1])}" r="${num(d / 2)}" data-ref="${escapeXml(pad.ref)}" data-pad="${escapeXml(pad.padNumber)}"/>`);
  }
  for (const v of design.routing.vias) out.push(`<circle cx="${num(v.at[0])}" cy="${num(v.at[1])}" r="${num(v.drill_mm / 2)}" class="via"/>`);
  out.push('</g>');
  return out;
}

const points = (pts: readonly Point[]): string => pts.map((p) => `${num(p[0])},${num(p[1])}`).join(' ');

/** The board picture as a standalone SVG 1.1 document. */
export function renderBoardSvg(design: Design, geometry: BoardGeometry, options: RenderSvgOptions = {}): string {
  const all = svgLayerNames(design);
  const wanted = options.layers ?? all;
  wanted.forEach((l, i) => {
    if (!all.includes(l)) throw invalidInput(`unknown layer ${JSON.stringify(l)}; this board has ${all.join(', ')}`, ['options', 'layers', i]);
  });
  const outline = boardOutline(design.board);
  const [x0, y0, x1, y1] = boundsOf(outline);
  const minX = x0 - MARGIN_MM;
  const minY = y0 - MARGIN_MM;
  const w = x1 + MARGIN_MM - minX;
  const h = y1 + MARGIN_MM - minY;
  const name = escapeXml(design.meta.name);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(w)}mm" height="${num(h)}mm" viewBox="${num(minX)} ${num(minY)} ${num(w)} ${num(h)}" data-design="${name}">`,
    `<title>${name}</title>`,
    `<rect x="${num(minX)}" y="${num(minY)}" width="${num(w)}" height="${num(h)}" fill="#001023"/>`,
    `<polygon class="substrate" points="${points(outline)}" fill="#0e3a1f"/>`,
  ];
  const airwires = options.airwires ?? computeAirwires(design, geometry);
  const copper = copperLayers(design.board.layers);
  for (const layer of all) {
    if (!wanted.includes(layer)) continue;
    if (copper.includes(layer)) {
      const inner = copper.indexOf(layer) - 1;
      lines.push(...copperGroup(design, geometry, layer, COPPER_COLOURS[layer] ?? INNER_COLOURS[inner % INNER_COLOURS.length]!));
    } else if (layer === 'F.Silkscreen' || layer === 'B.Silkscreen') {
      lines.push(...silkGroup(geometry, layer === 'F.Silkscreen' ? 'top' : 'bottom'));
    } else if (layer === 'Drills') {
      lines.push(...drillGroup(design, geometry));
    } else if (layer === 'Edge.Cuts') {
      lines.push(`<g id="${groupId(layer)}" data-layer="Edge.Cuts" fill="none" stroke="#d0d2cd" stroke-width="0.1">`, `<polygon points="${points(outline)}"/>`, '</g>');
    } else if (layer === 'Airwires') {
      lines.push(`<g id="${groupId(layer)}" data-layer="Airwires" stroke="#ffffff" stroke-width="0.08" stroke-dasharray="0.3 0.2" data-count="${airwires.length}">`);
      for (const a of airwires) {
        lines.push(`<line class="airwire" x1="${num(a.from[0])}" y1="${num(a.from[1])}" x2="${num(a.to[0])}" y2="${num(a.to[1])}"${netAttr(design, a.net)} data-from="${escapeXml(a.fromPad)}" data-to="${escapeXml(a.toPad)}"/>`);
      }
      lines.push('</g>');
    } else if (layer === 'DRC') {
      const findings = (options.drcFindings ?? []).filter((f) => Number.isFinite(f.location.x_mm) && Number.isFinite(f.location.y_mm));
      lines.push(`<g id="${groupId(layer)}" data-layer="DRC" stroke="#ff00ff" fill="none" stroke-width="0.12" data-count="${findings.length}">`);
      findings.forEach((f, i) => {
        const [x, y] = [f.location.x_mm, f.location.y_mm];
        lines.push(
          `<g class="drc-marker" data-index="${i}"><title>${escapeXml(f.message)}</title>` +
            `<circle cx="${num(x)}" cy="${num(y)}" r="0.6"/>` +
            `<path d="M${num(x - 0.4)} ${num(y - 0.4)}L${num(x + 0.4)} ${num(y + 0.4)}M${num(x - 0.4)} ${num(y + 0.4)}L${num(x + 0.4)} ${num(y - 0.4)}"/></g>`,
        );
      });
      lines.push('</g>');
    }
  }
  lines.push('</svg>');
  return lines.join('\n') + '\n';
}
