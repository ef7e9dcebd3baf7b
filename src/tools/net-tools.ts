import { z } from 'zod';
import { notReserved } from './text-fields.js';
import { own } from '../kernel/own.js';
import { ZapTraceError } from '../kernel/errors.js';
import { NetType, componentByRef, type Design } from '../eda/model/design.js';
import { DesignName, looseObject, requireDesign, sessionTool } from './define.js';
import { designSummary } from './design-views.js';

const NodeRef = z.string().min(3).max(200).regex(/^[^.\s]+\.[^\s]+$/, 'a node as REF.PIN');
const EditResult = looseObject({ design_name: z.string(), design_hash: z.string(), revision: z.number() });

function netOf(design: Design, key: string) {
  const net = own(design.nets, key) ?? Object.values(design.nets).find((n) => n.name === key);
  if (!net) throw new ZapTraceError('NOT_FOUND', `no net "${key}" in the design`, { path: 'net' });
  return net;
}

/** "REF.PIN" → the component id and pin, refusing unknown parts and, where pins are declared, unknown pins. */
function resolveNode(design: Design, text: string, path: string) {
  const dot = text.indexOf('.');
  const ref = text.slice(0, dot);
  const pin = text.slice(dot + 1);
  const comp = componentByRef(design, ref) ?? own(design.components, ref);
  if (!comp) throw new ZapTraceError('INVALID_INPUT', `no component ${ref} in the design`, { path });
  if (Object.keys(comp.pins).length > 0 && !own(comp.pins, pin)) throw new ZapTraceError('INVALID_INPUT', `${ref} has no pin ${pin}`, { path });
  return { component: comp.id, pin };
}

export const netTools = [
  sessionTool({
    name: 'net_add',
    title: 'Add a net',
    description: 'Adds an empty net to a design (connect pins to it with net_connect).',
    level: 'sandbox-write',
    input: { design_name: DesignName, name: notReserved(z.string().min(1).max(120).regex(/^[^\s\u0000-\u001f]+$/, 'a net name without spaces or control characters')), type: NetType.default('signal') },
    output: EditResult,
    handler(input, ctx) {
      const design = requireDesign(ctx.state, input.design_name).design;
      if (Object.hasOwn(design.nets, input.name) || Object.values(design.nets).some((n) => n.name === input.name)) {
        throw new ZapTraceError('INVALID_INPUT', `a net named ${input.name} exists already`, { path: 'name' });
      }
      return {
        events: [{ type: 'NetAdded', data: { design_name: input.design_name, net: { id: input.name, name: input.name, type: input.type } } }],
        after: (s) => designSummary(input.design_name, requireDesign(s, input.design_name)),
      };
    },
  }),
  sessionTool({
    name: 'net_connect',
    title: 'Connect pins to a net',
    description: 'Connects pins (REF.PIN) to a net, and disconnects others from it, in one edit. A pin already on another net must be disconnected there first.',
    level: 'sandbox-write',
    input: { design_name: DesignName, net: z.string().min(1).max(200), connect: z.array(NodeRef).max(500).default([]), disconnect: z.array(NodeRef).max(500).default([]) },
    output: EditResult,
    handler(input, ctx) {
      const design = requireDesign(ctx.state, input.design_name).design;
      const net = netOf(design, input.net);
      const connect = input.connect.map((t, i) => resolveNode(design, t, `connect.${i}`));
      const disconnect = input.disconnect.map((t, i) => resolveNode(design, t, `disconnect.${i}`));
      for (const [i, n] of connect.entries()) {
        const other = Object.values(design.nets).find((x) => x.nodes.some((m) => m.component === n.component && m.pin === n.pin));
        if (other) throw new ZapTraceError('INVALID_INPUT', `${input.connect[i]} is already on net ${other.name}; a pin on two nets would short them`, { path: `connect.${i}` });
      }
      for (const [i, n] of disconnect.entries()) {
        if (!net.nodes.some((m) => m.component === n.component && m.pin === n.pin)) throw new ZapTraceError('INVALID_INPUT', `${input.disconnect[i]} is not on net ${net.name}`, { path: `disconnect.${i}` });
      }
      if (connect.length + disconnect.length === 0) throw new ZapTraceError('INVALID_INPUT', 'nothing to change: give connect or disconnect', { path: 'connect' });
      return {
        events: [{ type: 'NetNodesChanged', data: { design_name: input.design_name, net: net.id, connect, disconnect } }],
        after: (s) => designSummary(input.design_name, requireDesign(s, input.design_name)),
      };
    },
  }),
];
