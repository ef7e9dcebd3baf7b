import { describe, expect, it } from 'vitest';
import { writeKicadSch, netLabels } from '../../../../src/eda/export/kicad-sch/index.js';
import { writeKicadPro } from '../../../../src/eda/export/kicad/index.js';
import { runErc } from '../../../../src/eda/erc/index.js';
import { buildNetlist } from '../../../../src/eda/erc/netlist.js';
import { padNumberOf, type Design } from '../../../../src/eda/model/design.js';
import { requireKicadOrSkip, runKicadErc } from './kicad-erc.js';
import { netlistNets } from './sexpr-read.js';
import { cleanBoard, hostile, tinyLed, twoOutputs, unsourced, outputRail } from './fixtures.js';

/**
 * Our .kicad_sch read by KiCad 9 (`kicad-cli sch erc`, `kicad-cli sch export netlist`): it loads,
 * KiCad's ERC agrees with ours on clean and broken designs, and KiCad's netlist has exactly our
 * connectivity. Skipped without kicad-cli; in CI (CI=true) a missing kicad-cli fails the suite.
 */
const hasKicad = requireKicadOrSkip();

const errorsOf = (r: { violations: { severity: string; type: string }[] }) => r.violations.filter((v) => v.severity === 'error').map((v) => v.type);

/** Our nets as KiCad should see them: "<label>" (global labels: no sheet prefix) → sorted "REF.PADNUMBER". */
function expectedNets(design: Design): Map<string, string[]> {
  const labels = netLabels(design);
  const nl = buildNetlist(design);
  const out = new Map<string, string[]>();
  for (const net of nl.nets) {
    if (net.pins.length === 0) continue;
    const nodes = net.pins.map((p) => {
      const declared = p.comp.component.pins[p.name];
      return `${p.comp.ref}.${declared ? padNumberOf(declared) : p.name}`;
    });
    out.set(labels.get(net.id)!, nodes.sort());
  }
  return out;
}

/** KiCad's named nets (not its "unconnected-(...)" singletons), without power-flag symbols. */
function kicadNamedNets(netlist: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, nodes] of netlistNets(netlist)) {
    if (name.startsWith('unconnected-')) continue;
    out.set(name, nodes.filter((n) => !n.startsWith('#')));
  }
  return out;
}

describe.runIf(hasKicad)('kicad-cli sch erc on our schematic', () => {
  it('tiny-led: loads, no ERC violation of any severity, and KiCad sees our three nets', async () => {
    const d = tinyLed();
    const r = await runKicadErc(writeKicadSch(d), writeKicadPro(d), { allSeverities: true, netlist: true });
    expect(r.loaded).toBe(true);
    expect(r.violations.map((v) => v.type)).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(kicadNamedNets(r.netlist!)).toEqual(expectedNets(d));
  }, 60_000);

  it('the ERC-clean reference board: 0 KiCad errors (as our ERC says), no off-grid endpoint, same connectivity', async () => {
    const d = cleanBoard();
    expect(runErc(d).passed).toBe(true);
    const errOnly = await runKicadErc(writeKicadSch(d), writeKicadPro(d));
    expect(errOnly.exitCode).toBe(0);
    expect(errorsOf(errOnly)).toEqual([]);
    const all = await runKicadErc(writeKicadSch(d), writeKicadPro(d), { allSeverities: true, netlist: true });
    expect(all.violations.map((v) => v.type)).not.toContain('endpoint_off_grid');
    expect(kicadNamedNets(all.netlist!)).toEqual(expectedNets(d));
  }, 60_000);

  it('two outputs on one net: KiCad reports pin_to_pin, as our ERC reports a driver conflict', async () => {
    const d = twoOutputs();
    const ours = runErc(d);
    expect(ours.findings.filter((f) => f.severity === 'error' && f.nets.includes('CLASH')).length).toBeGreaterThan(0);
    const r = await runKicadErc(writeKicadSch(d), writeKicadPro(d));
    expect(r.exitCode).toBe(5);
    const clash = r.violations.filter((v) => v.type === 'pin_to_pin' && v.severity === 'error');
    expect(clash).toHaveLength(1);
    expect(clash[0]!.items.map((i) => i.description).join(' ')).toMatch(/U1 Pin Y.*U2 Pin Y/);
    // Nothing else is wrong with the design in KiCad's view.
    expect(errorsOf(r)).toEqual(['pin_to_pin']);
  }, 60_000);

  it('an unsupplied power net stays an error (power_pin_not_driven), as in our ERC; a supplied one does not', async () => {
    const d = unsourced();
    expect(runErc(d).findings.map((f) => f.rule_id)).toContain('power.not-driven');
    const r = await runKicadErc(writeKicadSch(d), writeKicadPro(d));
    expect(errorsOf(r)).toEqual(['power_pin_not_driven']);
    expect(r.violations[0]!.items[0]!.description).toContain('U1 Pin VDD');
    const rail = outputRail();
    const ok = await runKicadErc(writeKicadSch(rail), writeKicadPro(rail));
    expect(errorsOf(ok)).toEqual([]);
  }, 60_000);

  it('hostile refs, values, pin names and net names load, and keep their nets apart', async () => {
    const d = hostile();
    const r = await runKicadErc(writeKicadSch(d), writeKicadPro(d), { allSeverities: true, netlist: true });
    expect(r.loaded).toBe(true);
    expect(r.exitCode).not.toBe(3);
    const got = kicadNamedNets(r.netlist!);
    expect(got).toEqual(expectedNets(d));
    expect([...got.values()].flat()).toContain('R"1) (kicad_sch\\."p1');
  }, 60_000);

  it('a truncated file does not load (exit code 3): the oracle really reads what we write', async () => {
    const d = tinyLed();
    const sch = writeKicadSch(d);
    const r = await runKicadErc(sch.slice(0, sch.length - 40), writeKicadPro(d));
    expect(r.exitCode).toBe(3);
    expect(r.loaded).toBe(false);
  }, 60_000);
});
