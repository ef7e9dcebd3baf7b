import { z } from 'zod';
import { own } from '../kernel/own.js';
import { ZapTraceError } from '../kernel/errors.js';
import { listErcRules } from '../eda/erc/index.js';
import { listDrcRules } from '../eda/drc/index.js';
import type { SessionState } from '../runtime/projections/session-state.js';
import { DesignName, globalTool, looseObject, requireDesign, sessionTool } from './define.js';
import { designText, runHeavy } from './heavy.js';
import { validationRecorded } from './validation-draft.js';

const Rule = looseObject({ id: z.string(), severity: z.string(), title: z.string() });
const CheckResult = looseObject({ check: z.string(), design_name: z.string(), evaluated_hash: z.string(), passed: z.boolean(), fresh: z.boolean() });

/** The latest result of a check and whether it evaluated the design as it is now. */
function latest(state: SessionState, designName: string, check: 'erc' | 'drc') {
  const entry = requireDesign(state, designName);
  const result = own(state.evidence, designName)?.[check];
  if (!result) throw new ZapTraceError('NOT_FOUND', `no ${check.toUpperCase()} result for ${designName} yet: run ${check === 'erc' ? 'erc_validate' : 'drc_run'}`, { path: 'design_name' });
  return { ...result, fresh: result.evaluated_hash === entry.hash, current_hash: entry.hash };
}

export const checkTools = [
  globalTool({
    name: 'erc_list_rules',
    title: 'ERC rule catalogue',
    description: 'Every electrical rule with its stable id, severity, category and what it checks.',
    level: 'read',
    input: {},
    output: z.object({ rules: z.array(Rule) }),
    handler: () => ({ result: { rules: listErcRules() as never } }),
  }),
  sessionTool({
    name: 'erc_validate',
    title: 'Run ERC and record the evidence',
    description: 'Runs the electrical rules on the design as it is now and records a ValidationRecorded event carrying the evaluated design-state hash.',
    level: 'sandbox-write',
    input: { design_name: DesignName },
    output: CheckResult,
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const report = await runHeavy(ctx, 'erc', { design: designText(entry.design) }, { basis: { [input.design_name]: entry.hash } });
      return { events: [validationRecorded(input.design_name, 'erc', report, entry.hash)], after: (s) => latest(s, input.design_name, 'erc') };
    },
  }),
  sessionTool({
    name: 'erc_get_result',
    title: 'Latest ERC result',
    description: 'The latest ERC result of a design and whether it is fresh for the current state.',
    level: 'read',
    input: { design_name: DesignName },
    output: CheckResult,
    handler: (input, ctx) => ({ result: latest(ctx.state, input.design_name, 'erc') }),
  }),
  globalTool({
    name: 'drc_list_rules',
    title: 'DRC rule catalogue',
    description: 'Every design rule with its id, severity and what it checks.',
    level: 'read',
    input: {},
    output: z.object({ rules: z.array(Rule) }),
    handler: () => ({ result: { rules: listDrcRules() as never } }),
  }),
  sessionTool({
    name: 'drc_run',
    title: 'Run DRC and record the evidence',
    description: 'Checks the copper geometry (clearances, widths, annular rings, holes, edge, courtyards, shorts and opens from union-find) and records a ValidationRecorded event with the evaluated hash.',
    level: 'sandbox-write',
    input: { design_name: DesignName },
    output: CheckResult,
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const report = await runHeavy(ctx, 'drc', { design: designText(entry.design) }, { basis: { [input.design_name]: entry.hash } });
      return { events: [validationRecorded(input.design_name, 'drc', report, entry.hash)], after: (s) => ({ ...latest(s, input.design_name, 'drc'), stats: report.stats }) };
    },
  }),
  sessionTool({
    name: 'drc_get_result',
    title: 'Latest DRC result',
    description: 'The latest DRC result of a design and whether it is fresh for the current state.',
    level: 'read',
    input: { design_name: DesignName },
    output: CheckResult,
    handler: (input, ctx) => ({ result: latest(ctx.state, input.design_name, 'drc') }),
  }),
];
