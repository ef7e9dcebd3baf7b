import { buildBoardGeometry } from '../eda/board/index.js';
import { mechanicalReview } from '../eda/review/mechanical.js';
import { securityReview } from '../eda/review/security.js';
import { testabilityReport } from '../eda/review/testability.js';
import { complianceChecklist } from '../eda/review/compliance.js';
import type { Design } from '../eda/model/design.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import type { Services } from './services.js';

/**
 * Reviews of the Python ZapTrace (docs/zaptrace-parity.md): read-only advice, each answer carrying
 * the design-state hash it judged so an agent can tell when it went stale (docs/design-hash.md).
 */
/** Open: the reviews' fields are listed in docs/zaptrace-parity.md; tools/list stays small (test/surfaces/tool-metadata.test.ts). */
const Out = looseObject({});
/** Courtyard-to-edge gap asked of non-connector parts (eda/review/mechanical.ts says why 0.5 mm). */
const EDGE_CLEARANCE_MM = 0.5;

/** A read-only review of one design (plus the session's services, e.g. the library): records nothing, answers with the design_hash it judged. */
export function designReview(name: string, title: string, description: string, review: (design: Design, services: Services) => object) {
  return sessionTool({
    name,
    title,
    description,
    level: 'read',
    input: { design_name: DesignName },
    output: Out,
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      return { result: { design_hash: entry.hash, ...review(entry.design, ctx.services) } };
    },
  });
}

export const reviewTools = [
  sessionTool({
    name: 'mechanical_review',
    title: 'Mechanical review',
    description: 'Mounting holes and part-to-edge clearance of the placed board.',
    level: 'read',
    input: { design_name: DesignName },
    output: Out,
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const geometry = buildBoardGeometry(entry.design, ctx.services.resolveFootprint, ctx.services.mapPins);
      return { result: { design_hash: entry.hash, ...mechanicalReview(entry.design, geometry, EDGE_CLEARANCE_MM) } };
    },
  }),
  designReview('testability_report', 'Testability report', 'Probe access per net (test points, connectors) and a bring-up checklist.', testabilityReport),
  designReview('security_review', 'Security exposure', 'Debug, console and boot interfaces reachable at connectors or test points.', securityReview),
  designReview('compliance_checklist', 'Compliance checklist', 'Regimes that apply (RoHS, EMC, radio, battery, USB) and netlist checks: ESD at connectors, Type-C Rd.', complianceChecklist),
];
