import type { RuleHit } from '../types.js';
import { uniqSorted, type NlComponent, type NlNet, type NlPin } from '../netlist.js';

/** Builds a finding body with sorted, de-duplicated refs, net names and pins. */
export function hit(
  message: string,
  suggestion: string,
  on: { components?: (NlComponent | string)[]; nets?: (NlNet | string)[]; pins?: (NlPin | string)[] } = {},
): RuleHit {
  return {
    message,
    suggestion,
    components: uniqSorted((on.components ?? []).map((c) => (typeof c === 'string' ? c : c.ref))),
    nets: uniqSorted((on.nets ?? []).map((n) => (typeof n === 'string' ? n : n.name))),
    pins: uniqSorted((on.pins ?? []).map((p) => (typeof p === 'string' ? p : p.key))),
  };
}

/** "a, b and c". */
export function list(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** A note added to messages that rest on a name guess rather than on pin types or library data. */
export const BY_NAME = ' (recognised by name: no pin-type or library data says so)';
