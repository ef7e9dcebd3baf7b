import type { Component } from '../model/design.js';
import type { Build } from './builder.js';

/**
 * General-purpose pins of a board's MCU that nothing on the board uses yet, in the library's pin
 * order, for the LEDs and buttons an intent counts. Pins with a job at reset or on the board are left
 * out: debug (SWD), USB, crystal, reset and boot-strap pins, and flash pins of Espressif modules
 * (ESP32 data sheet, "Strapping pins"; STM32 reference manuals, SWD on PA13/PA14; ATtiny85 PB5 = RESET).
 */
const GPIO = /^(P[A-Z]\d{1,2}|GPIO\d{1,2}|IO\d{1,2}|P\d\.\d{1,2})$/i;
const RESERVED = /^(PA1[1-4]|PC1[45]|PF[01]|PH[01]|GPIO(0|1|3|[6-9]|1[0-2]|15|4[5-6])|IO(0|1|3|4[5-6]))$/i;

export function spareMcuPins(b: Build, mcu: Component): { name: string; number?: string }[] {
  const part = mcu.part_id ? b.lib.get(mcu.part_id) : undefined;
  if (!part) return [];
  const used = new Set<string>();
  for (const n of Object.values(b.nets)) for (const x of n.nodes) if (x.component === mcu.id) used.add(x.pin.toUpperCase());
  const reset = /attiny/i.test(`${part.id} ${part.name}`) ? /^PB5$/i : /^$/;
  return part.pins
    .filter((p) => GPIO.test(p.name) && !RESERVED.test(p.name) && !reset.test(p.name) && !used.has(p.name.toUpperCase()) && !/reset|boot|swd|xtal|osc/i.test(p.description ?? ''))
    .map((p) => ({ name: p.name, ...(p.number ? { number: p.number.trim().split(/[\s,]+/).join(',') } : {}) }));
}
