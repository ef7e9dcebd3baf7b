import { unescapeAttr } from '../../../../src/eda/export/gerber/index.js';

/**
 * A small structural reader of our Gerber output, written for the tests (no external parser):
 * it walks the extended and word commands in order and records what a checker needs.
 */
export interface GerberObject {
  op: 'D01' | 'D02' | 'D03';
  x: number;
  y: number;
  aperture: number;
  /** Object attributes (TO) in force, unescaped: name → fields. */
  attrs: Record<string, string[]>;
}

export interface ParsedGerber {
  fileAttrs: Record<string, string>;
  /** D code → aperture function (null when none). */
  apertures: Map<number, string | null>;
  macros: Set<string>;
  objects: GerberObject[];
  /** Problems found while reading (use before definition, unknown macro). */
  errors: string[];
  lastLine: string;
}

export function parseGerber(text: string): ParsedGerber {
  const out: ParsedGerber = { fileAttrs: {}, apertures: new Map(), macros: new Set(), objects: [], errors: [], lastLine: '' };
  const lines = text.split('\n').filter((l) => l.length > 0);
  out.lastLine = lines[lines.length - 1] ?? '';
  let aperFunction: string | null = null;
  let attrs: Record<string, string[]> = {};
  let current: number | null = null;
  let inMacro = false;
  for (const line of lines) {
    if (inMacro) {
      if (line.endsWith('*%')) inMacro = false;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^%TF\.([A-Za-z]+),(.*)\*%$/.exec(line))) out.fileAttrs[m[1]!] = m[2]!;
    else if ((m = /^%TA\.AperFunction,(.*)\*%$/.exec(line))) aperFunction = m[1]!;
    else if ((m = /^%TO\.([A-Z]),(.*)\*%$/.exec(line))) attrs = { ...attrs, [m[1]!]: m[2]!.split(',').map(unescapeAttr) };
    else if (line === '%TD*%') {
      aperFunction = null;
      attrs = {};
    } else if ((m = /^%AM([A-Za-z_.$][\w.$]*)\*$/.exec(line))) {
      out.macros.add(m[1]!);
      inMacro = true;
    } else if ((m = /^%ADD(\d+)([A-Za-z_.$][\w.$]*)(,.*)?\*%$/.exec(line))) {
      const template = m[2]!;
      if (!['C', 'R', 'O', 'P'].includes(template) && !out.macros.has(template)) out.errors.push(`macro ${template} used before AM`);
      out.apertures.set(Number(m[1]), aperFunction);
    } else if ((m = /^D(\d+)\*$/.exec(line))) {
      current = Number(m[1]);
      if (!out.apertures.has(current)) out.errors.push(`D${current} selected before its AD`);
    } else if ((m = /^X(-?\d+)Y(-?\d+)(D0[123])\*$/.exec(line))) {
      if (current === null) out.errors.push('object before any aperture');
      out.objects.push({ op: m[3] as GerberObject['op'], x: Number(m[1]) / 1e6, y: Number(m[2]) / 1e6, aperture: current ?? -1, attrs });
    }
  }
  return out;
}

export interface DrillHit {
  tool: number;
  x: number;
  y: number;
  slotTo?: [number, number];
}

export function parseExcellon(text: string): { tools: Map<number, number>; hits: DrillHit[]; header: string[]; lastLine: string } {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const tools = new Map<number, number>();
  const hits: DrillHit[] = [];
  const end = lines.indexOf('%');
  let tool = 0;
  lines.forEach((line, i) => {
    let m: RegExpExecArray | null;
    if (i < end && (m = /^T(\d+)C([\d.]+)$/.exec(line))) tools.set(Number(m[1]), Number(m[2]));
    else if (i > end && (m = /^T(\d+)$/.exec(line))) tool = Number(m[1]);
    else if ((m = /^X(-?[\d.]+)Y(-?[\d.]+)(?:G85X(-?[\d.]+)Y(-?[\d.]+))?$/.exec(line))) {
      const hit: DrillHit = { tool, x: Number(m[1]), y: Number(m[2]) };
      if (m[3] !== undefined) hit.slotTo = [Number(m[3]), Number(m[4])];
      hits.push(hit);
    }
  });
  return { tools, hits, header: lines.slice(0, Math.max(0, end)), lastLine: lines[lines.length - 1] ?? '' };
}

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF records). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell.length > 0 || row.length > 0) rows.push([...row, cell]);
  return rows;
}
