import { z } from 'zod';
import { ZapTraceError } from '../kernel/errors.js';
import { listSynthesisTemplates } from '../eda/synth/index.js';
import { DesignName, globalTool, looseObject, requireDesign, sessionTool } from './define.js';
import { runHeavy } from './heavy.js';
import { designSummary } from './design-views.js';
import { INTENT_NAME_WORDS, newDesignName } from './design-names.js';

export const synthTools = [
  globalTool({
    name: 'list_synthesis_templates',
    title: 'Synthesis templates',
    description: 'The board kinds synthesize_design can build, with the keywords that select them.',
    level: 'read',
    input: {},
    output: z.object({ templates: z.array(looseObject({ id: z.string(), title: z.string() })) }),
    handler: () => ({ result: { templates: listSynthesisTemplates() } }),
  }),
  sessionTool({
    name: 'synthesize_design',
    title: 'Synthesize a design from intent',
    description:
      'Turns an intent ("ESP32 I2C sensor node with USB-C power and a BME280") into a NEW design from reviewed templates and parametric blocks, with library parts. Deterministic; explains each choice, lists assumptions, and reports every named element as placed or unmet. Intents with nothing buildable or contradictions are refused.',
    level: 'preview-write',
    input: {
      intent: z.string().min(1).max(2000),
      design_name: DesignName.optional().describe('Name of the new design; derived from the intent when absent.'),
    },
    output: looseObject({ design_name: z.string(), design_hash: z.string(), template: z.string(), choices: z.array(z.unknown()), assumptions: z.array(z.string()), elements: z.array(z.unknown()), unmet: z.array(z.string()) }),
    async handler(input, ctx) {
      const name = newDesignName(ctx.state.designs, input.design_name, input.intent, INTENT_NAME_WORDS, 'synthesis only creates new designs');
      if (!ctx.services.synthesize) throw new ZapTraceError('INVALID_INPUT', 'synthesis is not available in this build', { path: 'intent' });
      const out = await runHeavy(ctx, 'synthesize', { intent: input.intent }, { basis: { [name]: null } });
      return {
        events: [{ type: 'DesignParsed', data: { design_name: name, design: out.design, source: { kind: 'synthesis' }, warnings: [] } }],
        after: (s) => ({ ...designSummary(name, requireDesign(s, name)), template: out.template, choices: out.choices, assumptions: out.assumptions, elements: out.elements, unmet: out.unmet }),
      };
    },
  }),
];
