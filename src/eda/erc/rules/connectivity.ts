import type { ErcRule, RuleHit } from '../types.js';
import { cmp, isPowerType, livePins, uniqSorted, type Netlist } from '../netlist.js';
import { hit, list } from './hit.js';

/**
 * Structural rules: names, references and whether every pin is connected as declared. These follow
 * KiCad's ERC checks of the same intent (duplicate references, unconnected pins, pins connected to a
 * no-connect, single-pin nets) and ZapTrace's ERC001/002/004/012/017/019/023.
 */

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function duplicateRefs(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const [ref, comps] of groupBy(nl.components, (c) => c.ref)) {
    if (comps.length < 2) continue;
    const ids = comps.map((c) => c.id).sort(cmp);
    hits.push(
      hit(`Reference ${ref} is used by ${comps.length} components (ids ${list(ids)}).`, `Give each component a unique reference (e.g. renumber the copies of ${ref}).`, {
        components: [ref],
      }),
    );
  }
  return hits;
}

function duplicateNetNames(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const [name, nets] of groupBy(nl.nets, (n) => n.name)) {
    if (nets.length < 2) continue;
    hits.push(
      hit(`Net name ${name} is used by ${nets.length} nets (ids ${list(nets.map((n) => n.id).sort(cmp))}): exports would merge or drop them.`, 'Merge the nets into one, or rename them.', {
        nets: [name],
      }),
    );
  }
  return hits;
}

function caseCollisions(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const nets of groupBy(nl.nets, (n) => n.name.toLowerCase()).values()) {
    const names = uniqSorted(nets.map((n) => n.name));
    if (names.length < 2) continue;
    hits.push(
      hit(`Nets ${list(names)} differ only in letter case: they were probably meant to be one net.`, 'Use one spelling and merge the nets, or rename one to make the difference explicit.', {
        nets: names,
      }),
    );
  }
  return hits;
}

function unknownNodes(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    for (const u of net.unknown) {
      const what = u.reason === 'component' ? `component ${u.component}, which does not exist` : `pin ${u.pin} of ${u.component}, which the component does not declare`;
      hits.push(
        hit(`Net ${net.name} names ${what}.`, 'Remove the node, or add the component/pin it refers to.', {
          components: u.reason === 'pin' ? [u.component] : [],
          nets: [net],
          pins: [`${u.component}.${u.pin}`],
        }),
      );
    }
  }
  return hits;
}

function singleNode(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    const count = net.pins.length + net.unknown.length;
    if (count >= 2) continue;
    const only = net.pins[0];
    if (only && only.type === 'no_connect') continue;
    const msg = only ? `Net ${net.name} connects only ${only.key}: nothing else is on it.` : `Net ${net.name} connects no pins.`;
    hits.push(hit(msg, only ? `Connect ${only.key} to its destination, or remove the net (mark the pin no-connect if unused).` : `Remove the empty net ${net.name}.`, {
      components: only ? [only.comp] : [],
      nets: [net],
      pins: only ? [only] : [],
    }));
  }
  return hits;
}

/** Characters that break exports: whitespace, quotes, and Gerber X2 field separators (Gerber spec §5.6: ',' '*' '%'). */
const BAD_NET_CHARS = /[\s,*%"'\\{}]|[^\x20-\x7e]/;

function netNameCharacters(nl: Netlist): RuleHit[] {
  return nl.nets
    .filter((n) => BAD_NET_CHARS.test(n.name))
    .map((n) =>
      hit(`Net name "${n.name}" contains whitespace, quotes, non-ASCII or Gerber-reserved characters (, * %).`, 'Use letters, digits and _ + - . / in net names.', { nets: [n] }),
    );
}

function unconnectedPins(nl: Netlist, power: boolean): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp) continue;
    const pins = [...c.pins.values()].filter((p) => p.declared && p.nets.length === 0 && p.type !== 'no_connect' && isPowerType(p.type) === power);
    if (pins.length === 0) continue;
    const what = power ? 'power pin' : 'pin';
    hits.push(
      hit(
        `${c.ref} has ${pins.length === 1 ? `a ${what}` : `${what}s`} in no net: ${list(pins.map((p) => `${p.name} (${p.type})`))}.`,
        power ? `Connect the supply pins of ${c.ref} to their rail or ground.` : `Connect the pins of ${c.ref}, or mark unused ones no_connect.`,
        { components: [c], pins },
      ),
    );
  }
  return hits;
}

/**
 * Library power pins the design leaves out. Only when every pin the design declares is a library pin
 * (so the names are the library's and a missing name really is a missing connection).
 */
function libraryPowerUnconnected(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const c of nl.components) {
    if (c.dnp || !c.part || c.role === 'connector') continue;
    const libNames = new Set(c.part.pins.map((p) => p.name.toLowerCase()));
    const declared = [...c.pins.values()];
    if (declared.length === 0 || !declared.every((p) => libNames.has(p.name.toLowerCase()))) continue;
    const connected = new Set(declared.filter((p) => p.nets.length > 0).map((p) => p.name.toLowerCase()));
    const missing = c.part.pins.filter((p) => isPowerType(p.type) && !connected.has(p.name.toLowerCase())).map((p) => p.name);
    if (missing.length === 0) continue;
    hits.push(
      hit(
        `${c.ref} (${c.part.name}) leaves library power pin${missing.length > 1 ? 's' : ''} ${list(missing)} unconnected.`,
        `Connect ${list(missing)} of ${c.ref} to the right rail or ground (check the datasheet).`,
        { components: [c], pins: missing.map((m) => `${c.ref}.${m}`) },
      ),
    );
  }
  return hits;
}

function noConnectConnected(nl: Netlist): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const net of nl.nets) {
    const pins = livePins(net);
    for (const nc of pins.filter((p) => p.type === 'no_connect')) {
      const others = pins.filter((p) => p !== nc);
      if (others.length === 0) continue;
      hits.push(
        hit(`${nc.key} is a no-connect pin but net ${net.name} joins it to ${list(others.map((p) => p.key))}.`, `Leave ${nc.key} unconnected unless the datasheet allows tying it.`, {
          components: [nc.comp, ...others.map((p) => p.comp)],
          nets: [net],
          pins: [nc],
        }),
      );
    }
  }
  return hits;
}

export const CONNECTIVITY_RULES: readonly ErcRule[] = [
  {
    id: 'ref.duplicate',
    severity: 'error',
    category: 'naming',
    title: 'Duplicate reference designator',
    description: 'Checks that every component has a reference designator of its own.',
    zaptrace: ['ERC017'],
    check: duplicateRefs,
  },
  {
    id: 'net.duplicate-name',
    severity: 'error',
    category: 'naming',
    title: 'Duplicate net name',
    description: 'Checks that no two nets share a name.',
    zaptrace: ['ERC004'],
    check: duplicateNetNames,
  },
  {
    id: 'net.case-collision',
    severity: 'warning',
    category: 'naming',
    title: 'Net names differing only in case',
    description: 'Checks for nets whose names differ only in letter case (GND and gnd).',
    zaptrace: ['ERC004', 'ERC015'],
    check: caseCollisions,
  },
  {
    id: 'net.unknown-node',
    severity: 'error',
    category: 'connectivity',
    title: 'Net names an unknown component or pin',
    description: 'Checks that every net node names an existing component and a pin that component has.',
    zaptrace: [],
    check: unknownNodes,
  },
  {
    id: 'net.single-node',
    severity: 'warning',
    category: 'connectivity',
    title: 'Net with fewer than two pins',
    description: 'Checks that every net connects at least two pins.',
    zaptrace: ['ERC012'],
    check: singleNode,
  },
  {
    id: 'net.name-characters',
    severity: 'info',
    category: 'naming',
    title: 'Net name with awkward characters',
    description: 'Checks net names for whitespace, quotes, non-ASCII and Gerber-reserved characters.',
    zaptrace: ['ERC019'],
    check: netNameCharacters,
  },
  {
    id: 'pin.power-unconnected',
    severity: 'error',
    category: 'connectivity',
    title: 'Power pin not connected',
    description: 'Checks that every declared power-input or power-output pin is in a net.',
    zaptrace: ['ERC001'],
    check: (nl) => unconnectedPins(nl, true),
  },
  {
    id: 'pin.unconnected',
    severity: 'warning',
    category: 'connectivity',
    title: 'Pin not connected',
    description: 'Checks that every declared signal pin is in a net or typed no_connect.',
    zaptrace: ['ERC002'],
    check: (nl) => unconnectedPins(nl, false),
  },
  {
    id: 'pin.library-power-unconnected',
    severity: 'warning',
    category: 'connectivity',
    title: 'Library power pin left out',
    description: 'Checks that the power pins the library lists for a part are connected when the design uses the library pin names.',
    zaptrace: ['ERC001'],
    check: libraryPowerUnconnected,
  },
  {
    id: 'pin.no-connect-connected',
    severity: 'warning',
    category: 'connectivity',
    title: 'No-connect pin wired',
    description: 'Checks that pins typed no_connect share no net with other pins.',
    zaptrace: ['ERC023'],
    check: noConnectConnected,
  },
];

