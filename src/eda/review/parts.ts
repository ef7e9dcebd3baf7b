import type { Component, Design } from '../model/design.js';

/** Part roles read from reference prefixes (IEEE 315 / common practice: J connector, TP test point, H hole) and type text. */
const prefix = (c: Component) => /^([A-Za-z]+)/.exec(c.ref)?.[1]?.toUpperCase() ?? '';

export const isConnector = (c: Component) => ['J', 'P', 'CN', 'X', 'USB'].includes(prefix(c)) || /connector|header|usb|jack|terminal|socket|plug/i.test(c.type);
export const isTestPoint = (c: Component) => prefix(c) === 'TP' || /test\s*point|testpoint/i.test(`${c.type} ${c.footprint ?? ''}`);
export const isMountingHole = (c: Component) => prefix(c) === 'H' || prefix(c) === 'MH' || /mounting\s*hole|mountinghole/i.test(`${c.type} ${c.footprint ?? ''}`);

/** Net id → components on it. */
export function componentsByNet(design: Design): Map<string, Component[]> {
  const out = new Map<string, Component[]>();
  for (const net of Object.values(design.nets)) {
    const list: Component[] = [];
    for (const n of net.nodes) {
      const c = Object.hasOwn(design.components, n.component) ? design.components[n.component] : undefined;
      if (c && !list.includes(c)) list.push(c);
    }
    out.set(net.id, list);
  }
  return out;
}
