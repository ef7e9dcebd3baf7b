import { ZapTraceError } from '../../kernel/errors.js';
import { own } from '../../kernel/own.js';
import { Design } from '../model/design.js';
import { resolveFootprint } from '../footprints/index.js';
import type { Library } from '../library/index.js';
import { newBuild, type Choice } from './builder.js';
import type { Requirements } from './mcu.js';
import { ESP_TEMPLATES, type Template } from './templates.js';
import { MORE_TEMPLATES } from './templates-more.js';

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
/** Part-like words we cannot build (other MCUs and sensors). */
const FILLER = new Set(
  ('a an the and with for of to on in at by from via using use based board pcb node design small tiny little simple basic new my our that which ' +
    'powered power supply input output rail onboard on-board plus also some one two three four five six seven eight nine ten few several up max maximum ' +
    'sensing reading controller control device system unit project circuit build make want need please create i we it is be has have its into as or ' +
    'mcu microcontroller chip soc module port connector status indicator led leds button buttons reset boot hole holes mounting mount debug header swd uart ' +
    'usb-c usb c type-c typec usb-powered 3.3v 5v lipo li-po li-ion battery cell coin wireless wifi wi-fi terminal screw block devices device sensors bus fast mode plus standard ' +
    'red green blue white yellow orange ldo low-dropout buck temperature humidity pressure current voltage data logging logger monitoring remote').split(/\s+/),
);
const KNOWN_UNBUILDABLE = /^(esp8266|atmega\w*|samd\w*|stm8\w*|pic\d\w*|nrf91\w*|nrf53\w*|bmp\d+|mpu\d+|adxl\d+|lsm\w+|ds18b20|hc-?sr04|ws2812\w*|can|canbus|ethernet|w5500|gps|lte|zigbee|hdmi|fpga|arduino)$/;

interface Parsed {
  template: Template;
  req: Requirements;
  assumptions: string[];
}

const words = (intent: string): string[] => intent.toLowerCase().replace(/[(),;:!?]/g, ' ').replace(/\s\.|\.(\s|$)/g, ' ').split(/\s+/).filter(Boolean);

/** Reads an intent into a template and requirements, or throws INVALID_INPUT saying what is wrong. */
export function parseIntent(intent: string): Parsed {
  if (typeof intent !== 'string' || intent.trim().length === 0) throw new ZapTraceError('INVALID_INPUT', 'intent must be a non-empty sentence describing the board', { path: 'intent', unknown: [], conflicts: [] });
  if (intent.length > 1000) throw new ZapTraceError('INVALID_INPUT', 'intent is longer than 1000 characters', { path: 'intent', unknown: [], conflicts: [] });
  const text = intent.toLowerCase();
  const ws = words(intent);
  const conflicts: string[] = [];
  const mcus = [...new Set(ws.map((w) => own(MCU_WORDS, w.replace(/-?wroom.*$/, '')) ?? (w.startsWith('stm32') ? 'stm32' : w.startsWith('esp32-s3') || w.startsWith('esp32s3') ? 'esp32s3' : w.startsWith('esp32') ? 'esp32' : undefined)).filter((x): x is NonNullable<Template['mcu']> => !!x))];
  const mcuSet = mcus.includes('esp32s3') ? mcus.filter((m) => m !== 'esp32') : mcus;
  if (mcuSet.length > 1) conflicts.push(`several microcontrollers named (${mcuSet.join(', ')}); a board gets one`);
  const mcu = mcuSet[0] ?? null;

  const vocab = new Set(TEMPLATES.flatMap((t) => t.keywords.flatMap((k) => k.split(' '))));
  const unknown: string[] = [];
  for (const w of ws) {
    const bare = w.replace(/[.'"]/g, '');
    if (!bare || vocab.has(bare) || FILLER.has(bare) || own(MCU_WORDS, bare) || /^esp32|^stm32|^rp2040|^nrf52/.test(bare)) continue;
    if (/^\d+(\.\d+)?(v|a|ma|khz|mhz|hz|k|x|mm)?$/.test(bare) || /^\d+(\.\d+)?v\d*$/.test(bare) || /^(kb|mb)$/.test(bare)) continue;
    if (KNOWN_UNBUILDABLE.test(bare) || /\d/.test(bare)) unknown.push(bare);
  }

  // Template scores: keyword hits; the MCU must agree when one is named.
  const scored = TEMPLATES.map((t) => ({ t, score: t.keywords.reduce((s, k) => s + (new RegExp(`(^|[^a-z0-9-])${k.replace(/[-.]/g, '\\$&')}([^a-z0-9-]|$)`).test(text) ? (k === t.mcu ? 0.5 : 1) : 0), 0) }))
    .filter((x) => x.score > 0 && (mcu === null || x.t.mcu === mcu || (x.t.mcu === null && mcu === null)))
    .sort((a, b) => b.score - a.score || TEMPLATES.indexOf(a.t) - TEMPLATES.indexOf(b.t));
  const featureTemplates = new Set(TEMPLATES.flatMap((t) => (['lora', 'camera', 'motor', 'keyboard', 'rs485', 'rs-485', 'ina226'].filter((k) => t.keywords.includes(k) && new RegExp(`\\b${k}\\b`).test(text)).length ? [t.id] : [])));
  if (featureTemplates.size > 1) conflicts.push(`features of different board kinds requested together (${[...featureTemplates].join(', ')})`);
  if (/\bno usb\b|\bwithout usb\b/.test(text) && /usb-c|usb c|type-c/.test(text)) conflicts.push('USB-C requested and excluded');
  if (/\bno battery\b|\bwithout (a )?battery\b/.test(text) && /battery[- ]powered|\blipo\b|li-po/.test(text)) conflicts.push('battery requested and excluded');
  if (/\bldo\b|low-dropout/.test(text) && /\bbuck\b|switching|step-down/.test(text) && !/switching regulator module/.test(text)) conflicts.push('both an LDO and a buck requested for the same rail');
  const volts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*v\b/g)].map((m) => Number(m[1]));
  const toMatch = /(\d+(?:\.\d+)?)\s*v\s*(?:to|->|→)\s*(\d+(?:\.\d+)?)\s*v/.exec(text);
  if (toMatch && Number(toMatch[2]) > Number(toMatch[1]) && /\bbuck\b|step-down/.test(text)) conflicts.push(`a buck cannot step ${toMatch[1]} V up to ${toMatch[2]} V`);
  if (/\bbattery\b/.test(text) && volts.some((v) => v >= 9) && !toMatch) conflicts.push(`battery power and a ${Math.max(...volts)} V supply both requested`);

  const best = scored[0];
  if (conflicts.length > 0 || !best || unknown.length > 0) {
    const parts: string[] = [];
    if (conflicts.length) parts.push(`contradictory intent: ${conflicts.join('; ')}`);
    if (unknown.length) parts.push(`not understood: ${unknown.map((u) => `"${u}"`).join(', ')} (no template or library block builds these)`);
    if (!best && !conflicts.length) parts.push(`no board kind matches${mcu ? ` for ${mcu}` : ''}; known kinds: ${TEMPLATES.map((t) => t.id).join(', ')}`);
    throw new ZapTraceError('INVALID_INPUT', parts.join('. '), { path: 'intent', unknown, conflicts });
  }
  const template = best.t;
  const assumptions: string[] = [];
  if (scored[1] && scored[1].score === best.score) assumptions.push(`"${template.id}" chosen over "${scored[1].t.id}" (equal keyword match; template order decides).`);

  const inputV = toMatch ? Number(toMatch[1]) : volts.find((v) => v > 5.5 && v <= 24) ?? (template.id === 'switching-regulator-module' ? 12 : 5);
  const power: Requirements['power'] = /battery|li-?po|li-ion|coin/.test(text) || template.id === 'nrf52840-ble-sensor' ? 'battery' : volts.some((v) => v > 5.5) || /terminal|screw/.test(text) ? 'terminal' : 'usb-c';
  if (template.id === 'esp32-ble-node' && power !== 'battery') assumptions.push('The BLE node always carries its Li-Po charger and battery connector.');
  const hz = /1\s*mhz|fast[- ]mode[- ]plus|fm\+/.test(text) ? 1_000_000 : /400\s*khz|fast[- ]mode/.test(text) ? 400_000 : /100\s*khz|standard[- ]mode/.test(text) ? 100_000 : 400_000;
  if (!/khz|mhz|mode/.test(text)) assumptions.push('I2C bus runs at 400 kHz (fast mode).');
  const extra = /(\d+)\s+(?:more\s+|extra\s+|additional\s+)?(?:i2c\s+)?(?:devices|sensors)/.exec(text);
  const holes = /(\d+)\s+mounting holes?/.exec(text);
  const amps = /(\d+(?:\.\d+)?)\s*a\b/.exec(text);
  const req: Requirements = {
    power,
    inputV,
    regulator: /\bldo\b|low-dropout/.test(text) ? 'ldo' : /\bbuck\b|step-down/.test(text) && template.id !== 'switching-regulator-module' ? 'buck' : null,
    sensor: /sht31|sht3x|humidity sensor/.test(text) && !/bme280/.test(text) ? 'sht31' : /bme280/.test(text) ? 'bme280' : null,
    i2cHz: hz,
    extraI2cDevices: extra ? Math.min(20, Number(extra[1])) : 0,
    ledColor: ['red', 'green', 'blue', 'white', 'yellow', 'orange'].find((c) => new RegExp(`\\b${c}\\b`).test(text)) ?? 'green',
    mountingHoles: holes ? Math.min(8, Number(holes[1])) : /mounting holes?/.test(text) ? 4 : 0,
    maxCurrentA: amps ? Number(amps[1]) : 5,
  };
  if (power === 'usb-c' && template.mcu !== null && template.id !== 'attiny85-io') assumptions.push('Powered from USB-C 5 V (no other supply named).');
  if (!req.sensor && /sensor/.test(template.id)) assumptions.push(`Sensor not named: ${template.id === 'nrf52840-ble-sensor' ? 'SHT31' : 'BME280'} used.`);
  if (!amps && template.id === 'esp32-power-monitor') assumptions.push('Full-scale measured current 5 A (none named).');
  if (!/green|red|blue|white|yellow|orange/.test(text)) assumptions.push('Status LED is green.');
  return { template, req, assumptions };
}

export interface SynthesisResult {
  design: Design;
  template: string;
  choices: Choice[];
  assumptions: string[];
}

/** Board size from the parts' courtyard area: area × 4 (room for routing), aspect 4:3, 5 mm steps. */
function boardSize(components: Design['components']): { w: number; h: number } {
  let area = 0;
  let longest = 0;
  for (const c of Object.values(components)) {
    const fp = c.footprint ? resolveFootprint(c.footprint) : undefined;
    if (!fp) continue;
    const [x0, y0, x1, y1] = fp.courtyard;
    const w = x1 - x0 + 1.5;
    const h = y1 - y0 + 1.5;
    area += w * h;
    longest = Math.max(longest, w, h);
  }
  const target = area * 4;
  const up5 = (x: number) => Math.ceil(x / 5) * 5;
  const h = up5(Math.max(longest + 6, Math.sqrt(target * 0.75)));
  const w = up5(Math.max(longest + 6, target / h));
  return { w, h };
}

export function synthesizeDesign(intent: string, options: { library: Library; seed?: number; boardName?: string }): SynthesisResult {
  const parsed = parseIntent(intent);
  const b = newBuild(options.library);
  try {
    parsed.template.build(b, parsed.req);
  } catch (err) {
    if (err instanceof ZapTraceError) throw err;
    const why = err instanceof Error ? err.message : 'unknown';
    throw new ZapTraceError('INVALID_INPUT', `the ${parsed.template.id} template cannot meet this intent: ${why}`, { path: 'intent', unknown: [], conflicts: [why] });
  }
  const { w, h } = boardSize(b.components);
  const assumptions = [...parsed.assumptions, ...b.assumptions, `Board ${w} × ${h} mm, 2 layers, sized at ≈ 4× the parts' courtyard area for routing room.`];
  const design = Design.parse({
    meta: {
      name: options.boardName ?? parsed.template.title,
      description: `${parsed.template.description} Synthesized from: "${intent.trim().slice(0, 300)}"`,
      tags: ['synthesized', parsed.template.id, ...(options.seed !== undefined ? [`seed:${options.seed}`] : [])],
    },
    board: { width_mm: w, height_mm: h, layers: 2 },
    components: b.components,
    nets: b.nets,
  });
  return { design, template: parsed.template.id, choices: b.choices, assumptions: [...new Set(assumptions)] };
}

export type { Template } from './templates.js';
export type { Requirements } from './mcu.js';
