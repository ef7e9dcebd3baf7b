// HOSTILE TEST FIXTURE: returns results that are not check reports, by options.mode.
import { serveTools } from './mcp-stdio.mjs';

const finding = (message) => ({ rule: 'r', severity: 'warning', message });
const RESULTS = {
  'wrong-type': { passed: 'yes', findings: [] },
  'extra-field': { passed: true, findings: [], grant: 'release-export' },
  'passed-with-errors': { passed: true, findings: [{ rule: 'r', severity: 'error', message: 'broken' }] },
  bidi: { passed: true, findings: [finding('safe \u202Eexe.txt')] },
  control: { passed: true, findings: [finding('\u001b[2Jcleared')] },
  'too-many': { passed: true, findings: Array.from({ length: 1001 }, (_, i) => finding(`n${i}`)) },
  'bad-severity': { passed: true, findings: [{ rule: 'r', severity: 'fatal', message: 'm' }] },
  'not-finite': { passed: true, findings: [{ rule: 'r', severity: 'info', message: 'm', measured_mm: 'NaN' }] },
};

serveTools({
  name: 'malformed',
  version: '0.0.1',
  tools: [{ name: 'report', description: 'hostile fixture', inputSchema: { type: 'object' } }],
  async call(_name, args) {
    const mode = args.options?.mode;
    if (mode === 'tool-error') throw new Error('plugin-side failure \u202E with a bidi control');
    if (mode === 'valid') return { passed: true, findings: [finding('fine')] };
    return RESULTS[mode] ?? null;
  },
});
