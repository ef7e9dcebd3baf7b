import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseSiValue } from '../../../src/kernel/units.js';
import { loadLibrary, type Library } from '../../../src/eda/library/index.js';

const designFile = path.resolve(process.cwd(), '../shared/corpus/zaptrace/designs/esp32_i2c_sensor_node.yaml');

interface RawComponent {
  type: string;
  value?: string;
  footprint?: string;
  part_id?: string;
  mpn?: string;
}

let lib: Library;
let components: [string, RawComponent][];
beforeAll(() => {
  lib = loadLibrary();
  const design = YAML.parse(readFileSync(designFile, 'utf8')) as { components: Record<string, RawComponent> };
  components = Object.entries(design.components);
});

const query = (c: RawComponent) => ({ type: c.type, part_id: c.part_id ?? null, mpn: c.mpn ?? null, value: c.value ?? null, footprint: c.footprint ?? null });

describe('PartLookup on the corpus design esp32_i2c_sensor_node', () => {
  it('resolves every IC and connector by its type, and reports what stays unresolved', () => {
    const resolved = new Map(components.map(([ref, c]) => [ref, lib.lookup(query(c))]));
    // ICs and the connector: the component type is the part's name / id.
    for (const [ref, c] of components) {
      if (['RES', 'CAP', 'TVS', 'TESTPOINT'].includes(c.type)) continue;
      expect(resolved.get(ref)?.id, ref).toBe(c.type.toLowerCase());
    }
    // A generic TVS with value "USB_ESD" and test points have no library record: they must stay
    // unresolved rather than be guessed.
    const unresolved = [...resolved.entries()].filter(([, p]) => p === undefined).map(([ref]) => ref).sort();
    expect(unresolved).toEqual(['D1', 'TP1', 'TP2']);
  });

  it('resolves generic passives by value and package', () => {
    for (const [ref, c] of components) {
      if (c.type !== 'RES' && c.type !== 'CAP') continue;
      const part = lib.lookup(query(c));
      expect(part, ref).toBeDefined();
      expect(part!.package, ref).toBe(c.footprint);
      const kind = c.type === 'RES' ? /^res/ : /^cap/;
      expect(part!.id, ref).toMatch(kind);
      const exists = lib.all().some((p) => kind.test(p.id) && p.package === c.footprint && p.value_si === parseSiValue(c.value!));
      // the exact value when the library has it, else the value-less family part of that package
      expect(part!.value_si, ref).toBe(exists ? parseSiValue(c.value!) : null);
    }
    const c2 = components.find(([ref]) => ref === 'C2')![1];
    expect(lib.lookup(query(c2))?.value_si).toBeNull();
  });

  it('prefers part_id, then mpn, and never guesses past an unknown part_id', () => {
    expect(lib.lookup({ type: 'CAP', part_id: 'bme280', mpn: null, value: '100nF', footprint: '0402' })?.id).toBe('bme280');
    expect(lib.lookup({ type: 'IC', part_id: 'no-such-part', mpn: 'BME280', value: null, footprint: null })).toBeUndefined();
    expect(lib.lookup({ type: 'IC', part_id: null, mpn: 'BME280', value: null, footprint: null })?.id).toBe('bme280');
    // footprint names carrying a chip size select the package
    const r = lib.lookup({ type: 'resistor', part_id: null, mpn: null, value: '4k7', footprint: 'Resistor_SMD:R_0603_1608Metric' });
    expect(r).toMatchObject({ package: '0603', value_si: 4700 });
    expect(lib.lookup({ type: 'RES', part_id: null, mpn: null, value: '4.7kΩ', footprint: null })?.value_si).toBe(4700);
    // a value whose unit does not fit the kind is not matched
    expect(lib.lookup({ type: 'CAP', part_id: null, mpn: null, value: '4.7k', footprint: null })).toBeUndefined();
  });
});
