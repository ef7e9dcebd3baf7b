import { addPart, capacitor, connect, resistor, twoPins } from './builder.js';
import { button, decouple, i2cPullups, led, mountingHoles, regulator, terminalInput, usbCSink } from './blocks.js';
import { nrfModuleCore, rp2040Core, stm32Core } from './mcu.js';
import { i2cSensor, power33, R3, railVolts, type Template } from './templates.js';

const attiny85: Template = {
  id: 'attiny85-io',
  title: 'ATtiny85 I/O controller',
  description: 'ATtiny85 (DIP-8) at 5 V from USB-C with a push button, an indicator LED and a 2×3 ISP programming header.',
  keywords: ['attiny85', 'attiny', 'avr', 'io', 'button', 'led', 'blink', 'simple', 'controller'],
  mcu: 'attiny85',
  build(b, req) {
    const rail = req.power === 'terminal' ? `+${req.inputV}V` : '+5V';
    if (req.power === 'terminal') terminalInput(b, rail, req.inputV, 'supply input');
    else usbCSink(b, { rail });
    const v = req.power === 'terminal' ? req.inputV : 5;
    const u = addPart(b, {
      prefix: 'U',
      partId: 'attiny85-20pu',
      pins: [{ name: 'VCC', type: 'power_in' }, { name: 'GND', type: 'power_in' }, ...['PB0', 'PB1', 'PB2', 'PB3', 'PB4', 'PB5'].map((name) => ({ name, type: 'bidirectional' as const }))],
      block: 'mcu',
      why: 'ATtiny85-20PU: 8 KB AVR in DIP-8, runs 1.8–5.5 V straight from USB 5 V, so no regulator is needed.',
    });
    connect(b, rail, [[u, 'VCC']]);
    connect(b, 'GND', [[u, 'GND']]);
    decouple(b, rail, 1, u, 10e-6);
    connect(b, 'AVR_RESET', [[u, 'PB5']]);
    resistor(b, 10_000, rail, 'AVR_RESET', 'reset', 'RESET (PB5) pull-up 10 kΩ (Atmel AVR042).');
    button(b, 'BTN_IN', 'INPUT', 'User button on PB3 to GND (internal pull-up enabled in firmware)');
    connect(b, 'BTN_IN', [[u, 'PB3']]);
    connect(b, 'LED_DRIVE', [[u, 'PB4']]);
    led(b, 'LED_DRIVE', v, req.ledColor, 'OUT');
    const isp = addPart(b, { prefix: 'J', partId: null, type: 'AVR ISP header 2x3', footprint: 'PinHeader_2x03_P2.54mm', pins: ['1', '2', '3', '4', '5', '6'].map((name) => ({ name, type: 'passive' as const })), block: 'debug-header', why: 'AVR ISP header, Atmel 6-pin layout: 1 MISO, 2 VCC, 3 SCK, 4 MOSI, 5 RESET, 6 GND (no 2×3 header in our library).' });
    connect(b, 'ISP_MOSI', [[u, 'PB0'], [isp, '4']]);
    connect(b, 'ISP_MISO', [[u, 'PB1'], [isp, '1']]);
    connect(b, 'ISP_SCK', [[u, 'PB2'], [isp, '3']]);
    connect(b, 'AVR_RESET', [[isp, '5']]);
    connect(b, rail, [[isp, '2']]);
    connect(b, 'GND', [[isp, '6']]);
    mountingHoles(b, req.mountingHoles);
  },
};

const nrfBle: Template = {
  id: 'nrf52840-ble-sensor',
  title: 'nRF52840 BLE temperature sensor',
  description: 'nRF52840 BLE module (Raytac MDBT50Q-1MV2) with an SHT31 humidity/temperature sensor on I2C, coin-cell or Li-Po powered through a low-Iq LDO, SWD header.',
  keywords: ['nrf52840', 'nrf52', 'nordic', 'ble', 'bluetooth', 'temperature', 'humidity', 'sht31', 'low power', 'sensor'],
  mcu: 'nrf52840',
  build(b, req) {
    const r = { ...req, sensor: req.sensor ?? 'sht31' };
    const rail = power33(b, r, 0.02);
    const logicV = railVolts(rail);
    const u = nrfModuleCore(b, rail, ['P0.26', 'P0.04', 'P0.13']);
    b.assumptions.push('I2C on P0.26/P0.04 (TWI pins are freely assignable on the nRF52840).');
    connect(b, 'I2C_SDA', [[u, 'P0.26']]);
    connect(b, 'I2C_SCL', [[u, 'P0.04']]);
    i2cSensor(b, r, 'I2C_SDA', 'I2C_SCL', rail);
    i2cPullups(b, rail, logicV, 'I2C_SDA', 'I2C_SCL', req.i2cHz, 1 + req.extraI2cDevices);
    connect(b, 'STATUS', [[u, 'P0.13']]);
    led(b, 'STATUS', logicV, req.ledColor, 'STATUS', 0.002);
    mountingHoles(b, req.mountingHoles);
  },
};

const rp2040Motor: Template = {
  id: 'rp2040-motor-driver',
  title: 'RP2040 dual DC motor driver',
  description: 'RP2040 with a TB6612FNG dual H-bridge (up to 13.5 V motor supply), two encoder inputs, logic from USB-C through an LDO.',
  keywords: ['rp2040', 'pico', 'motor', 'driver', 'dc', 'h-bridge', 'encoder', 'pid', 'robot', 'tb6612'],
  mcu: 'rp2040',
  build(b, req) {
    usbCSink(b, { rail: '+5V' });
    regulator(b, { vinV: 5, vinMinV: 4.75, voutV: 3.3, loadA: 0.1, ...(req.regulator ? { forced: req.regulator } : {}) }, '+5V', R3);
    const pwm = ['GP2', 'GP3', 'GP4', 'GP5', 'GP6', 'GP7', 'GP8'];
    const enc = ['GP10', 'GP11', 'GP12', 'GP13'];
    const u = rp2040Core(b, R3, [...pwm, ...enc, 'GP25'], false, 'RP2040: PIO state machines decode two quadrature encoders while the cores run the PID loops.');
    const vm = 'VM';
    terminalInput(b, vm, Math.min(req.inputV, 12), 'motor supply (VM, 4.5–13.5 V)');
    // TB6612FNG SSOP-24 pad numbers from the Toshiba datasheet pin table.
    const d = addPart(b, {
      prefix: 'U',
      partId: 'tb6612fng-el',
      pins: [
        { name: 'AO1', type: 'output', number: '1,2' }, { name: 'PGND', type: 'power_in', number: '3,4,9,10' }, { name: 'AO2', type: 'output', number: '5,6' },
        { name: 'BO2', type: 'output', number: '7,8' }, { name: 'BO1', type: 'output', number: '11,12' }, { name: 'VM', type: 'power_in', number: '13,14,24' },
        { name: 'PWMB', type: 'input', number: '15' }, { name: 'BIN2', type: 'input', number: '16' }, { name: 'BIN1', type: 'input', number: '17' },
        { name: 'GND', type: 'power_in', number: '18' }, { name: 'STBY', type: 'input', number: '19' }, { name: 'VCC', type: 'power_in', number: '20' },
        { name: 'AIN1', type: 'input', number: '21' }, { name: 'AIN2', type: 'input', number: '22' }, { name: 'PWMA', type: 'input', number: '23' },
      ],
      block: 'motor-driver',
      why: 'TB6612FNG: two 1.2 A (3.2 A peak) MOSFET H-bridges, 2.7–5.5 V logic, up to 13.5 V motor supply.',
    });
    connect(b, vm, [[d, 'VM']]);
    connect(b, 'GND', [[d, 'PGND'], [d, 'GND']]);
    connect(b, R3, [[d, 'VCC']]);
    decouple(b, R3, 1, d, 0);
    capacitor(b, 100e-9, vm, 'GND', 'decoupling', '100 nF on VM close to the bridge.');
    capacitor(b, 10e-6, vm, 'GND', 'decoupling', '10 µF (1206, ≥ 25 V) bulk on VM for motor current steps.', '1206');
    ['PWMA', 'AIN1', 'AIN2', 'PWMB', 'BIN1', 'BIN2', 'STBY'].forEach((s, i) => connect(b, `MOT_${s}`, [[u, pwm[i]!], [d, s]]));
    const ma = addPart(b, { prefix: 'J', partId: 'terminal-2p-5mm', pins: twoPins(), block: 'motor-driver', why: 'Motor A terminal.' });
    const mb = addPart(b, { prefix: 'J', partId: 'terminal-2p-5mm', pins: twoPins(), block: 'motor-driver', why: 'Motor B terminal.' });
    connect(b, 'MOTA_1', [[d, 'AO1'], [ma, 'P1']], 'power');
    connect(b, 'MOTA_2', [[d, 'AO2'], [ma, 'P2']], 'power');
    connect(b, 'MOTB_1', [[d, 'BO1'], [mb, 'P1']], 'power');
    connect(b, 'MOTB_2', [[d, 'BO2'], [mb, 'P2']], 'power');
    const e = addPart(b, { prefix: 'J', partId: 'header-2x4', pins: Array.from({ length: 8 }, (_, i) => ({ name: `P${i + 1}`, type: 'passive' as const })), block: 'encoders', why: 'Encoder header 2×4: 3V3, GND and A/B of both encoders.' });
    connect(b, R3, [[e, 'P1']]);
    connect(b, 'GND', [[e, 'P2']]);
    ['ENC1_A', 'ENC1_B', 'ENC2_A', 'ENC2_B'].forEach((s, i) => connect(b, s, [[u, enc[i]!], [e, `P${i + 3}`]]));
    b.assumptions.push('Encoders are 3.3 V open-collector or push-pull; RP2040 internal pull-ups are enabled in firmware.');
    connect(b, 'STATUS', [[u, 'GP25']]);
    led(b, 'STATUS', 3.3, req.ledColor, 'STATUS');
    mountingHoles(b, req.mountingHoles || 4);
  },
};

const rp2040Hid: Template = {
  id: 'rp2040-usb-hid',
  title: 'RP2040 USB HID keyboard controller',
  description: 'RP2040 USB full-speed HID device (keyboard/macropad) with a 4×4 key-matrix header, USB-C with data, caps-lock LED.',
  keywords: ['rp2040', 'pico', 'usb', 'hid', 'keyboard', 'macropad', 'keypad', 'matrix', 'gamepad'],
  mcu: 'rp2040',
  build(b, req) {
    usbCSink(b, { rail: '+5V', data: { dp: 'USB_DP', dm: 'USB_DM' } });
    regulator(b, { vinV: 5, vinMinV: 4.75, voutV: 3.3, loadA: 0.1, ...(req.regulator ? { forced: req.regulator } : {}) }, '+5V', R3);
    const gp = ['GP0', 'GP1', 'GP2', 'GP3', 'GP4', 'GP5', 'GP6', 'GP7'];
    const u = rp2040Core(b, R3, [...gp, 'GP25'], true, 'RP2040: native USB 1.1 device with TinyUSB HID support, 264 KB RAM.');
    const m = addPart(b, { prefix: 'J', partId: 'header-2x4', pins: Array.from({ length: 8 }, (_, i) => ({ name: `P${i + 1}`, type: 'passive' as const })), block: 'key-matrix', why: 'Key-matrix header 2×4: rows 1–4 and columns 1–4 to the switch plate (diodes on the plate).' });
    gp.forEach((g, i) => connect(b, i < 4 ? `ROW${i + 1}` : `COL${i - 3}`, [[u, g], [m, `P${i + 1}`]]));
    connect(b, 'STATUS', [[u, 'GP25']]);
    led(b, 'STATUS', 3.3, req.ledColor, 'CAPS');
    mountingHoles(b, req.mountingHoles);
  },
};

const stm32Rs485: Template = {
  id: 'stm32-rs485-node',
  title: 'STM32 RS-485 node',
  description: 'STM32F103C8 industrial node with a MAX3485 half-duplex RS-485 transceiver, 120 Ω termination, screw terminals and mounting holes.',
  keywords: ['stm32', 'stm32f103', 'rs485', 'rs-485', 'modbus', 'industrial', 'fieldbus', 'max3485', 'serial'],
  mcu: 'stm32',
  build(b, req) {
    const r = { ...req, power: req.power === 'usb-c' && req.inputV === 5 ? ('usb-c' as const) : req.power };
    const rail = power33(b, r, 0.1);
    const u = stm32Core(b, rail, ['PA9', 'PA10', 'PA8', 'PC13'], 'STM32F103C8: 72 MHz Cortex-M3 with three USARTs; USART1 (PA9/PA10) drives the transceiver.');
    // MAX3485 SOIC-8 pin-out from the Maxim datasheet.
    const t = addPart(b, {
      prefix: 'U',
      partId: 'max3485esd-t',
      pins: [
        { name: 'RO', type: 'output', number: '1' }, { name: 'RE', type: 'input', number: '2' }, { name: 'DE', type: 'input', number: '3' }, { name: 'DI', type: 'input', number: '4' },
        { name: 'GND', type: 'power_in', number: '5' }, { name: 'A', type: 'bidirectional', number: '6' }, { name: 'B', type: 'bidirectional', number: '7' }, { name: 'VCC', type: 'power_in', number: '8' },
      ],
      block: 'rs485',
      why: 'MAX3485: 3.3 V half-duplex RS-485 transceiver, 10 Mbps, 1/4-unit load.',
    });
    connect(b, rail, [[t, 'VCC']]);
    connect(b, 'GND', [[t, 'GND']]);
    decouple(b, rail, 1, t, 0);
    connect(b, 'RS485_TX', [[u, 'PA9'], [t, 'DI']]);
    connect(b, 'RS485_RX', [[u, 'PA10'], [t, 'RO']]);
    connect(b, 'RS485_DIR', [[u, 'PA8'], [t, 'DE'], [t, 'RE']]);
    resistor(b, 120, 'RS485_A', 'RS485_B', 'rs485', '120 Ω termination across A/B, matching the cable impedance (TIA-485 end-of-line termination).');
    const j = addPart(b, { prefix: 'J', partId: 'terminal-3p-3.5mm', pins: ['P1', 'P2', 'P3'].map((name) => ({ name, type: 'passive' as const })), block: 'rs485', why: '3-pole 3.5 mm terminal: A, B and signal ground for the bus cable.' });
    connect(b, 'RS485_A', [[t, 'A'], [j, 'P1']]);
    connect(b, 'RS485_B', [[t, 'B'], [j, 'P2']]);
    connect(b, 'GND', [[j, 'P3']]);
    b.assumptions.push('Node sits at a bus end (termination fitted); remove the 120 Ω for mid-bus nodes.');
    connect(b, 'STATUS', [[u, 'PC13']]);
    led(b, 'STATUS', 3.3, req.ledColor, 'STATUS');
    mountingHoles(b, req.mountingHoles || 4);
  },
};

const buckModule: Template = {
  id: 'switching-regulator-module',
  title: 'Switching regulator module',
  description: 'Stand-alone 3.3 V buck module (MP2307, 4.75–23 V in) with input/output screw terminals and a power-good LED.',
  keywords: ['switching', 'regulator', 'buck', 'converter', 'dc-dc', 'step-down', 'psu', 'power supply', 'module'],
  mcu: null,
  build(b, req) {
    const vin = `+${req.inputV}V`.replace('.', 'V');
    terminalInput(b, vin, req.inputV, 'input');
    regulator(b, { vinV: req.inputV, vinMinV: req.inputV * 0.9, voutV: 3.3, loadA: req.maxCurrentA > 0 && req.maxCurrentA <= 3 ? req.maxCurrentA : 2, forced: 'buck' }, vin, R3);
    const j = addPart(b, { prefix: 'J', partId: 'terminal-2p-5mm', pins: twoPins(), block: 'power-output', why: '3.3 V output terminal.' });
    connect(b, R3, [[j, 'P1']]);
    connect(b, 'GND', [[j, 'P2']]);
    led(b, R3, 3.3, req.ledColor, 'PWR', 0.002);
    mountingHoles(b, req.mountingHoles || 2);
  },
};

export const MORE_TEMPLATES: Template[] = [attiny85, nrfBle, rp2040Motor, rp2040Hid, stm32Rs485, buckModule];
