import type { Design } from '../model/design.js';
import { componentsByNet, isConnector, isTestPoint } from './parts.js';
import { summarize, type ReviewFinding } from './findings.js';

/**
 * Testability: which nets a probe can reach (a test point, or a connector pin). Every power rail and
 * ground should have one, so bring-up can measure it; the bring-up order — shorts, current-limited
 * power, rails, programming, buses — is the usual first-power practice.
 */
export function testabilityReport(design: Design) {
  const byNet = componentsByNet(design);
  const findings: ReviewFinding[] = [];
  const nets = Object.values(design.nets).filter((n) => n.nodes.length > 0);
  const access = nets.map((n) => {
    const parts = byNet.get(n.id) ?? [];
    const tps = parts.filter(isTestPoint).map((c) => c.ref);
    const conns = parts.filter(isConnector).map((c) => c.ref);
    return { net: n.name, type: n.type, test_points: tps, connectors: conns, probeable: tps.length + conns.length > 0 };
  });
  const rails = access.filter((a) => a.type === 'power' || a.type === 'ground');
  for (const r of rails.filter((x) => !x.probeable)) {
    findings.push({ severity: 'warning', rule: 'rail-without-test-point', message: `${r.net} has no test point or connector pin to measure it`, refs: [] });
  }
  const covered = access.filter((a) => a.probeable).length;
  const steps: string[] = [];
  const power = rails.filter((r) => r.type === 'power').map((r) => r.net);
  const ground = rails.find((r) => r.type === 'ground')?.net ?? 'GND';
  if (power.length) steps.push(`Unpowered: measure resistance ${power.join(', ')} → ${ground}; no short.`);
  steps.push('Power from a current-limited supply; note the idle current.');
  if (power.length) steps.push(`Measure ${power.join(', ')} at ${power.map((p) => access.find((a) => a.net === p)?.test_points[0] ?? 'a pad').join(', ')}.`);
  if (Object.values(design.nets).some((n) => /SWDIO|SWCLK|TCK|TMS|UPDI|TXD|RXD|\bTX\b|\bRX\b|USB_D/i.test(n.name))) steps.push('Program and talk to the MCU through its debug/USB/UART port.');
  if (Object.values(design.nets).some((n) => /SDA|SCL/i.test(n.name))) steps.push('Scan the I²C bus; every expected address answers.');
  return { ...summarize(findings), coverage_pct: nets.length ? Math.round((covered / nets.length) * 1000) / 10 : 100, nets: access, bring_up: steps };
}
