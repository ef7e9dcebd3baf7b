import type { Design } from '../model/design.js';
import { own } from '../../kernel/own.js';
import { escapeMarkdown } from './escape.js';

/**
 * The Markdown design report of `export_report` (docs/render.md, "Design report"): release readiness first, then the
 * checks with their freshness and findings, the parts, the nets and the approvals. Freshness and
 * readiness follow contract.md "The release gate": a check result is fresh only when it evaluated
 * exactly the current design hash; a release is ready only with an approval of that hash and
 * fresh, passing ERC and DRC. The report states this, it never enforces it (the gate does).
 * Every user string passes through `escapeMarkdown`; output is a pure function of the input.
 */

export interface CheckEvidence {
  evaluated_hash: string;
  passed: boolean;
  counts: { error: number; warning: number; info: number };
  /** ERC or DRC findings as recorded (fields read: rule_id, severity, message, location, components, nets). */
  findings: readonly unknown[];
}

export interface ReportInput {
  designName: string;
  design: Design;
  designHash: string;
  evidence: { erc?: CheckEvidence; drc?: CheckEvidence };
  approvals: readonly { approval_id: string; design_hash: string }[];
}

export type CheckState = 'missing' | 'stale' | 'failed' | 'passed';

export interface Readiness {
  ready: boolean;
  /** The approval of the current hash, if any (the last one given). */
  approvalId: string | null;
  erc: CheckState;
  drc: CheckState;
  /** Why the release is not ready, in gate order (approval, then ERC, then DRC); empty when ready. */
  reasons: string[];
}

/** Max findings listed per check; the rest are counted. */
export const MAX_FINDINGS_LISTED = 200;

function checkState(e: CheckEvidence | undefined, hash: string): CheckState {
  if (!e) return 'missing';
  if (e.evaluated_hash !== hash) return 'stale';
  return e.passed ? 'passed' : 'failed';
}

/** Release readiness of the current design state (contract.md, "The release gate"). */
export function assessReadiness(input: Pick<ReportInput, 'designHash' | 'evidence' | 'approvals'>): Readiness {
  const mine = input.approvals.filter((a) => a.design_hash === input.designHash);
  const approvalId = mine.at(-1)?.approval_id ?? null;
  const erc = checkState(input.evidence.erc, input.designHash);
  const drc = checkState(input.evidence.drc, input.designHash);
  const reasons: string[] = [];
  if (approvalId === null) {
    reasons.push(input.approvals.length > 0 ? 'approval stale: every approval names another design state (commit again)' : 'approval required: no design_commit of this state');
  }
  for (const [name, state] of [['ERC', erc], ['DRC', drc]] as const) {
    if (state === 'missing') reasons.push(`${name} evidence missing: run it on this state`);
    else if (state === 'stale') reasons.push(`${name} evidence stale: it evaluated another design state`);
    else if (state === 'failed') reasons.push(`${name} failed on this state`);
  }
  return { ready: reasons.length === 0, approvalId, erc, drc, reasons };
}

const md = (v: unknown): string => escapeMarkdown(v === null || v === undefined ? '' : String(v));
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const table = (header: string[], rows: string[][]): string[] => [row(header), row(header.map(() => '---')), ...rows.map(row)];
/** A hash shown in full inside a code span; hashes are hex, anything else is escaped as text. */
const hashText = (h: string): string => (/^[0-9a-f]{1,128}$/i.test(h) ? `\`${h}\`` : md(h));

/** Natural order of reference designators: R2 before R10. */
function refCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

function field(f: unknown, key: string): unknown {
  return f !== null && typeof f === 'object' ? (f as Record<string, unknown>)[key] : undefined;
}

/** Where a finding is: a DRC location, else the components and nets an ERC finding names. */
function where(f: unknown): string {
  const loc = field(f, 'location');
  const x = field(loc, 'x_mm');
  const y = field(loc, 'y_mm');
  if (typeof x === 'number' && typeof y === 'number') {
    const layer = field(loc, 'layer');
    return `(${x.toFixed(3)}, ${y.toFixed(3)}) mm${typeof layer === 'string' ? ` ${md(layer)}` : ''}`;
  }
  const parts: string[] = [];
  for (const key of ['components', 'nets', 'pins'] as const) {
    const v = field(f, key);
    if (Array.isArray(v) && v.length > 0) parts.push(`${key}: ${v.map(md).join(', ')}`);
  }
  return parts.join('; ');
}

const STATE_TEXT: Record<CheckState, string> = { missing: 'not run', stale: 'stale', failed: 'FAILED', passed: 'passed' };

function checkSection(name: string, e: CheckEvidence | undefined, hash: string): string[] {
  if (!e) return [`### ${name}`, '', 'Not run.', ''];
  const out = [`### ${name}`, ''];
  if (e.findings.length === 0) out.push('No findings.');
  else {
    const listed = e.findings.slice(0, MAX_FINDINGS_LISTED);
    out.push(...table(['Severity', 'Rule', 'Message', 'Where'], listed.map((f) => [md(field(f, 'severity')), md(field(f, 'rule_id')), md(field(f, 'message')), where(f)])));
    if (e.findings.length > listed.length) out.push('', `… and ${e.findings.length - listed.length} more.`);
  }
  if (e.evaluated_hash !== hash) out.push('', `These findings describe state ${hashText(e.evaluated_hash)}, not the current one.`);
  out.push('');
  return out;
}

/** The report as Markdown (GFM tables). */
export function renderReportMarkdown(input: ReportInput): string {
  const { design, designHash } = input;
  const readiness = assessReadiness(input);
  const comps = Object.entries(design.components).sort(([ia, a], [ib, b]) => refCompare(a.ref, b.ref) || refCompare(ia, ib));
  const netIds = Object.keys(design.nets).sort((a, b) => refCompare(design.nets[a]!.name, design.nets[b]!.name) || refCompare(a, b));
  const b = design.board;
  const out: string[] = [
    `# Design report: ${md(input.designName)}`,
    '',
    `- Design: ${md(design.meta.name)} ${md(design.meta.version)}`,
    `- Design hash: ${hashText(designHash)}`,
    `- Board: ${b.width_mm} × ${b.height_mm} mm, ${b.layers} copper layer${b.layers === 1 ? '' : 's'}, ${b.thickness_mm} mm thick`,
    `- ${comps.length} components, ${netIds.length} nets, ${Object.keys(design.placement).length} placed, ${design.routing.tracks.length} tracks, ${design.routing.vias.length} vias`,
    '',
    '## Release readiness',
    '',
    readiness.ready
      ? `**Ready for release**: approval ${md(readiness.approvalId)} names this state and ERC and DRC passed on it.`
      : '**Not ready for release.**',
    '',
    ...readiness.reasons.map((r) => `- ${r}`),
    ...(readiness.reasons.length > 0 ? [''] : []),
    '## Checks',
    '',
    ...table(
      ['Check', 'Result', 'Fresh', 'Errors', 'Warnings', 'Info', 'Evaluated hash'],
      (['erc', 'drc'] as const).map((k) => {
        const e = input.evidence[k];
        const state = checkState(e, designHash);
        if (!e) return [k.toUpperCase(), STATE_TEXT[state], 'no', '', '', '', ''];
        return [k.toUpperCase(), e.passed ? 'passed' : 'FAILED', e.evaluated_hash === designHash ? 'yes' : 'no (stale)', String(e.counts.error), String(e.counts.warning), String(e.counts.info), hashText(e.evaluated_hash)];
      }),
    ),
    '',
    '## Findings',
    '',
    ...checkSection('ERC', input.evidence.erc, designHash),
    ...checkSection('DRC', input.evidence.drc, designHash),
    '## Parts',
    '',
    ...(comps.length === 0
      ? ['No components.']
      : table(
          ['Ref', 'Value', 'Footprint', 'MPN', 'Manufacturer', 'DNP', 'Placed'],
          comps.map(([id, c]) => {
            const p = own(design.placement, id);
            const placed = p ? `(${p.x_mm}, ${p.y_mm}) ${p.rotation_deg}° ${p.side}` : 'no';
            return [md(c.ref), md(c.value), md(c.footprint), md(c.mpn), md(c.manufacturer), c.dnp ? 'yes' : '', placed];
          }),
        )),
    '',
    '## Nets',
    '',
    ...(netIds.length === 0
      ? ['No nets.']
      : table(
          ['Net', 'Type', 'Nodes', 'Connections'],
          netIds.map((id) => {
            const n = design.nets[id]!;
            const nodes = n.nodes.map((node) => `${md(own(design.components, node.component)?.ref ?? node.component)}.${md(node.pin)}`);
            return [md(n.name), n.type, String(n.nodes.length), nodes.join(', ')];
          }),
        )),
    '',
    '## Approvals',
    '',
    ...(input.approvals.length === 0
      ? ['None.']
      : table(
          ['Approval', 'Design hash', 'This state'],
          input.approvals.map((a) => [md(a.approval_id), hashText(a.design_hash), a.design_hash === designHash ? 'yes' : 'no']),
        )),
  ];
  return out.join('\n') + '\n';
}
