import type { Net, NetNode, NetType } from '../model/design.js';
import type { ComponentDraft } from './components.js';
import { inferredPinType } from './components.js';
import { fail, noteKeys, quote, warn, type ParseContext, type PathSeg } from './context.js';
import { checkIdent } from './sanitize.js';
import { ZtNet, ZtNetConstraints, ZtNodeObject, shapeKeys, type ZtNet as ZtNetT } from './zaptrace-schema.js';

const NET_KEYS = shapeKeys(ZtNet);
const NODE_KEYS = shapeKeys(ZtNodeObject);
const NET_CONSTRAINT_KEYS = shapeKeys(ZtNetConstraints);

/** Finds components by ref first, then by id (ZapTrace: "Component ID or reference designator"). */
export class ComponentIndex {
  private readonly byRef = new Map<string, string[]>();
  constructor(private readonly drafts: Map<string, ComponentDraft>) {
    for (const [id, d] of drafts) {
      const list = this.byRef.get(d.component.ref);
      if (list) list.push(id);
      else this.byRef.set(d.component.ref, [id]);
    }
  }

  duplicateRefs(): [string, string[]][] {
    return [...this.byRef].filter(([, ids]) => ids.length > 1);
  }

  resolve(token: string, path: readonly PathSeg[]): ComponentDraft {
    const ids = this.byRef.get(token);
    if (ids && ids.length > 1) {
      fail(`ref ${quote(token)} is ambiguous (components ${ids.map((i) => quote(i)).join(', ')}); name the component by its id`, path);
    }
    const id = ids?.[0] ?? token;
    const draft = this.drafts.get(id);
    if (!draft) fail(`unknown component ${quote(token)} (no component has this ref or id)`, path);
    return draft;
  }
}

/** Net type for a net the parser had to create from a pin's `net` field, judged by its name. */
function guessNetType(name: string): NetType {
  if (/^(?:A|D|P|CHASSIS_|EARTH_)?(?:GND|VSS)/i.test(name)) return 'ground';
  if (/^(?:\+?\d+V\d*|VCC|VDD|VBUS|VBAT|VIN|VSYS|VOUT|V\d)/i.test(name)) return 'power';
  return 'signal';
}

interface NetBuild {
  nets: Map<string, Net>;
  /** "componentId\u0000pin" → net id, to keep a pin in one net only. */
  owner: Map<string, string>;
}

function nodeKey(component: string, pin: string): string {
  return `${component}\u0000${pin}`;
}

/** Resolves a node to a (component id, pin) and adds inferred pins to components declared without pins. */
function resolveNode(raw: string | { component_ref: string; pin_name: string | number }, index: ComponentIndex, ctx: ParseContext, path: PathSeg[]): NetNode {
  let compToken: string;
  let pin: string;
  if (typeof raw === 'string') {
    // Refs never contain a dot (checked on input), pin names may: split at the FIRST dot.
    const dot = raw.indexOf('.');
    if (dot <= 0 || dot === raw.length - 1) fail(`node ${quote(raw)} must be written "REF.PIN"`, path);
    compToken = raw.slice(0, dot);
    pin = raw.slice(dot + 1);
  } else {
    noteKeys(ctx, raw, path, NODE_KEYS, new Set(), (key) => (key === 'pin' ? '; ZapTrace nodes use "pin_name"' : ''));
    compToken = raw.component_ref;
    pin = String(raw.pin_name);
  }
  checkIdent(pin, 'pin name', path);
  const draft = index.resolve(compToken, path);
  const comp = draft.component;
  if (!(pin in comp.pins)) {
    if (draft.declared) {
      const known = Object.keys(comp.pins);
      const list = known.slice(0, 12).join(', ') + (known.length > 12 ? ', …' : '');
      fail(`pin ${quote(pin)} is not among ${comp.ref}'s declared pins (${list})`, path);
    }
    comp.pins[pin] = { name: pin, type: inferredPinType(comp.ref), number: null, description: '' };
  }
  return { component: comp.id, pin };
}

function addNode(build: NetBuild, net: Net, node: NetNode, ctx: ParseContext, path: PathSeg[], label: string): void {
  const key = nodeKey(node.component, node.pin);
  const owner = build.owner.get(key);
  if (owner === net.id) {
    warn(ctx, path, `node ${label} listed twice in this net; kept once`);
    return;
  }
  if (owner !== undefined) {
    fail(`node ${label} is already in net ${quote(owner)}; a pin belongs to one net (join the nets instead)`, path);
  }
  build.owner.set(key, net.id);
  net.nodes.push(node);
}

function mapNetConstraints(ctx: ParseContext, raw: ZtNetT['constraints'], path: PathSeg[]): Net['constraints'] {
  const out: Net['constraints'] = {};
  if (!raw) return out;
  noteKeys(ctx, raw, path, NET_CONSTRAINT_KEYS, new Set());
  for (const key of NET_CONSTRAINT_KEYS) {
    const v = raw[key as keyof typeof raw];
    if (v !== undefined && v !== null && v !== false) out[key] = v as NonNullable<Net['constraints'][string]>;
  }
  return out;
}

/**
 * Builds the nets: declared nodes first (in input order), then pins whose `net` field names a net that
 * does not list them. Where a pin's `net` field and the nets section disagree, the nets section wins
 * (it is ZapTrace's connectivity; the pin field is a denormalised copy) and a warning says so.
 */
export function buildNets(
  ctx: ParseContext,
  rawNets: Record<string, ZtNetT>,
  drafts: Map<string, ComponentDraft>,
  index: ComponentIndex,
): Map<string, Net> {
  const build: NetBuild = { nets: new Map(), owner: new Map() };
  const byName = new Map<string, string>();
  for (const [id, raw] of Object.entries(rawNets)) {
    const path: PathSeg[] = ['nets', id];
    checkIdent(id, 'net id', path);
    noteKeys(ctx, raw, path, NET_KEYS, new Set());
    if (raw.id !== undefined && raw.id !== id) fail(`id ${quote(raw.id)} differs from its key ${quote(id)}`, [...path, 'id']);
    if (ctx.strict && raw.name === undefined) fail('net name is required', [...path, 'name']);
    const name = raw.name ?? id;
    checkIdent(name, 'net name', [...path, 'name']);
    const clash = byName.get(name);
    if (clash !== undefined) fail(`net name ${quote(name)} is also used by net ${quote(clash)}; net names must be unique`, [...path, 'name']);
    byName.set(name, id);
    const net: Net = {
      id,
      name,
      type: raw.type ?? 'signal',
      nodes: [],
      class: null,
      constraints: mapNetConstraints(ctx, raw.constraints, [...path, 'constraints']),
    };
    build.nets.set(id, net);
    (raw.nodes ?? []).forEach((rawNode, i) => {
      const nodePath = [...path, 'nodes', i];
      const node = resolveNode(rawNode, index, ctx, nodePath);
      addNode(build, net, node, ctx, nodePath, `${drafts.get(node.component)?.component.ref}.${node.pin}`);
    });
  }

  for (const draft of drafts.values()) {
    for (const { pin, net: netRef, path } of draft.pinNets) {
      const label = `${draft.component.ref}.${pin}`;
      const owner = build.owner.get(nodeKey(draft.component.id, pin));
      const target = build.nets.has(netRef) ? netRef : byName.get(netRef);
      if (owner !== undefined) {
        if (owner !== target) warn(ctx, path, `pin says net ${quote(netRef)} but net ${quote(owner)} lists ${label}; the nets section wins`);
        continue;
      }
      let net = target === undefined ? undefined : build.nets.get(target);
      if (!net) {
        checkIdent(netRef, 'net id', path);
        net = { id: netRef, name: netRef, type: guessNetType(netRef), nodes: [], class: null, constraints: {} };
        build.nets.set(netRef, net);
        byName.set(netRef, netRef);
        warn(ctx, path, `net ${quote(netRef)} is not in the nets section; created it (type ${net.type})`);
      }
      addNode(build, net, { component: draft.component.id, pin }, ctx, path, label);
    }
  }
  return build.nets;
}
