import { describe, expect, it } from 'vitest';
import { assessReadiness, MAX_FINDINGS_LISTED, renderReportMarkdown, type CheckEvidence, type ReportInput } from '../../../src/eda/render/index.js';
import { runDrc } from '../../../src/eda/drc/index.js';
import { builtBoards } from '../export/gerber-independent/boards.js';
import { HOSTILE, hostileDesign } from './fixtures.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const pass = (hash: string): CheckEvidence => ({ evaluated_hash: hash, passed: true, counts: { error: 0, warning: 0, info: 0 }, findings: [] });
const fail = (hash: string, findings: unknown[]): CheckEvidence => ({ evaluated_hash: hash, passed: false, counts: { error: findings.length, warning: 0, info: 0 }, findings });

const tiny = builtBoards()[0]!;
const input = (over: Partial<ReportInput>): ReportInput => ({ designName: 'tiny', design: tiny.design, designHash: B, evidence: {}, approvals: [], ...over });

/** GFM table cells of a row: split on `|` not escaped by a backslash. */
function cells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 1; i < row.length - 1; i++) {
    const c = row[i]!;
    if (c === '\\') {
      cur += c + (row[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** The rows of the table under `## heading`, header included, separator dropped. */
function tableUnder(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const start = lines.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('#')) break;
    if (l.startsWith('|') && !/^\|( --- \|)+$/.test(l)) rows.push(cells(l));
  }
  return rows;
}

/** What a Markdown renderer shows for an escaped cell: backslash escapes and entities undone. */
const shown = (cell: string) => cell.replace(/<br>/g, '\n').replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('assessReadiness / release readiness section', () => {
  it('ready only with an approval of this hash and fresh passing ERC and DRC', () => {
    const r = assessReadiness({ designHash: B, evidence: { erc: pass(B), drc: pass(B) }, approvals: [{ approval_id: 'ap-1', design_hash: A }, { approval_id: 'ap-2', design_hash: B }] });
    expect(r).toEqual({ ready: true, approvalId: 'ap-2', erc: 'passed', drc: 'passed', reasons: [] });
    const md = renderReportMarkdown(input({ evidence: { erc: pass(B), drc: pass(B) }, approvals: [{ approval_id: 'ap-2', design_hash: B }] }));
    expect(md).toContain('**Ready for release**: approval ap-2 names this state');
    expect(md).not.toContain('Not ready');
  });

  it('no approval at all, and an approval of another state, are told apart', () => {
    expect(assessReadiness({ designHash: B, evidence: { erc: pass(B), drc: pass(B) }, approvals: [] }).reasons).toEqual(['approval required: no design_commit of this state']);
    const stale = assessReadiness({ designHash: B, evidence: { erc: pass(B), drc: pass(B) }, approvals: [{ approval_id: 'ap-1', design_hash: A }] });
    expect(stale.ready).toBe(false);
    expect(stale.approvalId).toBeNull();
    expect(stale.reasons[0]).toMatch(/^approval stale/);
  });

  it('the re-stamp attack: ERC passed on A, DRC passed on B, approval of B → not ready, ERC stale', () => {
    const evidence = { erc: pass(A), drc: pass(B) };
    const approvals = [{ approval_id: 'ap-b', design_hash: B }];
    const r = assessReadiness({ designHash: B, evidence, approvals });
    expect(r).toMatchObject({ ready: false, erc: 'stale', drc: 'passed', approvalId: 'ap-b' });
    expect(r.reasons).toEqual(['ERC evidence stale: it evaluated another design state']);
    const md = renderReportMarkdown(input({ evidence, approvals }));
    expect(md).toContain('**Not ready for release.**');
    const checks = tableUnder(md, '## Checks');
    expect(checks[0]).toEqual(['Check', 'Result', 'Fresh', 'Errors', 'Warnings', 'Info', 'Evaluated hash']);
    expect(checks[1]!.slice(0, 3)).toEqual(['ERC', 'passed', 'no (stale)']);
    expect(checks[2]!.slice(0, 3)).toEqual(['DRC', 'passed', 'yes']);
    expect(checks[1]![6]).toBe(`\`${A}\``);
  });

  it('missing and failed evidence are each named', () => {
    const r = assessReadiness({ designHash: B, evidence: { drc: fail(B, [{ rule_id: 'DRC_CLEARANCE', severity: 'error', message: 'too close' }]) }, approvals: [{ approval_id: 'x', design_hash: B }] });
    expect(r.reasons).toEqual(['ERC evidence missing: run it on this state', 'DRC failed on this state']);
    expect(r).toMatchObject({ erc: 'missing', drc: 'failed' });
  });
});

describe('renderReportMarkdown: content and escaping', () => {
  it('lists every part and net of the design, refs in natural order', () => {
    const md = renderReportMarkdown(input({}));
    const parts = tableUnder(md, '## Parts');
    expect(parts[0]).toEqual(['Ref', 'Value', 'Footprint', 'MPN', 'Manufacturer', 'DNP', 'Placed']);
    expect(parts.slice(1).map((r) => r[0])).toEqual(Object.values(tiny.design.components).map((c) => c.ref).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    for (const row of parts.slice(1)) expect(row).toHaveLength(7);
    const nets = tableUnder(md, '## Nets');
    expect(nets.slice(1).map((r) => shown(r[0]!)).sort()).toEqual(Object.values(tiny.design.nets).map((n) => n.name).sort());
  });

  it('lists findings with their location, from a real DRC report', () => {
    const cut = { ...tiny.design, routing: { tracks: [], vias: [] } };
    const drc = runDrc(cut, tiny.geometry);
    expect(drc.findings.length).toBeGreaterThan(0);
    const md = renderReportMarkdown(input({ design: cut, evidence: { drc: { evaluated_hash: B, passed: drc.passed, counts: drc.counts, findings: drc.findings } } }));
    const rows = tableUnder(md, '### DRC');
    expect(rows.length - 1).toBe(drc.findings.length);
    expect(shown(rows[1]![1]!)).toBe(drc.findings[0]!.rule_id);
    expect(rows[1]![3]).toMatch(/^\(-?\d+\.\d{3}, -?\d+\.\d{3}\) mm/);
  });

  it('caps long finding lists and counts the rest', () => {
    const many = Array.from({ length: MAX_FINDINGS_LISTED + 5 }, (_, i) => ({ rule_id: 'R', severity: 'warning', message: `m${i}` }));
    const md = renderReportMarkdown(input({ evidence: { erc: { ...fail(B, many), passed: true } } }));
    expect(tableUnder(md, '### ERC').length - 1).toBe(MAX_FINDINGS_LISTED);
    expect(md).toContain('… and 5 more.');
  });

  it('escapes pipes, newlines, HTML and Markdown in every user string so each row keeps its cells', () => {
    const { design } = hostileDesign();
    const findings = [{ rule_id: 'ERC|X', severity: 'error', message: 'bad\n| injected | row |', components: [HOSTILE.ref], nets: [HOSTILE.net] }];
    const md = renderReportMarkdown({ designName: HOSTILE.name, design, designHash: B, evidence: { erc: fail(B, findings) }, approvals: [{ approval_id: 'ap|1\n', design_hash: B }] });
    expect(md).not.toMatch(/<script|<b>|<!--/);
    expect(shown(md.split('\n')[0]!.slice('# Design report: '.length))).toBe(HOSTILE.name);
    const parts = tableUnder(md, '## Parts');
    for (const row of parts) expect(row).toHaveLength(7);
    const r1 = parts.find((r) => shown(r[0]!) === HOSTILE.ref)!;
    expect(shown(r1[1]!)).toBe(HOSTILE.value);
    expect(shown(r1[3]!)).toBe(HOSTILE.mpn.replace('\r\n', '\n'));
    const nets = tableUnder(md, '## Nets');
    for (const row of nets) expect(row).toHaveLength(4);
    expect(nets.map((r) => shown(r[0]!))).toContain(HOSTILE.net.replace('\u0001', '\\u0001'));
    const erc = tableUnder(md, '### ERC');
    expect(erc).toHaveLength(2);
    expect(erc[1]).toHaveLength(4);
    expect(shown(erc[1]![2]!)).toBe(findings[0]!.message);
    const approvals = tableUnder(md, '## Approvals');
    expect(approvals[1]).toHaveLength(3);
    // no raw control character survives anywhere
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('is deterministic', () => {
    const x = input({ evidence: { erc: pass(A), drc: pass(B) }, approvals: [{ approval_id: 'a', design_hash: B }] });
    expect(renderReportMarkdown(x)).toBe(renderReportMarkdown(x));
  });
});
