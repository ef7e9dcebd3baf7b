import type { Design } from '../model/design.js';

/**
 * The checks a proof run can make on a design (docs/zaptrace-parity.md, "Proofs"). ERC and DRC are
 * recorded as ValidationRecorded evidence bound to the evaluated design hash — the evidence the
 * release gate reads (contract.md) — exactly as erc_validate and drc_run record it; the electrical
 * pre-check and the DC-bias estimate are advice, returned but not recorded.
 */
export const PROOF_CHECKS = [
  { id: 'erc', records: true, what: 'electrical rules, as erc_validate' },
  { id: 'drc', records: true, what: 'copper geometry, as drc_run; needs every part placed' },
  { id: 'electrical', records: false, what: 'rail loads, LDO dissipation, resistor power, pull-ups (electrical_analysis)' },
  { id: 'dc_bias', records: false, what: 'ceramic capacitors under DC bias (dc_bias_check)' },
] as const;

export type ProofCheck = (typeof PROOF_CHECKS)[number]['id'];
export const PROOF_CHECK_IDS = PROOF_CHECKS.map((c) => c.id) as [ProofCheck, ...ProofCheck[]];

/** Why a check cannot judge this design, or null when it can. */
export function notApplicable(check: ProofCheck, d: Design): string | null {
  if (check !== 'drc') return null;
  const unplaced = Object.values(d.components).filter((c) => !c.dnp && !Object.hasOwn(d.placement, c.id)).length;
  return unplaced > 0 ? `${unplaced} part(s) not placed: run place_components first` : null;
}

export function proofCatalogue(d?: Design) {
  return PROOF_CHECKS.map((c) => {
    const why = d ? notApplicable(c.id, d) : null;
    return { ...c, ...(d ? { applicable: why === null } : {}), ...(why ? { reason: why } : {}) };
  });
}
