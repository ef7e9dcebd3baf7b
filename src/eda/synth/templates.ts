import { addPart, capacitor, connect, resistor, twoPins, type Build } from './builder.js';
import { button, debugHeader, decouple, i2cPullups, led, mountingHoles, regulator, terminalInput, usbCSink } from './blocks.js';
import { sx1276FrontEnd } from './lora-front-end.js';
import { esp32Core, esp32s3Core, rp2040Core, stm32Core, type Requirements } from './mcu.js';
import { powerSource } from './sources.js';
import { formatOhms, shuntResistor } from './values.js';

/**
 * The reviewed board templates (our own rewrite of the eleven ZapTrace board kinds). A template
 * fixes the architecture; the blocks size parts from the requirements. `loadA` is the 3.3 V rail
 * budget: module/MCU peak current from the datasheets plus peripherals.
 */
export interface Template {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  mcu: 'esp32' | 'esp32s3' | 'nrf52840' | 'rp2040' | 'stm32' | 'attiny85' | null;
  build: (b: Build, req: Requirements) => void;
}

const R3 = '+3V3';

/**
 * Input stage + 3.3 V rail from the requirements; returns the rail the logic runs on. A coin cell
 * feeds the logic directly (an LDO's dropout would waste most of its 3.0–2.0 V span), and only
 * loads within its few milliamps may use it.
 */
function power33(b: Build, req: Requirements, loadA: number): string {
  const src = powerSource(b, req.power, req.inputV, req.notes);
  if (req.power === 'coin') {
    if (loadA > src.maxA) throw new Error(`a CR2032 coin cell gives ${src.maxA * 1000} mA at most; this board needs ${Math.round(loadA * 1000)} mA`);
    return src.rail;
  }
  regulator(b, { vinV: src.volts, vinMinV: src.minVolts, voutV: 3.3, loadA, ...(req.regulator ? { forced: req.regulator } : {}) }, src.rail, R3);
  return R3;
}

/** Logic-level voltage of a rail power33 returned. */
export const railVolts = (rail: string): number => (rail === R3 ? 3.3 : 3.0);

/** An I2C sensor on the logic rail (3.3 V unless a coin cell feeds the logic directly). */
function i2cSensor(b: Build, req: Requirements, sda: string, scl: string, rail = R3): void {
  const s = req.sensor ?? 'bme280';
  if (s === 'sht31') {
    const u = addPart(b, {
      prefix: 'U',
      partId: 'sht31-dis',
      pins: [{ name: 'VDD', type: 'power_in' }, { name: 'VSS', type: 'power_in' }, { name: 'SDA', type: 'bidirectional' }, { name: 'SCL', type: 'input' }, { name: 'ADDR', type: 'input' }, { name: 'NRESET', type: 'input' }],
      block: 'sensor',
      why: 'SHT31-DIS: ±2 %RH / ±0.3 °C humidity and temperature sensor on I2C (address 0x44 with ADDR low).',
    });
    connect(b, rail, [[u, 'VDD'], [u, 'NRESET']]);
    connect(b, 'GND', [[u, 'VSS'], [u, 'ADDR']]);
    connect(b, sda, [[u, 'SDA']]);
    connect(b, scl, [[u, 'SCL']]);
    decouple(b, rail, 1, u, 0);
    return;
  }
  const u = addPart(b, {
    prefix: 'U',
    partId: 'bme280',
    pins: [{ name: 'VDD', type: 'power_in' }, { name: 'GND', type: 'power_in' }, { name: 'SDA', type: 'bidirectional' }, { name: 'SCK', type: 'input' }, { name: 'CSB', type: 'input' }, { name: 'SDO', type: 'input' }],
    block: 'sensor',
    why: 'BME280: temperature, humidity and pressure on I2C; CSB high selects I2C, SDO low sets address 0x76.',
  });
  connect(b, rail, [[u, 'VDD'], [u, 'CSB']]);
  connect(b, 'GND', [[u, 'GND'], [u, 'SDO']]);
  connect(b, sda, [[u, 'SDA']]);
  connect(b, scl, [[u, 'SCK']]);
  decouple(b, rail, 1, u, 0);
}

const esp32I2c: Template = {
  id: 'esp32-i2c-sensor',
  title: 'ESP32 I2C sensor board',
  description: 'ESP32-WROOM-32 with an I2C environmental sensor (BME280 or SHT31), USB-C powered through an LDO.',
  keywords: ['esp32', 'i2c', 'sensor', 'bme280', 'sht31', 'environmental', 'weather', 'wifi'],
  mcu: 'esp32',
  build(b, req) {
    const rail = power33(b, req, 0.5);
    const u = esp32Core(b, rail, ['GPIO21', 'GPIO22', 'GPIO2'], 'ESP32-WROOM-32: Wi-Fi/BLE module with antenna and flash; GPIO21/22 are its default I2C pins.');
    connect(b, 'I2C_SDA', [[u, 'GPIO21']]);
    connect(b, 'I2C_SCL', [[u, 'GPIO22']]);
    i2cSensor(b, req, 'I2C_SDA', 'I2C_SCL');
    i2cPullups(b, rail, 3.3, 'I2C_SDA', 'I2C_SCL', req.i2cHz, 1 + req.extraI2cDevices);
    led(b, 'STATUS', 3.3, req.ledColor, 'STATUS');
    connect(b, 'STATUS', [[u, 'GPIO2']]);
    mountingHoles(b, req.mountingHoles);
  },
};

const esp32Ble: Template = {
  id: 'esp32-ble-node',
  title: 'ESP32 BLE battery sensor node',
  description: 'ESP32-WROOM-32 BLE node with a BME280, Li-Po charging from USB-C (MCP73831) and a low-dropout 3.3 V regulator.',
  keywords: ['esp32', 'ble', 'bluetooth', 'battery', 'lipo', 'charger', 'node', 'sensor', 'portable'],
  mcu: 'esp32',
  build(b, req) {
    usbCSink(b, { rail: 'VBUS' });
    const ch = addPart(b, {
      prefix: 'U',
      partId: 'mcp73831t',
      pins: [{ name: 'VDD', type: 'power_in' }, { name: 'VSS', type: 'power_in' }, { name: 'VBAT', type: 'power_out' }, { name: 'PROG', type: 'passive' }, { name: 'STAT', type: 'output' }],
      block: 'charger',
      why: 'MCP73831: single-cell Li-Po linear charger from 5 V USB, 4.2 V termination, current set by one resistor.',
    });
    connect(b, 'VBUS', [[ch, 'VDD']]);
    connect(b, 'GND', [[ch, 'VSS']]);
    connect(b, 'VBAT', [[ch, 'VBAT']], 'power');
    connect(b, 'CHG_PROG', [[ch, 'PROG']]);
    resistor(b, 2200, 'CHG_PROG', 'GND', 'charger', 'PROG resistor: Ireg = 1000 V / Rprog → 2.2 kΩ gives ≈ 455 mA, under the 500 mA a default USB port supplies.');
    capacitor(b, 4.7e-6, 'VBUS', 'GND', 'charger', 'Charger input capacitor 4.7 µF (datasheet).');
    capacitor(b, 4.7e-6, 'VBAT', 'GND', 'charger', 'Charger output capacitor 4.7 µF (datasheet, for stability without a battery).');
    connect(b, 'CHG_STAT', [[ch, 'STAT']]);
    led(b, 'CHG_STAT', 3.3, 'red', 'CHARGE', 0.004);
    b.assumptions.push('Charge LED lights while STAT drives high during charge; a 3.3 V drive level is assumed for the resistor.');
    const j = addPart(b, { prefix: 'J', partId: 'jst-ph-2', footprint: 'JST_PH_B2B-PH-K', pins: twoPins(), block: 'battery', why: 'JST-PH 2-pin battery connector for a 1S Li-Po.' });
    connect(b, 'VBAT', [[j, 'P1']]);
    connect(b, 'GND', [[j, 'P2']]);
    regulator(b, { vinV: 4.2, vinMinV: 3.6, voutV: 3.3, loadA: 0.35, ...(req.regulator ? { forced: req.regulator } : {}) }, 'VBAT', R3);
    b.assumptions.push('BLE-only duty cycle: 350 mA peak budget on 3.3 V (Wi-Fi bursts would need 500 mA).');
    const u = esp32Core(b, R3, ['GPIO21', 'GPIO22'], 'ESP32-WROOM-32: BLE 4.2 radio and antenna on one certified module.');
    connect(b, 'I2C_SDA', [[u, 'GPIO21']]);
    connect(b, 'I2C_SCL', [[u, 'GPIO22']]);
    i2cSensor(b, req, 'I2C_SDA', 'I2C_SCL');
    i2cPullups(b, R3, 3.3, 'I2C_SDA', 'I2C_SCL', req.i2cHz, 1 + req.extraI2cDevices);
    mountingHoles(b, req.mountingHoles);
  },
};

const esp32Lora: Template = {
  id: 'esp32-lora-gateway',
  title: 'ESP32 LoRa gateway',
  description: 'ESP32-WROOM-32 with an SX1276 LoRa transceiver on SPI, 868 MHz, wire-antenna feed pad, USB-C powered.',
  keywords: ['esp32', 'lora', 'sx1276', 'gateway', '868', '915', 'lorawan', 'radio', 'long range'],
  mcu: 'esp32',
  build(b, req) {
    const rail = power33(b, req, 0.62);
    // Every radio signal on one side of the module (ESP32-WROOM-32 datasheet, "Pin Definitions": pins
    // 27–37 are GPIO16, 17, 5, 18, 19 … 23): with RESET and DIO0 on the far side (GPIO14/26) some
    // nets had to cross between the module's pad rows or round its antenna keep-out wherever the
    // radio stood, and MOSI/SCK were left unrouted.
    const u = esp32Core(b, rail, ['GPIO5', 'GPIO18', 'GPIO19', 'GPIO23', 'GPIO17', 'GPIO16', 'GPIO2'], 'ESP32-WROOM-32: Wi-Fi backhaul for the gateway; VSPI pins (5/18/19/23) drive the radio, RESET and DIO0 on GPIO17/16 beside them.');
    // SX1276-QFN28: pads come from the footprint's pin table (Semtech pin description); the three
    // supply pins (VBAT_ANA/DIG/RF) are one VDD pin here.
    const r = addPart(b, {
      prefix: 'U',
      partId: 'sx1276-868m',
      pins: [
        { name: 'VDD', type: 'power_in' },
        { name: 'GND', type: 'power_in' },
        { name: 'XTA', type: 'passive' },
        { name: 'XTB', type: 'passive' },
        { name: 'RESET', type: 'input' },
        { name: 'DIO0', type: 'output' },
        { name: 'SCK', type: 'input' },
        { name: 'MISO', type: 'output' },
        { name: 'MOSI', type: 'input' },
        { name: 'NSS', type: 'input' },
        { name: 'PA_BOOST', type: 'output' },
        { name: 'VR_PA', type: 'power_out' },
        { name: 'RFI_HF', type: 'input' },
        { name: 'RXTX', type: 'output' },
      ],
      block: 'radio',
      why: 'SX1276: 137–1020 MHz LoRa transceiver with +20 dBm PA_BOOST output, SPI controlled; RFI_HF is its 862–1020 MHz receive input, RXTX drives the antenna switch.',
    });
    connect(b, rail, [[r, 'VDD']]);
    connect(b, 'GND', [[r, 'GND']]);
    decouple(b, rail, 3, r, 10e-6);
    for (const [net, esp, sx] of [['LORA_NSS', 'GPIO5', 'NSS'], ['LORA_SCK', 'GPIO18', 'SCK'], ['LORA_MISO', 'GPIO19', 'MISO'], ['LORA_MOSI', 'GPIO23', 'MOSI'], ['LORA_RST', 'GPIO17', 'RESET'], ['LORA_DIO0', 'GPIO16', 'DIO0']] as const) {
      connect(b, net, [[u, esp], [r, sx]]);
    }
    const y = addPart(b, { prefix: 'Y', partId: null, type: 'Crystal 32MHz', value: '32MHz', footprint: 'Crystal_SMD_3225-4Pin_3.2x2.5mm', pins: [{ name: 'X1', type: 'passive' }, { name: 'X2', type: 'passive' }, { name: 'GND', type: 'passive' }], block: 'crystal', why: '32 MHz reference crystal required by the SX1276 (our library has no 32 MHz crystal: generic 3225 crystal). The SX127x trims the load internally, so no external load capacitors.' });
    connect(b, 'LORA_XTA', [[y, 'X1'], [r, 'XTA']], 'clock');
    connect(b, 'LORA_XTB', [[y, 'X2'], [r, 'XTB']], 'clock');
    connect(b, 'GND', [[y, 'GND']]);
    // Transmit filter, receive match and antenna switch (lora-front-end.ts cites the Semtech design).
    sx1276FrontEnd(b, r, rail, 868);
    b.assumptions.push('868 MHz band; PA_BOOST filter, RFI_HF match and PA_BOOST choke are computed or starting values in the Semtech reference topology: tune them on the built board with a network analyser before certification.');
    led(b, 'STATUS', 3.3, req.ledColor, 'STATUS');
    connect(b, 'STATUS', [[u, 'GPIO2']]);
    mountingHoles(b, req.mountingHoles);
  },
};

const esp32Power: Template = {
  id: 'esp32-power-monitor',
  title: 'ESP32 power monitor',
  description: 'ESP32-WROOM-32 with an INA226 high-side current/voltage/power monitor and a sized shunt between two terminals, USB-C powered.',
  keywords: ['esp32', 'power', 'monitor', 'ina226', 'current', 'voltage', 'shunt', 'energy', 'meter'],
  mcu: 'esp32',
  build(b, req) {
    const rail = power33(b, req, 0.5);
    const u = esp32Core(b, rail, ['GPIO21', 'GPIO22', 'GPIO4'], 'ESP32-WROOM-32 (the ESP32-C3-MINI-1 of the original kind has no footprint in our generator yet); GPIO21/22 I2C.');
    const m = addPart(b, {
      prefix: 'U',
      partId: 'ina226',
      pins: [{ name: 'VS', type: 'power_in' }, { name: 'GND', type: 'power_in' }, { name: 'SDA', type: 'bidirectional' }, { name: 'SCL', type: 'input' }, { name: 'A0', type: 'input' }, { name: 'A1', type: 'input' }, { name: 'ALERT', type: 'open_collector' }, { name: 'VBUS', type: 'input' }, { name: 'IN+', type: 'input' }, { name: 'IN-', type: 'input' }],
      block: 'power-monitor',
      why: 'INA226: 16-bit shunt and bus voltage monitor (0–36 V common mode), I2C; A0/A1 low → address 0x40.',
    });
    connect(b, rail, [[m, 'VS']]);
    connect(b, 'GND', [[m, 'GND'], [m, 'A0'], [m, 'A1']]);
    decouple(b, rail, 1, m, 0);
    connect(b, 'I2C_SDA', [[u, 'GPIO21'], [m, 'SDA']]);
    connect(b, 'I2C_SCL', [[u, 'GPIO22'], [m, 'SCL']]);
    i2cPullups(b, rail, 3.3, 'I2C_SDA', 'I2C_SCL', req.i2cHz, 1 + req.extraI2cDevices);
    connect(b, 'INA_ALERT', [[u, 'GPIO4'], [m, 'ALERT']]);
    resistor(b, 10_000, rail, 'INA_ALERT', 'power-monitor', 'ALERT is open-drain: 10 kΩ pull-up.');
    const shunt = shuntResistor(req.maxCurrentA, 0.08192);
    resistor(b, shunt, 'SENSE_IN', 'SENSE_OUT', 'power-monitor', `Shunt ${formatOhms(shunt)}Ω (2512): full-scale 81.92 mV / ${req.maxCurrentA} A = ${((0.08192 / req.maxCurrentA) * 1000).toFixed(1)} mΩ → largest standard value below; ${(req.maxCurrentA ** 2 * shunt).toFixed(2)} W at full current.`, '2512');
    connect(b, 'SENSE_IN', [[m, 'IN+']], 'power');
    connect(b, 'SENSE_OUT', [[m, 'IN-'], [m, 'VBUS']], 'power');
    capacitor(b, 100e-9, 'SENSE_IN', 'SENSE_OUT', 'power-monitor', 'Differential filter capacitor 100 nF across the shunt inputs (INA226 datasheet input filtering).');
    const jin = addPart(b, { prefix: 'J', partId: 'terminal-2p-5mm', pins: twoPins(), block: 'power-monitor', why: 'Measured-supply input terminal (10 A rating covers the shunt range).' });
    const jout = addPart(b, { prefix: 'J', partId: 'terminal-2p-5mm', pins: twoPins(), block: 'power-monitor', why: 'Load output terminal.' });
    connect(b, 'SENSE_IN', [[jin, 'P1']]);
    connect(b, 'GND', [[jin, 'P2'], [jout, 'P2']]);
    connect(b, 'SENSE_OUT', [[jout, 'P1']]);
    b.assumptions.push(`Measured supply ≤ 36 V sharing ground with the board; full-scale current ${req.maxCurrentA} A.`);
    mountingHoles(b, req.mountingHoles);
  },
};

const esp32s3Camera: Template = {
  id: 'esp32s3-camera',
  title: 'ESP32-S3 camera node',
  description: 'ESP32-S3-WROOM-1 (8 MB PSRAM) with a DVP camera-module header (OV2640 class), native USB on USB-C for power, programming and OTG.',
  keywords: ['esp32-s3', 'esp32s3', 's3', 'camera', 'ov2640', 'vision', 'image', 'psram', 'otg', 'ai'],
  mcu: 'esp32s3',
  build(b, req) {
    usbCSink(b, { rail: '+5V', data: { dp: 'USB_DP', dm: 'USB_DM' } });
    regulator(b, { vinV: 5, vinMinV: 4.75, voutV: 3.3, loadA: 0.65, ...(req.regulator ? { forced: req.regulator } : {}) }, '+5V', R3);
    const cam = ['GPIO4', 'GPIO5', 'GPIO6', 'GPIO7', 'GPIO15', 'GPIO16', 'GPIO17', 'GPIO18', 'GPIO8', 'GPIO9', 'GPIO10', 'GPIO11', 'GPIO12', 'GPIO13', 'GPIO14', 'GPIO21'];
    const u = esp32s3Core(b, R3, [...cam, 'GPIO2'], 'ESP32-S3-WROOM-1: camera DVP interface, vector instructions for on-device inference, native USB OTG.');
    const signals = ['SIOD', 'SIOC', 'VSYNC', 'HREF', 'XCLK', 'Y9', 'Y8', 'Y7', 'Y4', 'Y3', 'Y5', 'Y2', 'Y6', 'PCLK', 'PWDN', 'CAM_RESET'];
    const hdr = addPart(b, {
      prefix: 'J',
      partId: null,
      type: 'Camera module header 2x9',
      footprint: 'PinHeader_2x09_P2.54mm',
      pins: Array.from({ length: 18 }, (_, i) => ({ name: String(i + 1), type: 'passive' as const })),
      block: 'camera',
      why: 'Camera module header (2×9, 2.54 mm) for OV2640 breakout modules with on-board 2.8/1.2 V regulators; our library has no 24-pin FPC footprint yet.',
    });
    signals.forEach((s, i) => connect(b, `CAM_${s.replace('CAM_', '')}`, [[u, cam[i]!], [hdr, String(i + 1)]]));
    connect(b, R3, [[hdr, '17']]);
    connect(b, 'GND', [[hdr, '18']]);
    i2cPullups(b, R3, 3.3, 'CAM_SIOD', 'CAM_SIOC', 100_000, 1);
    b.assumptions.push('Camera module is powered from 3.3 V and regulates its own core/analog rails.');
    led(b, 'STATUS', 3.3, req.ledColor, 'STATUS');
    connect(b, 'STATUS', [[u, 'GPIO2']]);
    mountingHoles(b, req.mountingHoles);
  },
};

export const ESP_TEMPLATES: Template[] = [esp32I2c, esp32Ble, esp32Lora, esp32Power, esp32s3Camera];
export { power33, i2cSensor, R3, button, debugHeader };
