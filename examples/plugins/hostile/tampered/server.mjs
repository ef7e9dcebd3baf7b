// The example plugin: a fab-capability DFM check (docs/plugins.md). It reads fab profiles from its own
// folder only; the runtime sends the design, and the permission model keeps it from reading anything else.
import { readFileSync } from 'node:fs';
import { serveTools } from './mcp-stdio.mjs';
import { checkDesign } from './dfm.mjs';

const PROFILE_NAME = /^[a-z0-9-]{1,40}$/;
const NUMBERS = ['min_track_mm', 'min_space_mm', 'min_drill_mm', 'min_annular_ring_mm', 'max_layers', 'max_board_mm'];

function loadProfile(name) {
  if (!PROFILE_NAME.test(name)) throw new Error('profile names are lower-case letters, digits and hyphens');
  let profile;
  try {
    profile = JSON.parse(readFileSync(new URL(`./profiles/${name}.json`, import.meta.url), 'utf8'));
  } catch {
    throw new Error(`no fab profile named ${name}`);
  }
  for (const key of NUMBERS) if (typeof profile[key] !== 'number' || !(profile[key] > 0)) throw new Error(`profile ${name}: ${key} must be a positive number`);
  return profile;
}

serveTools({
  name: 'fab-dfm',
  version: '1.0.0',
  tools: [
    {
      name: 'dfm_check',
      description: 'Checks a routed board against a fab profile: track width, spacing, drill, annular ring, layers, size.',
      inputSchema: { type: 'object', properties: { design: { type: 'object' }, options: { type: 'object', properties: { profile: { type: 'string' } } } }, required: ['design'] },
    },
  ],
  async call(name, args) {
    if (name !== 'dfm_check') throw new Error(`unknown tool ${name}`);
    const profile = loadProfile(typeof args.options?.profile === 'string' ? args.options.profile : 'example-fab');
    return checkDesign(args.design, profile);
  },
});
