/**
 * Intents for measuring how synthesis keeps the elements an intent names (docs/synthesis.md, "Named
 * elements"): the committed pipeline intents (fixtures/intents.yaml) plus intents that need
 * composition from blocks, other power sources, or name something we cannot build. Read by
 * bench/synthesis-elements-report.ts and test/eda/synth/elements.test.ts.
 */
export const ELEMENT_INTENTS: readonly string[] = [
  '3.3 V LDO module from a 5 V barrel jack with power LED and two mounting holes',
  'nRF52840 humidity tag from a coin cell',
  'ESP32 board powered from a 9 V battery',
  'CR2032 powered nRF52840 BLE temperature beacon with a green LED',
  'BME280 breakout with I2C header from USB-C',
  'SHT31 humidity sensor board powered from a 9V battery with four mounting holes',
  '12V to 3.3V buck module with power LED',
  'USB-C to 3.3 V LDO power board with a red power LED',
  'ESP32 I2C sensor with an MPU6050',
  'RP2040 keyboard with a buzzer',
  'STM32 RS-485 node powered from a 12 V barrel jack',
  'ESP32 weather station with SHT31 humidity sensor and 3 mounting holes',
  'nRF52840 BLE sensor with a CR2032 and an SWD header',
  'ATtiny85 blinker with a red LED and a button',
  'ESP32 LoRa gateway with 868 MHz radio and two mounting holes',
  'toaster',
  'a quantum flux capacitor',
];
