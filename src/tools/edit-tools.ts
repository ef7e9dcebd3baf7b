import { z } from 'zod';
import { checkIndependentApproval } from '../runtime/approval-policy.js';
import { authorsOf } from '../runtime/projections/authorship.js';
import { notReserved } from './text-fields.js';
import { own } from '../kernel/own.js';
import { ZapTraceError } from '../kernel/errors.js';
import { Board, PinType, type Component, type Pin } from '../eda/model/design.js';
import { componentById, idsWithRef } from '../runtime/projections/component-table.js';
import { DesignName, requireDesign, sessionTool, looseObject } from './define.js';
import { designSummary } from './design-views.js';
import { footprintFromLibrary, refuseWithdrawnPart } from './part-footprints.js';

const Ref = notReserved(z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a reference designator such as R1, U3 or TP_1'));
const PinSpec = z.object({ name: notReserved(z.string().min(1).max(64)), type: PinType.default('unspecified'), number: z.string().min(1).max(32).optional() }).strict();
/** What the approver checked, in their own words; recorded in the approval and the release manifest. */
export const Statement = z.string().trim().min(1, 'statement must not be empty: say what you reviewed').max(2000);
/**
 * The component component_add records, field for field what `Component.parse` gives for the same
 * input (the schema's key order and defaults).
 */
export function newComponent(id: string, input: { ref: string; type_name: string; value?: string | undefined; footprint?: string | undefined; part_id?: string | undefined }, pins: Record<string, Pin>): Component {
  return {
    id,
    ref: input.ref,
    type: input.type_name,
    value: input.value ?? null,
    footprint: input.footprint ?? null,
    part_id: input.part_id ?? null,
    mpn: null,
    manufacturer: null,
    description: '',
    dnp: false,
    locked: false,
    voltage_supply: '',
    pins,
    properties: {},
  };
}

const EditResult = looseObject({ design_name: z.string(), design_hash: z.string(), revision: z.number() });

export const editTools = [
  sessionTool({
    name: 'component_add',
    title: 'Add a component',
    description: 'Adds a component to a design, optionally connecting its pins to existing nets (connections: pin name → net id or name).',
    level: 'sandbox-write',
    input: {
      design_name: DesignName,
      ref: Ref,
      type_name: z.string().min(1).max(120),
      component_id: Ref.optional().describe('Map key of the component; defaults to ref.'),
      value: z.string().max(120).optional(),
      footprint: z.string().max(200).optional(),
      part_id: z.string().max(200).optional(),
      pins: z.array(PinSpec).max(2000).default([]),
      connections: z.record(notReserved(z.string().max(64)), z.string().max(200)).default({}),
    },
    output: EditResult,
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      const design = entry.design;
      const id = input.component_id ?? input.ref;
      // Index lookups (component-table.ts): an edit must not read every component of a large design.
      const format = ctx.state.design_hash_format;
      if (componentById(design, id, format)) throw new ZapTraceError('INVALID_INPUT', `component id "${id}" already exists`, { path: 'component_id' });
      if (idsWithRef(design, input.ref, format).length > 0) {
        throw new ZapTraceError('INVALID_INPUT', `reference ${input.ref} is already used in this design`, { path: 'ref' });
      }
      // Built as Component.parse would build it (key order, defaults, a plain pins record): every field
      // already passed this tool's input schema, which is stricter than Component's, so parsing again
      // could only copy. test/runtime/component-add-build.test.ts holds the two equal.
      const pins: Record<string, Pin> = {};
      for (const p of input.pins) {
        if (Object.hasOwn(pins, p.name)) throw new ZapTraceError('INVALID_INPUT', `pin ${p.name} is listed twice`, { path: 'pins' });
        pins[p.name] = { name: p.name, type: p.type, number: p.number ?? null, description: '' };
      }
      const connections: { net: string; pin: string }[] = [];
      for (const [pin, netKey] of Object.entries(input.connections)) {
        const net = own(design.nets, netKey) ?? Object.values(design.nets).find((n) => n.name === netKey);
        if (!net) throw new ZapTraceError('INVALID_INPUT', `no net "${netKey}" in the design`, { path: `connections.${pin}` });
        if (input.pins.length > 0 && !Object.hasOwn(pins, pin)) throw new ZapTraceError('INVALID_INPUT', `pin ${pin} is not among the declared pins`, { path: `connections.${pin}` });
        if (!Object.hasOwn(pins, pin)) pins[pin] = { name: pin, type: 'unspecified', number: null, description: '' };
        connections.push({ net: net.id, pin });
      }
      const asked = newComponent(id, input, pins);
      refuseWithdrawnPart(asked, ctx.services.library);
      const { component } = footprintFromLibrary(asked, ctx.services.library);
      return {
        events: [{ type: 'ComponentAdded', data: { design_name: input.design_name, component, connections } }],
        after: (s) => designSummary(input.design_name, requireDesign(s, input.design_name)),
      };
    },
  }),
  sessionTool({
    name: 'component_remove',
    title: 'Remove a component',
    description: 'Removes a component (by component_id or ref) and its nodes from every net.',
    level: 'sandbox-write',
    input: { design_name: DesignName, component_id: z.string().max(200).optional(), ref: z.string().max(200).optional() },
    output: EditResult,
    handler(input, ctx) {
      const design = requireDesign(ctx.state, input.design_name).design;
      const key = input.component_id ?? input.ref;
      if (key === undefined) throw new ZapTraceError('INVALID_INPUT', 'give component_id or ref', { path: 'component_id' });
      const format = ctx.state.design_hash_format;
      const byRef = input.ref !== undefined ? idsWithRef(design, input.ref, format) : [];
      // A ref names a component only when exactly one carries it (as componentByRef in the model).
      const component = componentById(design, key, format) ?? (byRef.length === 1 ? componentById(design, byRef[0]!, format) : undefined);
      if (!component) throw new ZapTraceError('NOT_FOUND', `no component "${key}" in design ${input.design_name}`, { path: input.component_id !== undefined ? 'component_id' : 'ref' });
      return {
        events: [{ type: 'ComponentRemoved', data: { design_name: input.design_name, component_id: component.id } }],
        after: (s) => designSummary(input.design_name, requireDesign(s, input.design_name)),
      };
    },
  }),
  sessionTool({
    name: 'board_update',
    title: 'Update the board',
    description: 'Changes board size, layer count or minimum design rules (mm).',
    level: 'sandbox-write',
    input: {
      design_name: DesignName,
      width_mm: Board.shape.width_mm.optional(),
      height_mm: Board.shape.height_mm.optional(),
      layers: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(6), z.literal(8)]).optional(),
      min_trace_width_mm: Board.shape.min_trace_width_mm.unwrap().optional(),
      min_clearance_mm: Board.shape.min_clearance_mm.unwrap().optional(),
      min_via_diameter_mm: Board.shape.min_via_diameter_mm.unwrap().optional(),
      min_via_drill_mm: Board.shape.min_via_drill_mm.unwrap().optional(),
      thickness_mm: Board.shape.thickness_mm.unwrap().optional(),
    },
    output: EditResult,
    handler(input, ctx) {
      requireDesign(ctx.state, input.design_name);
      const { design_name, ...changes } = input;
      const board = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && k !== 'session_id'));
      if (Object.keys(board).length === 0) throw new ZapTraceError('INVALID_INPUT', 'nothing to change: give at least one board field', { path: '' });
      return {
        events: [{ type: 'BoardUpdated', data: { design_name, board } }],
        after: (s) => designSummary(design_name, requireDesign(s, design_name)),
      };
    },
  }),
  sessionTool({
    name: 'design_commit',
    title: 'Approve one exact design state',
    description:
      "Records an approval (non-empty approval_id and the approver's statement) bound to the design-state hash as it is now. The approver must not have authored any change of the design (SELF_APPROVAL): the owner names a reviewer with session_add_reviewer. An edit afterwards makes the approval stale.",

    level: 'approved-commit',
    input: {
      design_name: DesignName,
      approval_id: z.string().trim().min(1, 'approval_id must not be empty').max(200),
      statement: Statement,
      note: z.string().max(2000).default(''),
      expected_hash: z.string().regex(/^[0-9a-f]{64}$/).optional().describe('Refuse (STALE_STATE) unless the design is still in this state.'),
    },
    output: z.object({ design_name: z.string(), approval_id: z.string(), design_hash: z.string(), seq: z.number() }),
    handler(input, ctx) {
      const entry = requireDesign(ctx.state, input.design_name);
      if (input.expected_hash !== undefined && input.expected_hash !== entry.hash) {
        throw new ZapTraceError('STALE_STATE', 'the design changed since you reviewed it', { expected_hash: input.expected_hash, current_hash: entry.hash });
      }
      const self = checkIndependentApproval(ctx.services.approvalPolicy, ctx.call.principal.id, authorsOf(ctx.state, input.design_name), input.design_name);
      const data = { design_name: input.design_name, approval_id: input.approval_id, design_hash: entry.hash, note: input.note, approver: ctx.call.principal.id, statement: input.statement, self_approval: self };
      return {
        events: [{ type: 'DesignCommitted', data }],
        after: (s) => ({ design_name: input.design_name, approval_id: input.approval_id, design_hash: entry.hash, seq: s.seq }),
      };
    },
  }),
];
