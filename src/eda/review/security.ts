import type { Design } from '../model/design.js';
import { componentsByNet, isConnector, isTestPoint } from './parts.js';
import { summarize, type ReviewFinding } from './findings.js';

/**
 * Hardware-security exposure: debug and boot interfaces a person with the board can reach. A debug
 * net that lands on a connector or test point is reported so production can lock it (read-out
 * protection, eFuses, a removed header): OWASP IoT Top 10 (2018), I10 "Lack of Physical Hardening".
 */
const INTERFACES: { name: string; re: RegExp }[] = [
  { name: 'SWD', re: /\b(SWDIO|SWCLK|SWO|SWDCLK)\b/i },
  { name: 'JTAG', re: /\b(JTAG\w*|TMS|TCK|TDI|TDO|TRST)\b/i },
  { name: 'UART console', re: /\b(U?TXD?\d?|U?RXD?\d?|UART\d?_?(TX|RX))\b/i },
  { name: 'boot/strap', re: /\b(BOOT\d?|BOOTSEL|IO0|GPIO0|UPDI|PDI|NRST|RESET)\b/i },
];

export function securityReview(design: Design) {
  const byNet = componentsByNet(design);
  const findings: ReviewFinding[] = [];
  const exposed: { interface: string; net: string; reachable_at: string[] }[] = [];
  for (const net of Object.values(design.nets)) {
    const pinNames = net.nodes.map((n) => n.pin);
    const iface = INTERFACES.find((i) => i.re.test(net.name.replace(/_/g, ' ')) || pinNames.some((p) => i.re.test(p.replace(/_/g, ' '))));
    if (!iface) continue;
    const reach = (byNet.get(net.id) ?? []).filter((c) => isConnector(c) || isTestPoint(c)).map((c) => c.ref);
    if (reach.length === 0) continue;
    exposed.push({ interface: iface.name, net: net.name, reachable_at: reach });
  }
  for (const iface of new Set(exposed.map((e) => e.interface))) {
    const nets = exposed.filter((e) => e.interface === iface);
    findings.push({
      severity: 'warning',
      rule: 'debug-port-exposed',
      message: `${iface} reachable at ${[...new Set(nets.flatMap((n) => n.reachable_at))].join(', ')} (${nets.map((n) => n.net).join(', ')}): lock or remove it for production`,
      refs: [...new Set(nets.flatMap((n) => n.reachable_at))],
    });
  }
  const secure = Object.values(design.components).filter((c) => /ATECC|SE050|OPTIGA|TPM|secure\s*element/i.test(`${c.type} ${c.mpn ?? ''} ${c.value ?? ''}`));
  if (secure.length > 0) findings.push({ severity: 'info', rule: 'secure-element', message: `secure element present: ${secure.map((c) => c.ref).join(', ')}`, refs: secure.map((c) => c.ref) });
  return { ...summarize(findings), exposed };
}
