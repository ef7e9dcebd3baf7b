import { ZapTraceError } from '../../kernel/errors.js';

/**
 * Type-C configuration-channel resistors, USB Type-C Cable and Connector Specification rel. 2.x:
 * the tables "Source CC Termination (Rp) Requirements" (by advertised current and pull-up rail) and
 * "Sink CC Termination (Rd) Requirements". One resistor per CC pin: CC1 and CC2 are never tied
 * together, since the CC pin that sees the termination tells the plug's orientation.
 */
const RP = {
  default: { '5': { ohm: 56_000, tol: '20%' }, '3.3': { ohm: 36_000, tol: '20%' }, current_source_ua: 80 },
  '1.5': { '5': { ohm: 22_000, tol: '5%' }, '3.3': { ohm: 12_000, tol: '5%' }, current_source_ua: 180 },
  '3.0': { '5': { ohm: 10_000, tol: '5%' }, '3.3': { ohm: 4_700, tol: '5%' }, current_source_ua: 330 },
} as const;

export type UsbCRole = 'sink' | 'source';
export type UsbCCurrent = keyof typeof RP;

export function usbCcResistors(p: { role: UsbCRole; current: UsbCCurrent; pullup_rail_v: '5' | '3.3' }) {
  if (p.role === 'sink') {
    return {
      role: 'sink',
      resistor: 'Rd',
      value_ohm: 5_100,
      tolerance: '10%',
      connect: 'CC1 → 5.1 kΩ → GND and CC2 → 5.1 kΩ → GND (one each, never shared)',
      count: 2,
      source: 'USB Type-C spec, Sink CC Termination (Rd) Requirements',
    };
  }
  const row = RP[p.current];
  if (!row) throw new ZapTraceError('INVALID_INPUT', 'current must be default, 1.5 or 3.0', { path: 'current' });
  const r = row[p.pullup_rail_v];
  return {
    role: 'source',
    resistor: 'Rp',
    value_ohm: r.ohm,
    tolerance: r.tol,
    connect: `CC1 and CC2 each → ${r.ohm / 1000} kΩ → ${p.pullup_rail_v} V`,
    count: 2,
    current_source_alternative_ua: row.current_source_ua,
    advertised: p.current === 'default' ? 'Default USB power (500/900 mA)' : `${p.current} A at 5 V`,
    source: 'USB Type-C spec, Source CC Termination (Rp) Requirements',
  };
}
