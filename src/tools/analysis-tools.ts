import { dcBias } from '../eda/plan/dc-bias.js';
import { electricalAnalysis } from '../eda/plan/electrical.js';
import { suggestPatches } from '../eda/plan/patches.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { designText, runHeavy } from './heavy.js';

/**
 * Electrical reads of a design (docs/zaptrace-parity.md, "Electrical pre-checks"): nothing is recorded
 * and nothing applied; each answer names the design_hash it judged. simulation_gate is the tool that
 * records evidence.
 */
const Out = looseObject({});

export const analysisTools = [
  sessionTool({
    name: 'dc_bias_check',
    title: 'DC bias per rail',
    description: 'Per rail: voltage, estimated current, and each ceramic capacitor\'s capacitance left under DC bias. Records nothing.',
    level: 'read',
    input: { design_name: DesignName },
    output: Out,
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      return { result: { design_hash: entry.hash, ...dcBias(entry.design, ctx.services.library.lookup) } };
    },
  }),
  sessionTool({
    name: 'electrical_analysis',
    title: 'Electrical pre-check',
    description: 'Rail loads vs regulator ratings, LDO dissipation, resistor power, I2C pull-ups, floating inputs. Records nothing.',
    level: 'read',
    input: { design_name: DesignName },
    output: Out,
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      return { result: { design_hash: entry.hash, ...electricalAnalysis(entry.design, ctx.services.library.lookup) } };
    },
  }),
  sessionTool({
    name: 'patch_suggest',
    title: 'Suggest ERC patches',
    description: 'For each ERC finding, component_add calls that would repair it. Never applied.',
    level: 'read',
    input: { design_name: DesignName },
    output: Out,
    async handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const report = await runHeavy(ctx, 'erc', { design: designText(entry.design) });
      const findings = suggestPatches(entry.design, report.findings, ctx.services.library, input.design_name);
      return { result: { design_hash: entry.hash, erc_passed: report.passed, findings } };
    },
  }),
];
