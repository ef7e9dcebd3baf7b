import { addPart, capacitor, connect, libPin, resistor, type Build, type PinSpec } from './builder.js';
import { button, crystal, debugHeader, decouple } from './blocks.js';
import type { PowerSource } from './sources.js';

/** Requirements read from an intent (intent.ts); templates size their blocks from these. */
export interface Requirements {
  power: PowerSource;
  inputV: number;
  regulator: 'ldo' | 'buck' | null;
  sensor: string | null;
  i2cHz: number;
  extraI2cDevices: number;
  ledColor: string;
  mountingHoles: number;
  maxCurrentA: number;
  /** What a block substituted or could not meet, by element id (elements.ts); filled while building. */
  notes: Record<string, string>;
}

const io = (names: string[]): PinSpec[] => names.map((name) => ({ name, type: 'bidirectional' as const }));

/** An Espressif module on its rail: supply, ground, EN reset and BOOT buttons, decoupling. */
function espressifModule(b: Build, partId: string, rail: string, gpios: string[], why: string): string {
  const u = addPart(b, {
    prefix: 'U',
    partId,
    pins: [{ name: 'VCC', type: 'power_in' }, { name: 'GND', type: 'power_in' }, { name: 'EN', type: 'input' }, ...io(gpios)],
    block: 'mcu',
    why,
  });
  connect(b, rail, [[u, 'VCC']]);
  connect(b, 'GND', [[u, 'GND']]);
  espBoot(b, u, rail);
  decouple(b, rail, 1, u, 22e-6);
  return u;
}

/** ESP32-WROOM-32 core: EN RC reset, BOOT (GPIO0) button, UART header, decoupling. Pin names follow the module's pin table. */
export function esp32Core(b: Build, rail: string, gpios: string[], why: string): string {
  const u = espressifModule(b, 'esp32-wroom-32', rail, ['GPIO0', 'GPIO1', 'GPIO3', ...gpios], why);
  debugHeader(b, 'uart', rail, 'UART_TX', 'UART_RX');
  connect(b, 'UART_TX', [[u, 'GPIO1']]);
  connect(b, 'UART_RX', [[u, 'GPIO3']]);
  return u;
}

/** EN RC (10 kΩ / 1 µF ≈ 10 ms, Espressif hardware guidelines), RESET and BOOT buttons. */
export function espBoot(b: Build, u: string, rail: string): void {
  connect(b, 'ESP_EN', [[u, 'EN']]);
  resistor(b, 10_000, rail, 'ESP_EN', 'reset', 'EN pull-up 10 kΩ: with 1 µF gives the ≈ 10 ms power-on delay Espressif recommends.');
  capacitor(b, 1e-6, 'ESP_EN', 'GND', 'reset', 'EN delay capacitor 1 µF.');
  button(b, 'ESP_EN', 'RESET', 'Reset button pulls EN low');
  connect(b, 'ESP_BOOT', [[u, 'GPIO0']]);
  resistor(b, 10_000, rail, 'ESP_BOOT', 'boot', 'GPIO0 pull-up 10 kΩ keeps the module booting from flash.');
  button(b, 'ESP_BOOT', 'BOOT', 'Boot button pulls GPIO0 low to enter the ROM serial loader');
}

/** ESP32-S3-WROOM-1 core with native USB (GPIO19/20). */
export function esp32s3Core(b: Build, rail: string, gpios: string[], why: string): string {
  const u = espressifModule(b, 'esp32-s3-wroom-1', rail, ['GPIO0', 'GPIO19', 'GPIO20', ...gpios], why);
  connect(b, 'USB_DP', [[u, 'GPIO20']], 'differential');
  connect(b, 'USB_DM', [[u, 'GPIO19']], 'differential');
  return u;
}

/**
 * RP2040 core (RP2040 hardware design guide): 12 MHz crystal, W25Q128 QSPI flash, internal 1.1 V
 * regulator (VREG_VOUT → DVDD), RUN pull-up, BOOTSEL button on QSPI_SS via 1 kΩ, SWD header.
 */
export function rp2040Core(b: Build, rail: string, gpios: string[], usb: boolean, why: string): string {
  const supplies = ['IOVDD', 'VREG_VIN', 'USB_VDD', 'ADC_AVDD'];
  const u = addPart(b, {
    prefix: 'U',
    partId: 'rp2040',
    pins: [
      ...supplies.map((name) => ({ name, type: 'power_in' as const })),
      { name: 'DVDD', type: 'power_in' },
      { name: 'VREG_VOUT', type: 'power_out' },
      { name: 'GND', type: 'power_in' },
      { name: 'TESTEN', type: 'input' },
      { name: 'RUN', type: 'input' },
      { name: 'XIN', type: 'passive' },
      { name: 'XOUT', type: 'passive' },
      { name: 'SWCLK', type: 'input' },
      { name: 'SWDIO', type: 'bidirectional' },
      ...io(['QSPI_SS', 'QSPI_SCLK', 'QSPI_SD0', 'QSPI_SD1', 'QSPI_SD2', 'QSPI_SD3']),
      ...(usb ? io(['USB_DP', 'USB_DM']) : []),
      ...io(gpios),
    ],
    block: 'mcu',
    why,
  });
  for (const s of supplies) connect(b, rail, [[u, s]]);
  connect(b, 'GND', [[u, 'GND'], [u, 'TESTEN']]);
  connect(b, '+1V1', [[u, 'VREG_VOUT'], [u, 'DVDD']], 'power');
  decouple(b, rail, 4, u, 10e-6);
  decouple(b, '+1V1', 1, u, 1e-6);
  connect(b, 'RP_RUN', [[u, 'RUN']]);
  resistor(b, 10_000, rail, 'RP_RUN', 'reset', 'RUN pull-up 10 kΩ; RUN low resets the chip.');
  button(b, 'RP_RUN', 'RESET', 'Reset button pulls RUN low');
  crystal(b, 'crystal-12mhz', 'XTAL_IN', 'XTAL_OUT', 18);
  connect(b, 'XTAL_IN', [[u, 'XIN']]);
  connect(b, 'XTAL_OUT_R', [[u, 'XOUT']]);
  resistor(b, 1000, 'XTAL_OUT_R', 'XTAL_OUT', 'crystal', '1 kΩ series resistor on XOUT limits crystal drive (RP2040 hardware design guide).');
  const f = addPart(b, {
    prefix: 'U',
    partId: 'w25q128jv',
    pins: [
      { name: 'CS', type: 'input', number: '1' },
      { name: 'DO', type: 'bidirectional', number: '2' },
      { name: 'WP', type: 'bidirectional', number: '3' },
      { name: 'GND', type: 'power_in', number: '4' },
      { name: 'DI', type: 'bidirectional', number: '5' },
      { name: 'CLK', type: 'input', number: '6' },
      { name: 'HOLD', type: 'bidirectional', number: '7' },
      { name: 'VCC', type: 'power_in', number: '8' },
    ],
    block: 'flash',
    why: 'W25Q128JV 16 MB QSPI flash: the RP2040 has no internal flash and boots from QSPI (SOIC-8 pin-out per Winbond datasheet).',
  });
  connect(b, rail, [[f, 'VCC']]);
  connect(b, 'GND', [[f, 'GND']]);
  decouple(b, rail, 1, f, 0);
  for (const [net, rp, fl] of [['QSPI_SS', 'QSPI_SS', 'CS'], ['QSPI_SCLK', 'QSPI_SCLK', 'CLK'], ['QSPI_SD0', 'QSPI_SD0', 'DI'], ['QSPI_SD1', 'QSPI_SD1', 'DO'], ['QSPI_SD2', 'QSPI_SD2', 'WP'], ['QSPI_SD3', 'QSPI_SD3', 'HOLD']] as const) {
    connect(b, net, [[u, rp], [f, fl]]);
  }
  resistor(b, 10_000, rail, 'QSPI_SS', 'flash', 'Flash CS pull-up 10 kΩ keeps the flash deselected during reset.');
  resistor(b, 1000, 'QSPI_SS', 'BOOTSEL', 'boot', 'BOOTSEL 1 kΩ: pressing the button pulls QSPI_SS low through it, entering the USB bootloader.');
  button(b, 'BOOTSEL', 'BOOTSEL', 'BOOTSEL button selects the USB mass-storage bootloader at reset');
  debugHeader(b, 'swd', rail, 'SWDIO', 'SWCLK');
  connect(b, 'SWDIO', [[u, 'SWDIO']]);
  connect(b, 'SWCLK', [[u, 'SWCLK']]);
  if (usb) {
    connect(b, 'RP_USB_DP', [[u, 'USB_DP']], 'differential');
    connect(b, 'RP_USB_DM', [[u, 'USB_DM']], 'differential');
    resistor(b, 27, 'RP_USB_DP', 'USB_DP', 'usb', '27 Ω series termination on D+ (RP2040 hardware design guide) matches the 90 Ω pair.');
    resistor(b, 27, 'RP_USB_DM', 'USB_DM', 'usb', '27 Ω series termination on D−.');
  }
  return u;
}

/** STM32F103C8 core: 12 MHz HSE crystal, NRST cap + button, BOOT0 pull-down, VBAT to 3V3, SWD header. */
export function stm32Core(b: Build, rail: string, gpios: string[], why: string): string {
  const u = addPart(b, {
    prefix: 'U',
    partId: 'stm32f103c8t6',
    pins: [
      { name: 'VDD', type: 'power_in' },
      { name: 'VSS', type: 'power_in' },
      { name: 'VBAT', type: 'power_in' },
      { name: 'NRST', type: 'input' },
      { name: 'BOOT0', type: 'input' },
      { name: 'OSC_IN', type: 'passive' },
      { name: 'OSC_OUT', type: 'passive' },
      ...io(['SWDIO', 'SWCLK', ...gpios]),
    ],
    block: 'mcu',
    why,
  });
  connect(b, rail, [[u, 'VDD'], [u, 'VBAT']]);
  connect(b, 'GND', [[u, 'VSS']]);
  decouple(b, rail, 3, u, 10e-6);
  connect(b, 'NRST', [[u, 'NRST']]);
  capacitor(b, 100e-9, 'NRST', 'GND', 'reset', 'NRST 100 nF filter (ST AN2586); the internal pull-up charges it.');
  button(b, 'NRST', 'RESET', 'Reset button pulls NRST low');
  connect(b, 'BOOT0', [[u, 'BOOT0']]);
  resistor(b, 10_000, 'BOOT0', 'GND', 'boot', 'BOOT0 pull-down 10 kΩ: boot from main flash.');
  crystal(b, 'crystal-12mhz', 'HSE_IN', 'HSE_OUT', 18);
  connect(b, 'HSE_IN', [[u, 'OSC_IN']]);
  connect(b, 'HSE_OUT', [[u, 'OSC_OUT']]);
  b.assumptions.push('STM32 HSE is 12 MHz (library crystal); PLL ×6 gives the 72 MHz system clock.');
  debugHeader(b, 'swd', rail, 'SWDIO', 'SWCLK');
  connect(b, 'SWDIO', [[u, 'SWDIO']]);
  connect(b, 'SWCLK', [[u, 'SWCLK']]);
  return u;
}

/** The certified nRF52840 module the BLE boards use (data/library/checked-parts-mcu-rf.json). */
export const NRF_MODULE = 'mdbt50q-1mv2';

/**
 * nRF52840 core on the Raytac MDBT50Q-1MV2: a certified module with the 32 MHz crystal, the DC/DC
 * and DEC network, the matching network and the chip antenna inside, so the board needs only its
 * supply decoupling (eda/erc/rf-essentials.ts, "radio module"); SWD header. Pads come from the
 * library record (KiCad RF_Module:MDBT50Q-1MV2 symbol), as no footprint pin table covers the module.
 * The bare nRF52840-QIAA is not used: its support network sits on aQFN inner-ring lands we cannot
 * escape at 0.2 mm clearance.
 */
export function nrfModuleCore(b: Build, rail: string, gpios: string[]): string {
  const u = addPart(b, {
    prefix: 'U',
    partId: NRF_MODULE,
    pins: [
      libPin(b, NRF_MODULE, 'VDD', 'power_in'),
      libPin(b, NRF_MODULE, 'VDDH', 'power_in'),
      libPin(b, NRF_MODULE, 'GND', 'power_in'),
      libPin(b, NRF_MODULE, 'SWDCLK', 'input'),
      libPin(b, NRF_MODULE, 'SWDIO', 'bidirectional'),
      ...gpios.map((g) => libPin(b, NRF_MODULE, g, 'bidirectional')),
    ],
    block: 'mcu',
    why: 'MDBT50Q-1MV2 (Raytac): nRF52840 BLE 5 module with crystal, matching network and chip antenna inside and its own radio certifications; sleeps at a few µA, so a coin cell or small Li-Po lasts months.',
  });
  b.assumptions.push(
    'nRF52840 as the Raytac MDBT50Q-1MV2 module: crystal, DC/DC and DEC network, antenna match and antenna are inside; keep copper and parts out of the antenna end as its data sheet draws it.',
    'nRF52840 reset through SWD or a power cycle (pin reset P0.18 not brought out).',
  );
  // Normal voltage mode: the supply on VDD and VDDH together (nRF52840 PS, "Power supply": high
  // voltage mode is VDDH supplied with VDD not connected to a supply, so tying both selects normal mode).
  connect(b, rail, [[u, 'VDD'], [u, 'VDDH']]);
  connect(b, 'GND', [[u, 'GND']]);
  decouple(b, rail, 1, u, 10e-6);
  debugHeader(b, 'swd', rail, 'SWDIO', 'SWCLK');
  connect(b, 'SWDIO', [[u, 'SWDIO']]);
  connect(b, 'SWCLK', [[u, 'SWDCLK']]);
  return u;
}
