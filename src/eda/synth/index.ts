import { ZapTraceError } from '../../kernel/errors.js';
import { own } from '../../kernel/own.js';
import { Design } from '../model/design.js';
import { resolveFootprint } from '../footprints/index.js';
import { contentBoardSize } from '../place/board-size.js';
import type { Library } from '../library/index.js';
import { newBuild, type Choice } from './builder.js';
import type { Requirements } from './mcu.js';
import { ESP_TEMPLATES, type Template } from './templates.js';
import { MORE_TEMPLATES } from './templates-more.js';
import { carriersAmong, elementStatus, isPartElement, readElements, type ElementStatus, type IntentElement } from './elements.js';
import { addMissing, composeBoard } from './compose.js';
import { addNamedParts, mcuBoard } from './library-blocks.js';

/**
 * synthesize_design (docs/synthesis.md): intent text → reviewed template + parametric blocks → Design.
 * Deterministic: the same intent gives the same design (no randomness; `seed` is recorded only).
 * docs/synthesis.md describes the vocabulary, the templates and the sizing rules.
 */

export const TEMPLATES: readonly Template[] = [...MORE_TEMPLATES.slice(0, 1), ...ESP_TEMPLATES, ...MORE_TEMPLATES.slice(1)];

export function listSynthesisTemplates(): { id: string; title: string; description: string; keywords: string[] }[] {
  return TEMPLATES.map((t) => ({ id: t.id, title: t.title, description: t.description, keywords: [...t.keywords] }));
}

const MCU_WORDS: Record<string, Template['mcu']> = {
  esp32: 'esp32', 'esp32-s3': 'esp32s3', esp32s3: 'esp32s3', s3: 'esp32s3', nrf52840: 'nrf52840', nrf52: 'nrf52840', nordic: 'nrf52840',
  rp2040: 'rp2040', pico: 'rp2040', stm32: 'stm32', stm32f103: 'stm32', attiny85: 'attiny85', attiny: 'attiny85', avr: 'attiny85',
};
interface Parsed {
  /** Null when blocks compose the board without a template (compose.ts, library-blocks.ts). */
  template: Template | null;
  /** The microcontroller the intent names, if any (a composed MCU board is built around it). */
  mcu: Template['mcu'];
  req: Requirements;
  assumptions: string[];
  elements: IntentElement[];
}

const words = (intent: string): string[] => intent.toLowerCase().replace(/[(),;:!?]/g, ' ').replace(/\s\.|\.(\s|$)/g, ' ').split(/\s+/).filter(Boolean);

/**
 * Reads an intent into a template and requirements, or throws INVALID_INPUT saying what is wrong. With
 * the library, words that are library part numbers become part elements (elements.ts).
 */
export function parseIntent(intent: string, library?: Library): Parsed {
  if (typeof intent !== 'string' || intent.trim().length === 0) throw new ZapTraceError('INVALID_INPUT', 'intent must be a non-empty sentence describing the board', { path: 'intent', unknown: [], conflicts: [] });
  if (intent.length > 1000) throw new ZapTraceError('INVALID_INPUT', 'intent is longer than 1000 characters', { path: 'intent', unknown: [], conflicts: [] });
  const text = intent.toLowerCase();
  const ws = words(intent);
  const conflicts: string[] = [];
  const mcus = [...new Set(ws.map((w) => own(MCU_WORDS, w.replace(/-?wroom.*$/, '')) ?? (w.startsWith('stm32') ? 'stm32' : w.startsWith('esp32-s3') || w.startsWith('esp32s3') ? 'esp32s3' : w.startsWith('esp32') ? 'esp32' : undefined)).filter((x): x is NonNullable<Template['mcu']> => !!x))];
  const mcuSet = mcus.includes('esp32s3') ? mcus.filter((m) => m !== 'esp32') : mcus;
  if (mcuSet.length > 1) conflicts.push(`several microcontrollers named (${mcuSet.join(', ')}); a board gets one`);
  const mcu = mcuSet[0] ?? null;

  const elements = readElements(intent, library);
  const unknown = elements.filter((e) => e.kind === 'unknown').map((e) => e.label);

  // Template scores: keyword hits; the MCU must agree when one is named. A coin cell or 9 V block is
  // not the Li-Po "battery" of the battery-node kinds.
  const otherBattery = elements.some((e) => e.id === 'source:coin-cell' || e.id === 'source:9v-battery');
  const scoreText = otherBattery ? text.replace(/\bbattery\b|\bcoin\b/g, ' ') : text;
  const scored = TEMPLATES.map((t) => ({ t, score: t.keywords.reduce((s, k) => s + (new RegExp(`(^|[^a-z0-9-])${k.replace(/[-.]/g, '\\$&')}([^a-z0-9-]|$)`).test(scoreText) ? (k === t.mcu ? 0.5 : 1) : 0), 0) }))
    .filter((x) => x.score > 0 && (mcu === null || x.t.mcu === mcu || (x.t.mcu === null && mcu === null)))
    // A microcontroller board is only chosen when the intent names its MCU or a feature only it has
    // ("LED", "sensor" or "button" alone do not make an ATtiny85 or an ESP32 board).
    .filter((x) => x.t.mcu === null || mcu !== null || DISTINCTIVE.some((k) => x.t.keywords.includes(k) && new RegExp(`(^|[^a-z0-9-])${k}([^a-z0-9-]|$)`).test(text)))
    // A named MCU alone does not choose a board kind: the intent must also name one of its features
    // ("RP2040 board with an LIS3DH" is an RP2040 board with an accelerometer, not a motor driver).
    .filter((x) => x.t.mcu === null || mcu === 'attiny85' || x.t.keywords.some((k) => !GENERIC_KEYWORDS.has(k) && !MCU_WORDS[k] && k !== 's3' && new RegExp(`(^|[^a-z0-9-])${k.replace(/[-.]/g, '\\$&')}([^a-z0-9-]|$)`).test(scoreText)))
    // Without an MCU, the stand-alone regulator module needs a switching regulator named.
    .filter((x) => x.t.id !== 'switching-regulator-module' || /\bbuck\b|switching|step-down|dc-dc/.test(text))
    .sort((a, b) => b.score - a.score || TEMPLATES.indexOf(a.t) - TEMPLATES.indexOf(b.t));
  const featureTemplates = new Set(TEMPLATES.flatMap((t) => (['lora', 'camera', 'motor', 'keyboard', 'rs485', 'rs-485', 'ina226'].filter((k) => t.keywords.includes(k) && new RegExp(`\\b${k}\\b`).test(text)).length ? [t.id] : [])));
  if (featureTemplates.size > 1) conflicts.push(`features of different board kinds requested together (${[...featureTemplates].join(', ')})`);
  if (/\bno usb\b|\bwithout usb\b/.test(text) && /usb-c|usb c|type-c/.test(text)) conflicts.push('USB-C requested and excluded');
  if (/\bno battery\b|\bwithout (a )?battery\b/.test(text) && /battery[- ]powered|\blipo\b|li-po/.test(text)) conflicts.push('battery requested and excluded');
  if (/\bldo\b|low-dropout/.test(text) && /\bbuck\b|switching|step-down/.test(text) && !/switching regulator module/.test(text)) conflicts.push('both an LDO and a buck requested for the same rail');
  const volts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*v\b/g)].map((m) => Number(m[1]));
  const toMatch = /(\d+(?:\.\d+)?)\s*v\s*(?:to|->|→)\s*(\d+(?:\.\d+)?)\s*v/.exec(text);
  if (toMatch && Number(toMatch[2]) > Number(toMatch[1]) && /\bbuck\b|step-down/.test(text)) conflicts.push(`a buck cannot step ${toMatch[1]} V up to ${toMatch[2]} V`);
  const nineVolt = elements.some((e) => e.id === 'source:9v-battery');
  if (/\bbattery\b/.test(text) && !nineVolt && volts.some((v) => v >= 9) && !toMatch) conflicts.push(`battery power and a ${Math.max(...volts)} V supply both requested`);
  const sources = elements.filter((e) => e.kind === 'power-source').map((e) => e.id);
  if (sources.includes('source:coin-cell') && sources.some((x) => x === 'source:lipo' || x === 'source:9v-battery')) conflicts.push('a coin cell and another battery both requested as the supply');

  const best = scored[0];
  // Without a board kind, blocks compose a power or sensor board when the intent names one's parts.
  const composable = (!!mcu && mcu !== 'attiny85') || (!mcu && elements.some((e) => ['power-source', 'regulator', 'voltage', 'sensor'].includes(e.kind) || isPartElement(e)));
  if (conflicts.length > 0 || (!best && !composable)) {
    const parts: string[] = [];
    if (conflicts.length) parts.push(`contradictory intent: ${conflicts.join('; ')}`);
    if (!best && !conflicts.length) parts.push(`no board kind matches${mcu ? ` for ${mcu}` : ''} and no block builds what it names; known kinds: ${TEMPLATES.map((t) => t.id).join(', ')}`);
    if (unknown.length) parts.push(`not understood: ${unknown.map((u) => `"${u}"`).join(', ')} (no template or library block builds these)`);
    throw new ZapTraceError('INVALID_INPUT', parts.join('. '), { path: 'intent', unknown, conflicts, unmet: elements.map((e) => e.label) });
  }
  const template = best?.t ?? null;
  const assumptions: string[] = [];
  if (best && scored[1] && scored[1].score === best.score) assumptions.push(`"${best.t.id}" chosen over "${scored[1].t.id}" (equal keyword match; template order decides).`);

  const tid = template?.id ?? 'composed';
  const named = (id: string) => sources.includes(id);
  const stated = toMatch ? Number(toMatch[1]) : volts.find((v) => v > 5.5 && v <= 24 && !(nineVolt && v === 9));
  const power: Requirements['power'] = named('source:coin-cell')
    ? 'coin'
    : nineVolt
      ? '9v'
      : named('source:barrel-jack')
        ? 'barrel'
        : named('source:lipo') || tid === 'nrf52840-ble-sensor'
          ? 'battery'
          : stated !== undefined || named('source:terminal')
            ? 'terminal'
            : 'usb-c';
  // A barrel jack's adapter voltage: the one stated, else the input of a "5 V … to 3.3 V" pair, else 5 V.
  const inputV = power === '9v' ? 9 : stated ?? (power === 'barrel' ? (volts.filter((v) => v > 3.6).sort((a, b) => b - a)[0] ?? 5) : tid === 'switching-regulator-module' ? 12 : 5);
  if (tid === 'esp32-ble-node' && power !== 'battery') assumptions.push('The BLE node always carries its Li-Po charger and battery connector.');
  const hz = /1\s*mhz|fast[- ]mode[- ]plus|fm\+/.test(text) ? 1_000_000 : /400\s*khz|fast[- ]mode/.test(text) ? 400_000 : /100\s*khz|standard[- ]mode/.test(text) ? 100_000 : 400_000;
  if (!/khz|mhz|mode/.test(text)) assumptions.push('I2C bus runs at 400 kHz (fast mode).');
  const extra = /(\d+)\s+(?:more\s+|extra\s+|additional\s+)?(?:i2c\s+)?(?:devices|sensors)/.exec(text);
  const amps = /(\d+(?:\.\d+)?)\s*a\b/.exec(text);
  const namedSensorPart = elements.some((e) => isPartElement(e) && e.kind === 'sensor');
  const req: Requirements = {
    power,
    inputV,
    regulator: /\bldo\b|low-dropout/.test(text) ? 'ldo' : /\bbuck\b|step-down/.test(text) && tid !== 'switching-regulator-module' ? 'buck' : null,
    // A named part wins; "humidity" alone is the SHT31, unless pressure or a weather station asks for the BME280.
    // A sensor the intent names by library part number replaces the default one.
    sensor: /bme280/.test(text) ? 'bme280' : /sht31|sht3x/.test(text) ? 'sht31' : namedSensorPart ? null : /humidity/.test(text) && !/pressure|weather/.test(text) ? 'sht31' : /pressure/.test(text) ? 'bme280' : null,
    i2cHz: hz,
    extraI2cDevices: extra ? Math.min(20, Number(extra[1])) : 0,
    ledColor: ['red', 'green', 'blue', 'white', 'yellow', 'orange'].find((c) => new RegExp(`\\b${c}\\b`).test(text)) ?? 'green',
    mountingHoles: Math.min(8, elements.find((e) => e.id === 'mechanics:holes')?.count ?? 0),
    maxCurrentA: amps ? Number(amps[1]) : 5,
    notes: {},
  };
  if (power === 'usb-c' && (template === null || (template.mcu !== null && tid !== 'attiny85-io')) && !named('source:usb-c')) assumptions.push('Powered from USB-C 5 V (no other supply named).');
  if (!req.sensor && /sensor/.test(tid)) assumptions.push(`Sensor not named: ${tid === 'nrf52840-ble-sensor' ? 'SHT31' : 'BME280'} used.`);
  if (!amps && tid === 'esp32-power-monitor') assumptions.push('Full-scale measured current 5 A (none named).');
  if (!/green|red|blue|white|yellow|orange/.test(text)) assumptions.push('Status LED is green.');
  return { template, mcu, req, assumptions, elements };
}

export interface SynthesisResult {
  design: Design;
  /** The board kind used, or "composed" when blocks composed the board without one. */
  template: string;
  choices: Choice[];
  assumptions: string[];
  /** Every named element of the intent: placed (with the parts that carry it) or unmet (with why). */
  elements: ElementStatus[];
  /** Labels of the unmet elements; empty when the board has everything the intent names. */
  unmet: string[];
}

export function synthesizeDesign(intent: string, options: { library: Library; seed?: number; boardName?: string }): SynthesisResult {
  const parsed = parseIntent(intent, options.library);
  const b = newBuild(options.library);
  let title = parsed.template?.title ?? '';
  let description = parsed.template?.description ?? '';
  try {
    if (parsed.template) parsed.template.build(b, parsed.req);
    else if (parsed.mcu) ({ title, description } = mcuBoard(b, parsed.req, parsed.mcu, parsed.elements));
    else ({ title, description } = composeBoard(b, parsed.req, parsed.elements));
    addNamedParts(b, parsed.req, parsed.elements);
    addMissing(b, parsed.req, parsed.elements, (e) => carriersAmong(e, parsed.elements, draft(b), options.library));
  } catch (err) {
    if (err instanceof ZapTraceError) throw err;
    const why = err instanceof Error ? err.message : 'unknown';
    throw new ZapTraceError('INVALID_INPUT', `the ${parsed.template?.id ?? 'composed'} board cannot meet this intent: ${why}`, { path: 'intent', unknown: [], conflicts: [why] });
  }
  // No intent states a board size, so the outline follows the parts (place/board-size.ts).
  const size = contentBoardSize(draft(b), resolveFootprint);
  const { width_mm: w, height_mm: h } = size;
  const assumptions = [...parsed.assumptions, ...b.assumptions, `Board 2 layers, ${size.rule}.`];
  const tid = parsed.template?.id ?? 'composed';
  const design = Design.parse({
    meta: {
      name: options.boardName ?? title,
      description: `${description} Synthesized from: "${intent.trim().slice(0, 300)}"`,
      tags: ['synthesized', tid, ...(options.seed !== undefined ? [`seed:${options.seed}`] : [])],
    },
    board: { width_mm: w, height_mm: h, layers: 2 },
    components: b.components,
    nets: b.nets,
  });
  const elements = elementStatus(parsed.elements, design, options.library, parsed.req.notes);
  const unmet = elements.filter((e) => e.status === 'unmet').map((e) => (e.note ? `${e.element}: ${e.note}` : e.element));
  if (unmet.length > 0) assumptions.push(`Not on the board (see unmet): ${elements.filter((e) => e.status === 'unmet').map((e) => e.element).join(', ')}.`);
  return { design, template: tid, choices: b.choices, assumptions: [...new Set(assumptions)], elements, unmet };
}

/** The build so far as a design, for element checks while blocks are still being added. */
function draft(b: ReturnType<typeof newBuild>): Design {
  return { meta: { name: 'draft', version: '0', description: '', author: '', tags: [] }, board: { width_mm: 1, height_mm: 1, layers: 2 }, components: b.components, nets: b.nets } as unknown as Design;
}

/**
 * Words that select a microcontroller board kind without its MCU being named: features only that
 * kind has (a LoRa radio, a camera, a motor bridge, a key matrix, RS-485, a current monitor, a charger
 * or a radio protocol).
 */
/**
 * Template keywords that describe almost any board ("sensor", "node", "monitor", "usb"): they rank
 * templates but do not by themselves make an MCU board one of the kinds.
 */
const GENERIC_KEYWORDS = new Set(['sensor', 'io', 'simple', 'controller', 'node', 'portable', 'serial', 'industrial', 'dc', 'driver', 'usb', 'monitor', 'power', 'voltage', 'current', 'module', 'radio', 'gateway', 'low power', 'battery', 'matrix', 'otg', 'ai', 'image', 'vision', 'psram', 'meter', 'pid', 'robot', 'temperature']);

const DISTINCTIVE = ['lora', 'sx1276', 'lorawan', 'camera', 'ov2640', 'ina226', 'shunt', 'energy', 'motor', 'h-bridge', 'tb6612', 'encoder', 'keyboard', 'macropad', 'hid', 'keypad', 'gamepad', 'rs485', 'rs-485', 'modbus', 'max3485', 'charger', 'ble', 'bluetooth', 'wifi'];

export type { Template } from './templates.js';
export type { Requirements } from './mcu.js';
