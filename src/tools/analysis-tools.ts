import { dcBias } from '../eda/plan/dc-bias.js';
import { electricalAnalysis } from '../eda/plan/electrical.js';
import { suggestPatches } from '../eda/plan/patches.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { designText, runHeavy } from './heavy.js';
import { designReview } from './review-tools.js';

/**
 * Electrical reads of a design (docs/zaptrace-parity.md, "Electrical pre-checks"): nothing is recorded
 * and nothing applied; each answer names the design_hash it judged. simulation_gate is the tool that
 * records evidence.
 */
const Out = looseObject({});

export const analysisTools = [
  designReview('dc_bias_check', 'DC bias per rail', 'Per rail: voltage, estimated current, and each ceramic capacitor\'s capacitance left under DC bias. Records nothing.', (design, services) => dcBias(design, services.library.lookup)),
  designReview('electrical_analysis', 'Electrical pre-check', 'Rail loads vs regulator ratings, LDO dissipation, resistor power, I2C pull-ups, floating inputs. Records nothing.', (design, services) => electricalAnalysis(design, services.library.lookup)),
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
