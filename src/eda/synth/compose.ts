import { addPart, connect, type Build } from './builder.js';
import { button, i2cPullups, led, mountingHoles, regulator } from './blocks.js';
import { spareMcuPins } from './spare-pins.js';
import { isDescriptor, isPartElement, type IntentElement } from './elements.js';
import { busOf } from './library-parts.js';
import type { Requirements } from './mcu.js';
import { powerSource } from './sources.js';
import { i2cSensor, R3 } from './templates.js';

/**
 * Boards composed from blocks when no board kind (template) applies: a power source, an optional
 * 3.3 V regulator with its output header, a sensor breakout, indicators and mechanics — exactly what
 * the intent names ("3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes").
 * `addMissing` then adds to any board the elements a block can add on its own (a power LED, mounting
 * holes) when the chosen template left them out.
 */

const has = (els: IntentElement[], id: string) => els.some((e) => e.id === id);

export function composeBoard(b: Build, req: Requirements, els: IntentElement[]): { title: string; description: string } {
  const src = powerSource(b, req.power, req.inputV, req.notes);
  // Library parts named by number that sit on I2C make the board a breakout for them (library-blocks.ts
  // hangs them on the header's bus); the built-in sensor is added only when a sensor word asks for it.
  const i2cParts = els.filter((e) => isPartElement(e) && e.partId && b.lib.get(e.partId) && busOf(b.lib.get(e.partId)!) === 'i2c');
  const namedSensors = els.some((e) => isPartElement(e) && e.kind === 'sensor');
  const builtinSensor = els.some((e) => e.kind === 'sensor' && !isPartElement(e) && !isDescriptor(e)) && !(req.sensor === null && namedSensors);
  const outVolts = els.filter((e) => e.kind === 'voltage' && e.volts !== undefined && e.volts < src.volts - 0.2).map((e) => e.volts!);
  const wantsRegulator = els.some((e) => e.kind === 'regulator') || outVolts.length > 0 || els.some((e) => e.kind === 'sensor') || i2cParts.length > 0;
  let rail = src.rail;
  let railV = src.volts;
  let kind = '';
  const sensor = builtinSensor || i2cParts.length > 0;
  if (wantsRegulator && !(req.power === 'coin' && !els.some((e) => e.kind === 'regulator'))) {
    const target = outVolts[0] ?? 3.3;
    if (Math.abs(target - 3.3) > 0.05) {
      for (const e of els) if (e.kind === 'voltage' && e.volts === target) req.notes[e.id] = 'only 3.3 V rails are synthesized';
    } else if (src.minVolts <= target) {
      // An LDO or a buck only steps down: a source at or below 3.3 V cannot make a 3.3 V rail.
      for (const e of els) if (e.kind === 'regulator') req.notes[e.id] = `a ${src.volts} V source cannot be stepped down to ${target} V`;
    } else {
      const load = sensor ? 0.05 : Math.min(src.maxA, has(els, 'regulator:buck') ? 2 : 0.5);
      const u = regulator(b, { vinV: src.volts, vinMinV: src.minVolts, voutV: 3.3, loadA: load, ...(req.regulator ? { forced: req.regulator } : {}) }, src.rail, R3);
      kind = b.components[u]!.properties['synth_block'] === 'buck' ? 'buck' : 'LDO';
      rail = R3;
      railV = 3.3;
      if (!sensor) b.assumptions.push(`Regulator sized for ${Math.round(load * 1000)} mA of load on ${R3} (none named).`);
    }
  }
  let title = 'Power module';
  if (sensor) {
    if (builtinSensor) i2cSensor(b, req, 'I2C_SDA', 'I2C_SCL', rail);
    i2cPullups(b, rail, railV, 'I2C_SDA', 'I2C_SCL', req.i2cHz, Math.max(1, (builtinSensor ? 1 : 0) + i2cParts.length) + req.extraI2cDevices);
    const j = addPart(b, { prefix: 'J', partId: 'header-1x4', pins: ['P1', 'P2', 'P3', 'P4'].map((name) => ({ name, type: 'passive' as const })), block: 'i2c-header', why: 'I2C header 1×4 (2.54 mm): 1 VCC, 2 GND, 3 SDA, 4 SCL — the usual breakout pin-out.' });
    connect(b, rail, [[j, 'P1']]);
    connect(b, 'GND', [[j, 'P2']]);
    connect(b, 'I2C_SDA', [[j, 'P3']]);
    connect(b, 'I2C_SCL', [[j, 'P4']]);
    title = 'Sensor breakout';
  } else {
    // A power module brings its input and output out on one 2.54 mm header: VIN, GND, VOUT, GND.
    const j = addPart(b, { prefix: 'J', partId: 'header-1x4', pins: ['P1', 'P2', 'P3', 'P4'].map((name) => ({ name, type: 'passive' as const })), block: 'power-output', why: `Module header 1×4 (2.54 mm): 1 ${src.rail} in, 2 GND, 3 ${rail} out, 4 GND.` });
    connect(b, src.rail, [[j, 'P1']]);
    connect(b, 'GND', [[j, 'P2'], [j, 'P4']]);
    connect(b, rail, [[j, 'P3']]);
    title = rail === R3 ? `${src.volts} V to 3.3 V ${kind} module` : 'Power input board';
  }
  return { title, description: `Composed from blocks: ${src.rail} source${rail !== src.rail ? `, 3.3 V regulator` : ''}${sensor ? ', I2C sensor breakout' : ''}.` };
}

/**
 * Adds what a block can add by itself and the board still lacks: a power LED, mounting holes, and
 * the LEDs and push buttons an intent counts ("three LEDs") on spare pins of the board's MCU.
 */
export function addMissing(b: Build, req: Requirements, els: IntentElement[], carried: (e: IntentElement) => string[]): void {
  const rail = b.nets[R3] ? R3 : Object.values(b.nets).find((n) => n.type === 'power')?.name;
  for (const e of els) {
    if (carried(e).length > 0) continue;
    // A user button (one or more) and counted LEDs go on spare MCU pins; one LED with no MCU pin to spare is a power LED below.
    if ((e.id === 'mechanics:button' || (e.id === 'indicator:led' && e.count > 1)) && userIoOnMcu(b, req, e, carried({ ...e, count: 1 }).length)) continue;
    if ((e.id === 'indicator:power-led' || e.id === 'indicator:led') && rail) {
      const v = rail === R3 ? 3.3 : Number(/(\d+)V(\d*)/.exec(rail)?.slice(1).join('.') ?? '3') || 3;
      led(b, rail, v, req.ledColor, 'PWR', 0.002);
    }
    if (e.id === 'mechanics:holes') {
      const have = Object.values(b.components).filter((c) => /mountinghole/i.test(c.footprint ?? '')).length;
      if (have < e.count) mountingHoles(b, e.count - have);
    }
  }
}

/**
 * LEDs or buttons up to the count the intent asks for (`have` of them already carry it), each on a spare pin of the MCU: an LED through
 * its series resistor to ground, a button to ground (the pin's internal pull-up is enabled in
 * firmware). False when the board has no MCU to drive them; a shortfall of pins is noted.
 */
function userIoOnMcu(b: Build, req: Requirements, e: IntentElement, have: number): boolean {
  const mcu = Object.values(b.components).find((c) => c.properties['synth_block'] === 'mcu' && c.part_id);
  if (!mcu) return false;
  const isLed = e.id === 'indicator:led';
  const spare = spareMcuPins(b, mcu);
  const need = Math.max(0, e.count - have);
  for (let k = 0; k < need && k < spare.length; k++) {
    const pin = spare[k]!;
    mcu.pins[pin.name] = { name: pin.name, type: 'bidirectional', number: pin.number ?? null, description: '' };
    const n = have + k + 1;
    const net = isLed ? `LED${n}_DRV` : `BTN${n}`;
    connect(b, net, [[mcu.id, pin.name]]);
    if (isLed) led(b, net, mcuVolts(b, mcu.id), req.ledColor, `USER${n}`);
    else button(b, net, `USER${n}`, `User button ${n} on ${mcu.ref} ${pin.name} to GND (internal pull-up enabled in firmware)`);
  }
  if (spare.length < need) req.notes[e.id] = `${mcu.ref} has ${spare.length} spare pin${spare.length === 1 ? '' : 's'} for the ${need} more ${isLed ? 'LEDs' : 'buttons'} asked for`;
  return true;
}

/** The MCU's supply in volts, read from the rail its supply pins sit on (3.3 V when the name does not say). */
function mcuVolts(b: Build, id: string): number {
  const supply = Object.values(b.nets).find((n) => n.type === 'power' && n.nodes.some((x) => x.component === id));
  const m = supply ? /(\d+)V(\d*)/.exec(supply.name) : null;
  return m ? Number(`${m[1]}.${m[2] || '0'}`) : 3.3;
}
