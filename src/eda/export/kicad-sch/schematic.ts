import type { Design, PinType } from '../../model/design.js';
import { own } from '../../../kernel/own.js';
import { padNumberOf } from '../../model/design.js';
import type { PartLookup } from '../../model/part.js';
import { buildNetlist, type NlComponent } from '../../erc/netlist.js';
import { list, serialize, sym, yesNo, type SExpr, type SList } from '../../sexpr/index.js';
import { GRID_MM, PIN_PITCH_MM, clean, snapUp } from './grid.js';
import { netLabels } from './labels.js';
import { packCells, type Cell } from './layout.js';
import { pinKey, planPower } from './power.js';
import { CHAR_MM, PWR_FLAG_LIB_ID, boxLibSymbol, fontEffects, layoutBox, pwrFlagLibSymbol, type BoxPin, type BoxSymbol, type PinInput } from './symbols.js';
import { stableUuid } from './uuid.js';
import type { BoardGeometry, PlacedFootprint } from '../../board/index.js';
import { kicadFootprintId, writtenPadNumber } from '../kicad/footprint.js';
import { componentValue } from '../bom/value.js';

/**
 * `.kicad_sch` writer (KiCad 9, file version 20250114; KiCad file-format documentation,
 * "Schematic File Format"). One root sheet: each component is a generated box symbol embedded in
 * `lib_symbols`; each connected pin gets a 2.54 mm wire to a local label named after its net (no
 * drawn wiring between symbols: same-named labels on one sheet are one net); unconnected pins get
 * a no-connect flag; supplied power nets get a PWR_FLAG (see power.ts). Everything sits on the
 * 1.27 mm grid. UUIDs are derived from the design name and the item (uuid.ts), so the same design
 * gives the same bytes.
 */
export const KICAD_SCH_VERSION = 20250114;

export interface KicadSchOptions {
  /** Project name (file stem of the .kicad_pro beside it); instance paths are recorded under it. Default "board". */
  project?: string;
  /** Library lookup: pins the design leaves untyped or undeclared take the library's types (as in our ERC). */
  lookupPart?: PartLookup;
  /**
   * The board geometry the .kicad_pcb beside it was written from. With it, pins are numbered by
   * the pads they really land on, the Footprint field is the board's footprint id, and parts
   * that are not on the board are marked "not on board", so KiCad's schematic-parity check
   * compares like with like (docs/schematic.md, "Parity with the board").
   */
  geometry?: BoardGeometry;
}

const WIRE_MM = PIN_PITCH_MM;
const LABEL_PAD_MM = 2.54;

interface CompPlan {
  comp: NlComponent;
  libId: string;
  box: BoxSymbol;
  /** Pin name (ours) → KiCad pin, via the pin number. */
  pinOf: Map<string, BoxPin>;
  cell: Cell;
  /** Symbol origin inside the cell. */
  originDxMm: number;
  originDyMm: number;
}

const labelWidthMm = (text: string): number => [...text].length * CHAR_MM + LABEL_PAD_MM;

/** Library symbol name: an index keeps it unique, the ref (reduced to safe characters) keeps it readable. */
function symbolName(index: number, ref: string): string {
  const safe = ref.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 40);
  return `Z${index + 1}_${safe}`;
}

/** Reference prefix for the library symbol ("R" of "R12"); annotation itself comes from the instance. */
function refPrefix(ref: string): string {
  const m = /^[A-Za-z#]+/.exec(ref);
  return m ? m[0] : 'U';
}

/** Pin name → the pad numbers it occupies on the board, in pad order (as the .kicad_pcb writes them). */
function padNumbersByPin(geometry: BoardGeometry | undefined, componentId: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pad of geometry?.pads ?? []) {
    if (pad.component !== componentId || pad.pin === null || pad.kind === 'np_thru_hole') continue;
    const list = out.get(pad.pin) ?? [];
    const n = writtenPadNumber(pad);
    if (!list.includes(n)) list.push(n);
    out.set(pad.pin, list);
  }
  return out;
}

function planComponent(comp: NlComponent, index: number, labels: Map<string, string>, promoted: Map<string, PinType>, padNumbers: Map<string, string[]>): CompPlan {
  const inputs: PinInput[] = [];
  for (const pin of comp.pins.values()) {
    const declared = own(comp.component.pins, pin.name);
    // A pin the board maps onto no pad keeps its declared number: KiCad's parity check then
    // reports it, as our DRC reports the unmapped pin.
    const [number, ...also] = padNumbers.get(pin.name) ?? [declared ? padNumberOf(declared) : pin.name];
    const type = promoted.get(pinKey(comp.id, pin.name)) ?? pin.type;
    inputs.push({ name: pin.name, number: number!, also, type });
  }
  const name = symbolName(index, comp.ref);
  const box = layoutBox(name, inputs);
  const pinOf = new Map<string, BoxPin>();
  // layoutBox keeps names; map back by name (unique within a component).
  for (const p of box.pins) pinOf.set(p.name, p);
  const sideLabel = (side: 'left' | 'right') =>
    Math.max(
      0,
      ...[...comp.pins.values()].filter((p) => pinOf.get(p.name)?.side === side).flatMap((p) => p.nets.map((n) => labelWidthMm(labels.get(n.id) ?? ''))),
    );
  const reach = (side: 'left' | 'right') => box.halfWidthMm + PIN_PITCH_MM + WIRE_MM + sideLabel(side);
  const left = snapUp(reach('left'), PIN_PITCH_MM);
  const right = snapUp(reach('right'), PIN_PITCH_MM);
  // Reference above and value below the box take a text row each.
  const top = snapUp(box.topMm + 2 * PIN_PITCH_MM, PIN_PITCH_MM);
  const bottom = snapUp(-box.bottomMm + 2 * PIN_PITCH_MM, PIN_PITCH_MM);
  return { comp, libId: `zaptrace:${name}`, box, pinOf, cell: { widthMm: left + right, heightMm: top + bottom }, originDxMm: left, originDyMm: top };
}

const wire = (uuid: string, x1: number, y1: number, x2: number, y2: number): SList =>
  list('wire', list('pts', list('xy', x1, y1), list('xy', x2, y2)), list('stroke', list('width', 0), list('type', sym('default'))), list('uuid', uuid));

/**
 * A global label: its net is named by its text alone, with no `/` sheet prefix, which is the name
 * the .kicad_pcb gives the net (a local label on the root sheet would name it `/<text>`).
 */
function label(uuid: string, text: string, xMm: number, yMm: number, pointsLeft: boolean): SList {
  return list(
    'global_label',
    text,
    list('shape', sym('passive')),
    list('at', xMm, yMm, pointsLeft ? 180 : 0),
    list('fields_autoplaced', yesNo(true)),
    fontEffects(list('justify', sym(pointsLeft ? 'right' : 'left'), sym('bottom'))),
    list('uuid', uuid),
  );
}

function property(key: string, value: string, xMm: number, yMm: number, hide: boolean): SList {
  return list('property', key, value, list('at', xMm, yMm, 0), fontEffects(hide ? list('hide', yesNo(true)) : undefined));
}

function instances(project: string, rootUuid: string, reference: string): SList {
  return list('instances', list('project', project, list('path', `/${rootUuid}`, list('reference', reference), list('unit', 1))));
}

/** Writes the design as a KiCad 9 schematic. Pure: the same design and options give the same text. */
export function writeKicadSch(design: Design, options: KicadSchOptions = {}): string {
  const project = options.project ?? 'board';
  const designName = design.meta.name;
  const uid = (...parts: string[]) => stableUuid(designName, ...parts);
  const rootUuid = uid('root');
  const nl = buildNetlist(design, options.lookupPart);
  const labels = netLabels(design);
  const power = planPower(nl);

  const plans = nl.components.map((c, i) => planComponent(c, i, labels, power.promoted, padNumbersByPin(options.geometry, c.id)));
  const onBoard = new Map<string, PlacedFootprint>((options.geometry?.footprints ?? []).map((f) => [f.component, f]));
  const flagCells: Cell[] = power.flaggedNets.map((id) => ({
    widthMm: snapUp(labelWidthMm(labels.get(id) ?? '') + 2 * PIN_PITCH_MM, PIN_PITCH_MM),
    heightMm: 4 * PIN_PITCH_MM,
  }));
  const sheet = packCells([...plans.map((p) => p.cell), ...flagCells]);

  const libSymbols: SExpr[] = plans.map((p) => boxLibSymbol(p.libId, p.box, refPrefix(p.comp.ref)));
  if (power.flaggedNets.length > 0) libSymbols.push(pwrFlagLibSymbol());

  const items: SExpr[] = [];
  const symbols: SExpr[] = [];
  plans.forEach((p, i) => {
    const at = sheet.cells[i]!;
    const ox = clean(at.xMm + p.originDxMm);
    const oy = clean(at.yMm + p.originDyMm);
    const c = p.comp;
    const itemId = (...parts: string[]) => uid('component', c.id, ...parts);
    for (const pin of c.pins.values()) {
      const bp = p.pinOf.get(pin.name);
      if (!bp) continue;
      const px = clean(ox + bp.xMm);
      const py = clean(oy - bp.yMm);
      if (pin.nets.length === 0) {
        items.push(list('no_connect', list('at', px, py), list('uuid', itemId('nc', pin.name))));
        continue;
      }
      const dir = bp.side === 'left' ? -1 : 1;
      const wx = clean(px + dir * WIRE_MM);
      items.push(wire(itemId('wire', pin.name), px, py, wx, py));
      // A pin on several nets shorts them; KiCad sees that as labels of different names on one wire.
      for (const net of pin.nets) items.push(label(itemId('label', pin.name, net.id), labels.get(net.id) ?? '_', wx, py, bp.side === 'left'));
    }
    const comp = c.component;
    const placed = onBoard.get(c.id);
    // Without a geometry the schematic stands alone: every part counts as on the board.
    const isOnBoard = options.geometry === undefined || placed !== undefined;
    const footprint = placed ? kicadFootprintId(placed.footprint) : (comp.footprint ?? '');
    symbols.push(
      list(
        'symbol',
        list('lib_id', p.libId),
        list('at', ox, oy, 0),
        list('unit', 1),
        list('exclude_from_sim', yesNo(false)),
        list('in_bom', yesNo(true)),
        list('on_board', yesNo(isOnBoard)),
        list('dnp', yesNo(comp.dnp)),
        list('uuid', itemId('symbol')),
        property('Reference', comp.ref, ox, clean(oy - p.box.topMm - GRID_MM), false),
        property('Value', componentValue(comp, options.lookupPart?.(comp)), ox, clean(oy - p.box.bottomMm + GRID_MM), false),
        property('Footprint', footprint, ox, oy, true),
        property('Datasheet', '', ox, oy, true),
        property('Description', comp.description, ox, oy, true),
        ...p.box.pins.flatMap((bp) => [bp.number, ...bp.also].map((n, k) => list('pin', n, list('uuid', k === 0 ? itemId('pin', bp.name) : itemId('pin', bp.name, n))))),
        instances(project, rootUuid, comp.ref),
      ),
    );
  });

  power.flaggedNets.forEach((netId, k) => {
    const at = sheet.cells[plans.length + k]!;
    // Flag pin (its origin) at the cell's left, 2.54 mm below the top; a wire down to the label.
    const fx = clean(at.xMm + PIN_PITCH_MM);
    const fy = clean(at.yMm + 2 * PIN_PITCH_MM);
    const ly = clean(fy + PIN_PITCH_MM);
    const ref = `#FLG${String(k + 1).padStart(2, '0')}`;
    const itemId = (...parts: string[]) => uid('pwr_flag', netId, ...parts);
    items.push(wire(itemId('wire'), fx, fy, fx, ly));
    items.push(label(itemId('label'), labels.get(netId) ?? '_', fx, ly, false));
    symbols.push(
      list(
        'symbol',
        list('lib_id', PWR_FLAG_LIB_ID),
        list('at', fx, fy, 0),
        list('unit', 1),
        list('exclude_from_sim', yesNo(false)),
        list('in_bom', yesNo(true)),
        list('on_board', yesNo(true)),
        list('dnp', yesNo(false)),
        list('uuid', itemId('symbol')),
        property('Reference', ref, fx, clean(fy - 1.905), true),
        property('Value', 'PWR_FLAG', fx, clean(fy - 3.81), false),
        property('Footprint', '', fx, fy, true),
        property('Datasheet', '', fx, fy, true),
        property('Description', '', fx, fy, true),
        list('pin', '1', list('uuid', itemId('pin'))),
        instances(project, rootUuid, ref),
      ),
    );
  });

  const paper: SList = sheet.paper === 'User' ? list('paper', 'User', sheet.widthMm, sheet.heightMm) : list('paper', sheet.paper);
  const doc = list(
    'kicad_sch',
    list('version', KICAD_SCH_VERSION),
    list('generator', 'zaptrace'),
    list('generator_version', '0.1'),
    list('uuid', rootUuid),
    paper,
    list('title_block', list('title', designName), list('rev', design.meta.version), list('company', design.meta.author)),
    list('lib_symbols', ...libSymbols),
    ...items,
    ...symbols,
    list('sheet_instances', list('path', '/', list('page', '1'))),
    list('embedded_fonts', yesNo(false)),
  );
  return serialize(doc) + '\n';
}
