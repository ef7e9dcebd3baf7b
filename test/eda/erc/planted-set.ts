/**
 * The planted-fault set for ERC (docs/erc.md, "Planted faults"): five small boards an engineer
 * would accept as correct, written as ZapTrace design documents, and faults planted one at a time
 * into copies of them. The bench (bench/erc-planted.ts) and the MCP test
 * (test/surfaces/erc-planted.test.ts) both read this file, so the figure and the guard measure the
 * same thing.
 *
 * A board is plain data: components keyed by reference, pins written "NAME:type:NET" (type is a
 * ZapTrace pin type; NET may be empty for an unconnected pin) or as objects when a pin needs a pad
 * number or a description.
 */

type PinText = string;
interface PinObj {
  name: string;
  type: string;
  net?: string;
  number?: string;
  description?: string;
  /** ZapTrace's direction of a `power` pin: POWER_OUT makes it a power output. */
  current_domain?: string;
}
export interface Comp {
  ref: string;
  type: string;
  value?: string;
  footprint?: string;
  voltage_supply?: string;
  part_id?: string;
  pins: Record<string, PinObj>;
}
export interface Board {
  kind: 'zaptrace.design';
  schema_version: 1;
  meta: { name: string; description: string };
  board: { width_mm: number; height_mm: number; layers: 2 };
  components: Record<string, Comp>;
}

function pinOf(spec: PinText | PinObj): PinObj {
  if (typeof spec !== 'string') return spec;
  const [name, type, net] = spec.split(':');
  return { name: name!, type: type!, ...(net ? { net } : {}) };
}

function comp(ref: string, type: string, footprint: string, pins: (PinText | PinObj)[], extra: Partial<Omit<Comp, 'pins'>> = {}): Comp {
  return { ref, type, footprint, ...extra, pins: Object.fromEntries(pins.map(pinOf).map((p) => [p.name, p])) };
}
const res = (ref: string, value: string, a: string, b: string) => comp(ref, 'RES', 'R_0603_1608Metric', [`1:passive:${a}`, `2:passive:${b}`], { value });
const cap = (ref: string, value: string, a: string, b: string) => comp(ref, 'CAP', 'C_0603_1608Metric', [`1:passive:${a}`, `2:passive:${b}`], { value });
/** An aluminium electrolytic with numbered pads only (pad 1 is +, KiCad CP_Radial). */
const elec = (ref: string, value: string, plus: string, minus: string) =>
  comp(ref, 'Electrolytic capacitor', 'CP_Radial_D5.0mm_P2.00mm', [`1:passive:${plus}`, `2:passive:${minus}`], { value });
const led = (ref: string, colour: string, a: string, k: string) => comp(ref, 'LED', 'LED_0603_1608Metric', [`A:passive:${a}`, `K:passive:${k}`], { value: colour });

/** A USB-C receptacle as a sink: each CC line pulled down by its own 5.1 kΩ Rd (USB Type-C specification, "Sink" Rd value), plus any data pins. */
const usbCSink = (rd1: string, rd2: string, data: PinText[] = []): Comp[] => [
  comp('J1', 'USB-C receptacle', 'USB-C-16P-SMD', ['VBUS:power:VBUS', 'GND:power:GND', 'CC1:bidirectional:CC1', 'CC2:bidirectional:CC2', ...data], { part_id: 'usb-c-16p' }),
  res(rd1, '5.1k', 'CC1', 'GND'),
  res(rd2, '5.1k', 'CC2', 'GND'),
];

function board(name: string, description: string, comps: Comp[]): Board {
  return {
    kind: 'zaptrace.design',
    schema_version: 1,
    meta: { name, description },
    board: { width_mm: 60, height_mm: 40, layers: 2 },
    components: Object.fromEntries(comps.map((c) => [c.ref.toLowerCase(), c])),
  };
}

/** NE555 astable blinker on a 9 V battery; the 555 is rated 4.5–16 V (TI SLFS022, recommended VCC). */
function ne555(): Board {
  return board('ne555-blinker', 'NE555 astable LED blinker from a 9 V battery', [
    comp('BT1', 'Battery 9V snap', 'PinHeader_1x02_P2.54mm', ['1:passive:VBAT', '2:passive:GND'], { value: '9V' }),
    comp(
      'U1',
      'NE555 timer',
      'DIP-8',
      [
        { name: 'GND', type: 'power', net: 'GND', number: '1' },
        { name: 'TRIG', type: 'input', net: 'TIMING', number: '2' },
        { name: 'OUT', type: 'output', net: 'OUT', number: '3' },
        { name: 'RESET', type: 'input', net: 'VBAT', number: '4' },
        { name: 'CTRL', type: 'input', net: 'CTRL', number: '5' },
        { name: 'THR', type: 'input', net: 'TIMING', number: '6' },
        { name: 'DIS', type: 'open_collector', net: 'DIS', number: '7' },
        { name: 'VCC', type: 'power', net: 'VBAT', number: '8' },
      ],
      { voltage_supply: '4.5-16V' },
    ),
    res('R1', '1k', 'VBAT', 'DIS'),
    res('R2', '47k', 'DIS', 'TIMING'),
    cap('C1', '10uF', 'TIMING', 'GND'),
    cap('C2', '10nF', 'CTRL', 'GND'),
    cap('C3', '100nF', 'VBAT', 'GND'),
    elec('C4', '100uF', 'VBAT', 'GND'),
    res('R3', '470', 'OUT', 'LED_A'),
    led('D1', 'red', 'LED_A', 'GND'),
  ]);
}

/** FT232RL USB-serial bridge: VCC from USB VBUS, VCCIO at 3.3 V from an AMS1117 (FTDI DS_FT232R, "3.3 V I/O"). */
function ft232(): Board {
  return board('ft232-usb-serial', 'FT232RL USB to 3.3 V UART with TX LED', [
    ...usbCSink('R2', 'R3', ['D+:bidirectional:USB_DP', 'D-:bidirectional:USB_DM']),
    comp(
      'U1',
      'FT232RL USB UART',
      'SSOP-28',
      [
        'VCC:power:VBUS',
        'VCCIO:power:+3V3',
        { name: '3V3OUT', type: 'power', current_domain: 'POWER_OUT', net: 'FT_3V3OUT', description: '3.3V output of the internal regulator' },
        'GND:power:GND',
        'AGND:power:GND',
        'USBDP:bidirectional:USB_DP',
        'USBDM:bidirectional:USB_DM',
        'TXD:output:UART_TX',
        'RXD:input:UART_RX',
        'CBUS0:open_drain:TXLED',
        'TEST:input:GND',
        'RESET:no_connect',
        'OSCI:no_connect',
        'OSCO:no_connect',
      ],
      { voltage_supply: '5V' },
    ),
    comp('U2', 'AMS1117-3.3', 'SOT-223', ['INPUT:power:VBUS', { name: 'OUTPUT', type: 'power', current_domain: 'POWER_OUT', net: '+3V3', description: '3.3V output' }, 'GND:power:GND'], { part_id: 'ams1117-3.3' }),
    cap('C1', '10uF', 'VBUS', 'GND'),
    cap('C2', '10uF', '+3V3', 'GND'),
    cap('C3', '100nF', 'VBUS', 'GND'),
    cap('C4', '100nF', '+3V3', 'GND'),
    cap('C5', '100nF', 'FT_3V3OUT', 'GND'),
    comp('J2', 'UART header 1x4', 'PinHeader_1x04_P2.54mm', ['1:passive:+3V3', '2:passive:UART_TX', '3:passive:UART_RX', '4:passive:GND']),
    res('R1', '270', '+3V3', 'LED_TX_A'),
    led('D1', 'green', 'LED_TX_A', 'TXLED'),
  ]);
}

/** RP2040 core: USB-C, AP2112K 3.3 V, the RP2040's own 1.1 V core regulator (RP2040 datasheet §2.9), QSPI flash, 12 MHz crystal. */
function rp2040(): Board {
  return board('rp2040-core', 'RP2040 minimal board with QSPI flash and status LED', [
    ...usbCSink('R1', 'R2', ['D+:bidirectional:USB_CONN_DP', 'D-:bidirectional:USB_CONN_DM']),
    comp('U2', 'AP2112K-3.3', 'SOT-23-5', ['VIN:power:VBUS', 'EN:input:VBUS', 'GND:power:GND', { name: 'VOUT', type: 'power', current_domain: 'POWER_OUT', net: '+3V3' }], { part_id: 'ap2112k-3.3' }),
    cap('C1', '1uF', 'VBUS', 'GND'),
    cap('C2', '1uF', '+3V3', 'GND'),
    comp(
      'U1',
      'RP2040',
      'QFN-56',
      [
        'IOVDD:power:+3V3',
        'USB_VDD:power:+3V3',
        'ADC_AVDD:power:+3V3',
        'VREG_VIN:power:+3V3',
        'VREG_VOUT:output:+1V1',
        'DVDD:power:+1V1',
        'GND:power:GND',
        'XIN:input:XIN',
        'XOUT:output:XOUT',
        'RUN:input:RUN',
        'GPIO25:bidirectional:LED_DRIVE',
        'USB_DP:bidirectional:USB_DP',
        'USB_DM:bidirectional:USB_DM',
        'QSPI_SS:bidirectional:QSPI_SS',
        'QSPI_SCLK:output:QSPI_SCLK',
        'QSPI_SD0:bidirectional:QSPI_SD0',
        'QSPI_SD1:bidirectional:QSPI_SD1',
        'QSPI_SD2:bidirectional:QSPI_SD2',
        'QSPI_SD3:bidirectional:QSPI_SD3',
        'SWDIO:bidirectional:SWDIO',
        'SWCLK:input:SWCLK',
      ],
      { part_id: 'rp2040' },
    ),
    cap('C3', '100nF', '+3V3', 'GND'),
    cap('C4', '100nF', '+3V3', 'GND'),
    cap('C5', '100nF', '+1V1', 'GND'),
    comp('C10', 'Tantalum capacitor', 'CP_EIA-3216-18_Kemet-A', ['+:passive:+3V3', '-:passive:GND'], { value: '10uF' }),
    res('R3', '27', 'USB_DP', 'USB_CONN_DP'),
    res('R4', '27', 'USB_DM', 'USB_CONN_DM'),
    res('R5', '10k', '+3V3', 'RUN'),
    res('R6', '10k', '+3V3', 'QSPI_SS'),
    comp('Y1', 'Crystal 12MHz', 'Crystal_SMD_3225-4Pin_3.2x2.5mm', ['1:passive:XIN', '3:passive:XOUT', '2:passive:GND'], { value: '12MHz' }),
    cap('C6', '27pF', 'XIN', 'GND'),
    cap('C7', '27pF', 'XOUT', 'GND'),
    comp('U3', 'W25Q128JV', 'SOIC-8', ['CS:input:QSPI_SS', 'CLK:input:QSPI_SCLK', 'DI:bidirectional:QSPI_SD0', 'DO:bidirectional:QSPI_SD1', 'WP:bidirectional:QSPI_SD2', 'HOLD:bidirectional:QSPI_SD3', 'VCC:power:+3V3', 'GND:power:GND'], { part_id: 'w25q128jv' }),
    cap('C8', '100nF', '+3V3', 'GND'),
    res('R7', '330', 'LED_DRIVE', 'LED_A'),
    led('D1', 'green', 'LED_A', 'GND'),
    comp('J2', 'SWD header 1x3', 'PinHeader_1x03_P2.54mm', ['1:passive:SWDIO', '2:passive:SWCLK', '3:passive:GND']),
  ]);
}

/**
 * 12 V data logger: reverse-polarity Schottky into VIN_PROT (a rail no name states), MP2307 buck with
 * its soft-start on BUCK_SS (MPS MP2307 datasheet, SS pin), SPI flash and an I2C-less sensor with an
 * open-drain interrupt.
 */
function logger(): Board {
  return board('buck-spi-logger', '12 V SPI data logger with buck converter', [
    comp('J1', 'Screw terminal 2P', 'TERMINAL-2P-5MM', ['P1:passive:+12V', 'P2:passive:GND'], { part_id: 'terminal-2p-5mm' }),
    comp('D1', 'Schottky diode SS14', 'SMA', ['A:passive:+12V', 'K:passive:VIN_PROT'], { part_id: 'ss14-e3-61t' }),
    elec('C1', '47uF', 'VIN_PROT', 'GND'),
    cap('C2', '10uF', 'VIN_PROT', 'GND'),
    comp('U1', 'MP2307 buck converter', 'SOIC-8', ['VIN:power:VIN_PROT', 'GND:power:GND', 'SW:output:BUCK_SW', 'BS:passive:BUCK_BS', 'FB:input:BUCK_FB', 'COMP:passive:BUCK_COMP', 'EN:input:VIN_PROT', 'SS:passive:BUCK_SS'], {
      part_id: 'mp2307dn-lf-z',
    }),
    cap('C3', '10nF', 'BUCK_BS', 'BUCK_SW'),
    cap('C4', '100nF', 'BUCK_SS', 'GND'),
    comp('L1', 'Inductor 10uH', 'L_1210_3225Metric', ['1:passive:BUCK_SW', '2:passive:+3V3'], { value: '10uH' }),
    cap('C5', '22uF', '+3V3', 'GND'),
    res('R1', '26.1k', '+3V3', 'BUCK_FB'),
    res('R2', '10k', 'BUCK_FB', 'GND'),
    res('R3', '6.8k', 'BUCK_COMP', 'BUCK_CC'),
    cap('C6', '3.3nF', 'BUCK_CC', 'GND'),
    comp('U2', 'MCU', 'QFN-56', ['VDD:power:+3V3', 'GND:power:GND', 'SCK:output:SPI_SCK', 'MOSI:output:SPI_MOSI', 'MISO:input:SPI_MISO', 'PA4:output:FLASH_CS', 'PA5:output:SENS_CS', 'PB0:input:SENS_INT'], {
      voltage_supply: '1.8-3.6V',
    }),
    cap('C7', '100nF', '+3V3', 'GND'),
    comp('U3', 'W25Q128JV', 'SOIC-8', ['CS:input:FLASH_CS', 'CLK:input:SPI_SCK', 'DI:bidirectional:SPI_MOSI', 'DO:bidirectional:SPI_MISO', 'WP:input:+3V3', 'HOLD:input:+3V3', 'VCC:power:+3V3', 'GND:power:GND'], { part_id: 'w25q128jv' }),
    cap('C8', '100nF', '+3V3', 'GND'),
    res('R4', '10k', '+3V3', 'FLASH_CS'),
    comp('U4', 'Accelerometer SPI', 'LGA-8', ['VDD:power:+3V3', 'GND:power:GND', 'SCK:input:SPI_SCK', 'SDI:input:SPI_MOSI', 'SDO:output:SPI_MISO', 'CS:input:SENS_CS', 'INT:open_drain:SENS_INT'], {
      voltage_supply: '1.7-3.6V',
    }),
    cap('C9', '100nF', '+3V3', 'GND'),
    res('R5', '10k', '+3V3', 'SENS_CS'),
    res('R6', '10k', '+3V3', 'SENS_INT'),
  ]);
}

/** I2C/RS-485 sensor node: USB-C, MCP1700 3.3 V, MCU, BME280, MAX3485 with DE/RE pulled to receive, power LED. */
function node(): Board {
  return board('rs485-sensor-node', 'BME280 node reporting over RS-485', [
    ...usbCSink('R1', 'R2'),
    comp('U1', 'MCP1700-3.3', 'SOT-23-3', ['VIN:power:VBUS', 'GND:power:GND', { name: 'VOUT', type: 'power', current_domain: 'POWER_OUT', net: '+3V3' }], { part_id: 'mcp1700t-3302', voltage_supply: '2.3-6V' }),
    cap('C1', '1uF', 'VBUS', 'GND'),
    cap('C2', '1uF', '+3V3', 'GND'),
    comp('U2', 'MCU', 'QFN-56', ['VDD:power:+3V3', 'GND:power:GND', 'SDA:bidirectional:I2C_SDA', 'SCL:output:I2C_SCL', 'TX:output:UART_TX', 'RX:input:UART_RX', 'PA8:output:RS485_DIR', 'NC1:no_connect'], {
      voltage_supply: '3.3V',
    }),
    cap('C3', '100nF', '+3V3', 'GND'),
    comp('U3', 'BME280', 'LGA-8', ['VDD:power:+3V3', 'GND:power:GND', 'SDA:bidirectional:I2C_SDA', 'SCK:input:I2C_SCL', 'CSB:input:+3V3', 'SDO:input:GND'], { part_id: 'bme280' }),
    cap('C4', '100nF', '+3V3', 'GND'),
    res('R3', '4.7k', '+3V3', 'I2C_SDA'),
    res('R4', '4.7k', '+3V3', 'I2C_SCL'),
    comp('U4', 'MAX3485 RS-485 transceiver', 'SOIC-8', ['RO:output:UART_RX', 'RE:input:RS485_DIR', 'DE:input:RS485_DIR', 'DI:input:UART_TX', 'GND:power:GND', 'A:bidirectional:RS485_A', 'B:bidirectional:RS485_B', 'VCC:power:+3V3'], {
      voltage_supply: '3.0-3.6V',
    }),
    cap('C5', '100nF', '+3V3', 'GND'),
    res('R5', '10k', 'RS485_DIR', 'GND'),
    res('R6', '120', 'RS485_A', 'RS485_B'),
    comp('J2', 'RS-485 terminal', 'TERMINAL-2P-5MM', ['P1:passive:RS485_A', 'P2:passive:RS485_B'], { part_id: 'terminal-2p-5mm' }),
    res('R7', '1k', '+3V3', 'PWR_LED_A'),
    led('D1', 'green', 'PWR_LED_A', 'GND'),
  ]);
}

/**
 * USB sensor node on an adjustable LDO: AMS1117-ADJ set to 3.33 V by 120 Ω (OUT–ADJ) and 200 Ω
 * (ADJ–GND), Vout = 1.25 V·(1 + 200/120) (ST LD1117 adjustable application note, the same 1117
 * pin-out); a unidirectional TVS clamps VBUS (cathode on the rail); a 20k/10k divider brings VBUS
 * to the ADC at 1.67 V; the MCU switches the sensor's own AP2112K LDO through its EN pin.
 */
function adjLdo(): Board {
  return board('adj-ldo-sensor-node', 'USB sensor node on an adjustable LDO with a switched sensor rail', [
    ...usbCSink('R1', 'R2'),
    elec('C1', '100uF 16V', 'VBUS', 'GND'),
    cap('C2', '10uF', 'VBUS', 'GND'),
    comp('D2', 'TVS diode SMBJ5.0A unidirectional', 'D_SMB', ['K:passive:VBUS', 'A:passive:GND']),
    comp('U1', 'AMS1117-ADJ LDO regulator', 'SOT-223', ['INPUT:power:VBUS', { name: 'OUTPUT', type: 'power', current_domain: 'POWER_OUT', net: '+3V3' }, 'ADJ:passive:LDO_ADJ']),
    res('R3', '120', '+3V3', 'LDO_ADJ'),
    res('R4', '200', 'LDO_ADJ', 'GND'),
    comp('C3', 'Tantalum capacitor', 'CP_EIA-3216-18_Kemet-A', ['+:passive:+3V3', '-:passive:GND'], { value: '22uF 10V' }),
    cap('C4', '100nF', '+3V3', 'GND'),
    comp('U2', 'MCU', 'QFN-32', ['VDD:power:+3V3', 'GND:power:GND', 'PA0:input:ADC_VBUS', 'PA1:output:SENS_EN', 'SDA:bidirectional:I2C_SDA', 'SCL:output:I2C_SCL'], { voltage_supply: '1.8-3.6V' }),
    cap('C5', '100nF', '+3V3', 'GND'),
    res('R5', '20k', 'VBUS', 'ADC_VBUS'),
    res('R6', '10k', 'ADC_VBUS', 'GND'),
    cap('C10', '10nF', 'ADC_VBUS', 'GND'),
    comp('U3', 'AP2112K-3.3', 'SOT-23-5', ['VIN:power:VBUS', 'EN:input:SENS_EN', 'GND:power:GND', { name: 'VOUT', type: 'power', current_domain: 'POWER_OUT', net: 'SENS_3V3' }], { part_id: 'ap2112k-3.3' }),
    cap('C8', '1nF', 'SENS_EN', 'GND'),
    cap('C6', '1uF', 'SENS_3V3', 'GND'),
    comp('U4', 'Humidity sensor I2C', 'DFN-8', ['VDD:power:SENS_3V3', 'GND:power:GND', 'SDA:bidirectional:I2C_SDA', 'SCL:input:I2C_SCL'], { voltage_supply: '1.7-3.6V' }),
    cap('C7', '100nF', 'SENS_3V3', 'GND'),
    res('R7', '4.7k', '+3V3', 'I2C_SDA'),
    res('R8', '4.7k', '+3V3', 'I2C_SCL'),
    res('R9', '1k', '+3V3', 'PWR_LED_A'),
    led('D1', 'green', 'PWR_LED_A', 'GND'),
  ]);
}

/**
 * 24 V solenoid controller: TPS54360 buck to 5 V (52.3k/10k on its 0.8 V reference, TI SLVSBB4G
 * §7.3.6), AMS1117-3.3 to 3.3 V, unidirectional TVS on the input, MCU with a 100k/10k input-sense
 * divider (2.18 V), an RC reset, an I2C sensor it switches through EN, a solenoid on an NPN with its
 * flyback diode, and a CR2032 on the MCU's VBAT.
 */
function relay24(): Board {
  return board('24v-solenoid-controller', '24 V solenoid controller with buck, LDO and RTC backup cell', [
    comp('J1', 'Screw terminal 2P', 'TERMINAL-2P-5MM', ['P1:passive:+24V', 'P2:passive:GND'], { part_id: 'terminal-2p-5mm' }),
    comp('D1', 'TVS diode SMBJ24A', 'D_SMB', ['K:passive:+24V', 'A:passive:GND']),
    elec('C1', '100uF 35V', '+24V', 'GND'),
    comp('U1', 'TPS54360 buck converter', 'SOIC-8', ['VIN:power:+24V', 'GND:power:GND', 'SW:output:BUCK_SW', 'FB:input:BUCK_FB', 'EN:input:+24V', 'BOOT:passive:BUCK_BOOT', 'COMP:passive:BUCK_COMP', 'RT:passive:BUCK_RT']),
    cap('C2', '100nF', 'BUCK_BOOT', 'BUCK_SW'),
    res('R9', '100k', 'BUCK_RT', 'GND'),
    res('R10', '10k', 'BUCK_COMP', 'BUCK_CC'),
    cap('C9', '4.7nF', 'BUCK_CC', 'GND'),
    comp('L1', 'Inductor 22uH', 'L_1210_3225Metric', ['1:passive:BUCK_SW', '2:passive:+5V'], { value: '22uH' }),
    comp('D2', 'Schottky diode SS14', 'SMA', ['K:passive:BUCK_SW', 'A:passive:GND'], { part_id: 'ss14-e3-61t' }),
    res('R1', '52.3k', '+5V', 'BUCK_FB'),
    res('R2', '10k', 'BUCK_FB', 'GND'),
    elec('C3', '100uF 10V', '+5V', 'GND'),
    comp('U2', 'AMS1117-3.3', 'SOT-223', ['INPUT:power:+5V', { name: 'OUTPUT', type: 'power', current_domain: 'POWER_OUT', net: '+3V3' }, 'GND:power:GND'], { part_id: 'ams1117-3.3' }),
    cap('C4', '10uF 10V', '+5V', 'GND'),
    cap('C5', '22uF 6.3V', '+3V3', 'GND'),
    comp('U3', 'MCU', 'QFN-32', ['VDD:power:+3V3', 'GND:power:GND', 'PA0:input:VIN_SENSE', 'SDA:bidirectional:I2C_SDA', 'SCL:output:I2C_SCL', 'PB0:output:RELAY_DRV', 'PB1:output:SENS_EN', 'NRST:input:NRST', 'VBAT:power:VBAT_RTC'], { voltage_supply: '1.8-3.6V' }),
    cap('C6', '100nF', '+3V3', 'GND'),
    res('R3', '100k', '+24V', 'VIN_SENSE'),
    res('R4', '10k', 'VIN_SENSE', 'GND'),
    cap('C7', '100nF', 'VIN_SENSE', 'GND'),
    res('R5', '10k', '+3V3', 'NRST'),
    cap('C8', '100nF', 'NRST', 'GND'),
    res('R6', '4.7k', '+3V3', 'I2C_SDA'),
    res('R7', '4.7k', '+3V3', 'I2C_SCL'),
    comp('U4', 'Temperature sensor I2C', 'DFN-6', ['VDD:power:+3V3', 'GND:power:GND', 'SDA:bidirectional:I2C_SDA', 'SCL:input:I2C_SCL', 'EN:input:SENS_EN'], { voltage_supply: '1.62-3.6V' }),
    cap('C10', '100nF', '+3V3', 'GND'),
    res('R8', '1k', 'RELAY_DRV', 'Q_BASE'),
    comp('Q1', 'NPN transistor', 'SOT-23', ['B:passive:Q_BASE', 'C:passive:RELAY_N', 'E:passive:GND']),
    comp('K1', 'Solenoid 5V coil (off-board, on a terminal block)', 'TERMINAL-2P-5MM', ['1:passive:+5V', '2:passive:RELAY_N']),
    comp('D3', 'Diode 1N4148 flyback', 'D_SOD-123', ['K:passive:+5V', 'A:passive:RELAY_N']),
    comp('BT1', 'CR2032 coin cell', 'BatteryHolder_Keystone_103_1x20mm', ['+:passive:VBAT_RTC', '-:passive:GND'], { part_id: 'keystone-103' }),
    cap('C11', '100nF', 'VBAT_RTC', 'GND'),
  ]);
}

export const BOARDS: Record<string, () => Board> = {
  'ne555-blinker': ne555,
  'ft232-usb-serial': ft232,
  'rp2040-core': rp2040,
  'buck-spi-logger': logger,
  'rs485-sensor-node': node,
  'adj-ldo-sensor-node': adjLdo,
  '24v-solenoid-controller': relay24,
};

// --- editing helpers for planting faults --------------------------------------------------------

const pinRef = (b: Board, at: string): PinObj => {
  const [ref, pin] = [at.slice(0, at.indexOf('.')), at.slice(at.indexOf('.') + 1)];
  const c = b.components[ref!.toLowerCase()];
  const p = c?.pins[pin!];
  if (!p) throw new Error(`planted set: no pin ${at}`);
  return p;
};
/** Moves a pin to another net (or leaves it unconnected with null). */
const move = (b: Board, at: string, net: string | null) => {
  const p = pinRef(b, at);
  if (net === null) delete p.net;
  else p.net = net;
};
const remove = (b: Board, ref: string) => {
  if (!b.components[ref.toLowerCase()]) throw new Error(`planted set: no component ${ref}`);
  delete b.components[ref.toLowerCase()];
};
const add = (b: Board, c: Comp) => {
  b.components[c.ref.toLowerCase()] = c;
};

export interface PlantedFault {
  id: string;
  board: string;
  /** What an engineer would call the fault. */
  fault: string;
  /** Rule ids any of which catches it. */
  rules: string[];
  plant: (b: Board) => void;
}

export const PLANTED: PlantedFault[] = [
  // NE555 blinker
  { id: '555-elec-reversed', board: 'ne555-blinker', fault: 'bulk electrolytic reversed (numbered pads)', rules: ['cap.polarity-reversed'], plant: (b) => (move(b, 'C4.1', 'GND'), move(b, 'C4.2', 'VBAT')) },
  { id: '555-led-no-resistor', board: 'ne555-blinker', fault: 'LED straight on the 555 output, no resistor', rules: ['led.series-resistor-missing'], plant: (b) => (remove(b, 'R3'), move(b, 'D1.A', 'OUT')) },
  { id: '555-over-range', board: 'ne555-blinker', fault: '24 V pack on a 4.5–16 V timer', rules: ['power.voltage-conflict'], plant: (b) => Object.assign(b.components['bt1']!, { type: 'Battery pack 24V', value: '24V' }) },
  { id: '555-dis-no-pullup', board: 'ne555-blinker', fault: 'open-collector DIS without pull-up', rules: ['net.open-drain-pullup-missing'], plant: (b) => remove(b, 'R1') },
  { id: '555-no-decoupling', board: 'ne555-blinker', fault: 'no supply capacitor at the 555', rules: ['decoupling.missing'], plant: (b) => (remove(b, 'C3'), remove(b, 'C4')) },
  { id: '555-led-reversed', board: 'ne555-blinker', fault: 'LED fitted backwards', rules: ['led.reversed'], plant: (b) => (move(b, 'D1.A', 'GND'), move(b, 'D1.K', 'LED_A')) },
  // FT232RL
  { id: 'ft-led-no-resistor', board: 'ft232-usb-serial', fault: 'TX LED on CBUS0 with no resistor', rules: ['led.series-resistor-missing'], plant: (b) => (remove(b, 'R1'), move(b, 'D1.A', '+3V3')) },
  { id: 'ft-gnd-open', board: 'ft232-usb-serial', fault: 'FT232RL GND pin left open', rules: ['pin.power-unconnected'], plant: (b) => move(b, 'U1.GND', null) },
  { id: 'ft-ldo-headroom', board: 'ft232-usb-serial', fault: 'AMS1117 fed from the 3.3 V it makes', rules: ['power.regulator-headroom', 'power.voltage-conflict'], plant: (b) => move(b, 'U2.INPUT', 'FT_3V3OUT') },
  { id: 'ft-od-vs-pushpull', board: 'ft232-usb-serial', fault: 'CBUS0 open drain tied to TXD', rules: ['pin-conflict.open-drain-output'], plant: (b) => move(b, 'U1.CBUS0', 'UART_TX') },
  { id: 'ft-3v3out-backfed', board: 'ft232-usb-serial', fault: 'FT232RL 3V3OUT tied to the LDO output', rules: ['pin-conflict.power-out-power-out'], plant: (b) => (move(b, 'U1.3V3OUT', '+3V3'), remove(b, 'C5')) },
  // RP2040
  { id: 'rp-led-gpio-no-resistor', board: 'rp2040-core', fault: 'status LED straight on GPIO25', rules: ['led.series-resistor-missing'], plant: (b) => (remove(b, 'R7'), move(b, 'D1.A', 'LED_DRIVE')) },
  { id: 'rp-tantalum-reversed', board: 'rp2040-core', fault: 'tantalum reversed on 3.3 V', rules: ['cap.polarity-reversed'], plant: (b) => (move(b, 'C10.+', 'GND'), move(b, 'C10.-', '+3V3')) },
  { id: 'rp-flash-on-vbus', board: 'rp2040-core', fault: '3.3 V flash on VBUS (5 V only from the USB connector)', rules: ['power.voltage-conflict'], plant: (b) => (move(b, 'U3.VCC', 'VBUS'), move(b, 'C8.1', 'VBUS')) },
  { id: 'rp-xtal-no-caps', board: 'rp2040-core', fault: 'crystal without load capacitors', rules: ['crystal.load-caps-missing'], plant: (b) => (remove(b, 'C6'), remove(b, 'C7')) },
  { id: 'rp-cc-no-rd', board: 'rp2040-core', fault: 'USB-C CC1 without 5.1 kΩ Rd', rules: ['usb-c.cc-rd-missing'], plant: (b) => remove(b, 'R1') },
  { id: 'rp-core-no-decoupling', board: 'rp2040-core', fault: '1.1 V core without decoupling', rules: ['decoupling.missing'], plant: (b) => remove(b, 'C5') },
  { id: 'rp-core-unsourced', board: 'rp2040-core', fault: 'VREG_VOUT not wired to the core rail', rules: ['power.not-driven'], plant: (b) => move(b, 'U1.VREG_VOUT', null) },
  // 12 V logger
  { id: 'lg-elec-reversed-diode-rail', board: 'buck-spi-logger', fault: 'input electrolytic reversed on the diode-fed rail', rules: ['cap.polarity-reversed'], plant: (b) => (move(b, 'C1.1', 'GND'), move(b, 'C1.2', 'VIN_PROT')) },
  { id: 'lg-sensor-on-diode-rail', board: 'buck-spi-logger', fault: '3.6 V sensor on the 11.7 V diode-fed rail', rules: ['power.voltage-conflict'], plant: (b) => (move(b, 'U4.VDD', 'VIN_PROT'), move(b, 'C9.1', 'VIN_PROT')) },
  { id: 'lg-mosi-miso', board: 'buck-spi-logger', fault: 'MOSI wired to MISO', rules: ['spi.mosi-miso-crossed', 'pin-conflict.output-output'], plant: (b) => move(b, 'U2.MOSI', 'SPI_MISO') },
  { id: 'lg-int-no-pullup', board: 'buck-spi-logger', fault: 'open-drain interrupt without pull-up', rules: ['net.open-drain-pullup-missing'], plant: (b) => remove(b, 'R6') },
  { id: 'lg-int-on-output', board: 'buck-spi-logger', fault: 'open-drain INT tied to an MCU output', rules: ['pin-conflict.open-drain-output'], plant: (b) => move(b, 'U2.PA5', 'SENS_INT') },
  { id: 'lg-cs-shared', board: 'buck-spi-logger', fault: 'flash and sensor share one chip select', rules: ['spi.cs-shared'], plant: (b) => move(b, 'U4.CS', 'FLASH_CS') },
  { id: 'lg-dup-ref', board: 'buck-spi-logger', fault: 'two parts called U3', rules: ['ref.duplicate'], plant: (b) => Object.assign(b.components['u4']!, { ref: 'U3' }) },
  { id: 'lg-no-footprint', board: 'buck-spi-logger', fault: 'inductor without footprint', rules: ['footprint.missing'], plant: (b) => delete b.components['l1']!.footprint },
  // RS-485 node
  { id: 'nd-no-i2c-pullups', board: 'rs485-sensor-node', fault: 'I2C without pull-ups', rules: ['i2c.pullup-missing'], plant: (b) => (remove(b, 'R3'), remove(b, 'R4')) },
  { id: 'nd-i2c-pullup-100k', board: 'rs485-sensor-node', fault: '100 kΩ I2C pull-ups', rules: ['i2c.pullup-value'], plant: (b) => (Object.assign(b.components['r3']!, { value: '100k' }), Object.assign(b.components['r4']!, { value: '100k' })) },
  { id: 'nd-tx-on-ro', board: 'rs485-sensor-node', fault: 'MCU TX wired to the transceiver RO output', rules: ['pin-conflict.output-output', 'uart.same-direction'], plant: (b) => move(b, 'U4.RO', 'UART_TX') },
  { id: 'nd-de-floating', board: 'rs485-sensor-node', fault: 'DE/RE floating (MCU pin and pull-down gone)', rules: ['rs485.direction-floating', 'net.undriven-input'], plant: (b) => (remove(b, 'R5'), move(b, 'U2.PA8', null)) },
  { id: 'nd-bme-on-vbus', board: 'rs485-sensor-node', fault: 'BME280 on VBUS (5 V from the connector)', rules: ['power.voltage-conflict'], plant: (b) => (move(b, 'U3.VDD', 'VBUS'), move(b, 'C4.1', 'VBUS')) },
  { id: 'nd-nc-wired', board: 'rs485-sensor-node', fault: 'no-connect pin wired to a signal', rules: ['pin.no-connect-connected'], plant: (b) => move(b, 'U2.NC1', 'I2C_SDA') },
  { id: 'nd-power-led-no-resistor', board: 'rs485-sensor-node', fault: 'power LED straight across 3.3 V', rules: ['led.series-resistor-missing'], plant: (b) => (remove(b, 'R7'), move(b, 'D1.A', '+3V3')) },
  { id: 'nd-ldo-over-range', board: 'rs485-sensor-node', fault: 'MCP1700 (2.3–6 V in) on a 12 V terminal', rules: ['power.voltage-conflict'], plant: twelveVoltInput },
];

/**
 * Faults written after the rules were finished and not used to tune them: the bench reports their
 * catch rate separately, as a hint of how the rules do on faults nobody planned for.
 */
export const HELD_OUT: PlantedFault[] = [
  { id: 'ho-elec-reversed-behind-ferrite', board: 'rp2040-core', fault: 'electrolytic reversed on a rail fed through a ferrite from VBUS', rules: ['cap.polarity-reversed'], plant: (b) => (add(b, comp('FB1', 'Ferrite bead 600R', 'L_1210_3225Metric', ['1:passive:VBUS', '2:passive:VBUS_F'])), add(b, elec('C20', '47uF', 'GND', 'VBUS_F'))) },
  { id: 'ho-xtal-caps-to-rail', board: 'rp2040-core', fault: 'crystal load capacitors returned to 3.3 V instead of GND', rules: ['crystal.load-caps-missing'], plant: (b) => (move(b, 'C6.2', '+3V3'), move(b, 'C7.2', '+3V3')) },
  { id: 'ho-decap-between-rails', board: 'ne555-blinker', fault: 'the only supply capacitors sit between two signals, not to GND', rules: ['decoupling.missing'], plant: (b) => (move(b, 'C3.2', 'CTRL'), move(b, 'C4.2', 'CTRL')) },
  { id: 'ho-series-diode-reversed', board: 'buck-spi-logger', fault: 'reverse-protection Schottky fitted backwards (blocks the supply)', rules: ['power.not-driven', 'power.net-unsourced'], plant: (b) => (move(b, 'D1.A', 'VIN_PROT'), move(b, 'D1.K', '+12V')) },
  { id: 'ho-i2c-pullups-to-vbus', board: 'rs485-sensor-node', fault: 'I2C pull-ups to 5 V VBUS on a 3.3 V bus', rules: ['i2c.pullup-rail-over-supply', 'power.voltage-conflict'], plant: (b) => (move(b, 'R3.1', 'VBUS'), move(b, 'R4.1', 'VBUS')) },
  { id: 'ho-usb-dp-dm-swapped', board: 'ft232-usb-serial', fault: 'USB D+ and D− swapped between connector and FT232RL', rules: ['usb.data-swapped'], plant: (b) => (move(b, 'J1.D+', 'USB_DM'), move(b, 'J1.D-', 'USB_DP')) },
  { id: 'ho-5v-mcu-rail', board: 'buck-spi-logger', fault: 'buck feedback set for 5 V on a rail named +3V3 (26.1k → 44.2k)', rules: ['power.voltage-conflict'], plant: (b) => Object.assign(b.components['r1']!, { value: '44.2k' }) },
  { id: 'ho-led-no-resistor-open-drain', board: 'ft232-usb-serial', fault: 'TX LED resistor shorted with a 0 Ω link', rules: ['led.series-resistor-missing'], plant: (b) => Object.assign(b.components['r1']!, { value: '0' }) },
  { id: 'ho-vcc-on-vin-prot', board: 'buck-spi-logger', fault: 'MCU supply taken from the 11.7 V input rail', rules: ['power.voltage-conflict'], plant: (b) => (move(b, 'U2.VDD', 'VIN_PROT'), move(b, 'C7.1', 'VIN_PROT')) },
  { id: 'ho-reset-floating', board: 'rp2040-core', fault: 'RUN pull-up removed (reset floats)', rules: ['reset.pullup-missing', 'net.single-node', 'net.undriven-input'], plant: (b) => remove(b, 'R5') },
];

/**
 * Second held-out set, written with the zt-erc-1.4.0 rules by their author (so a weaker test of
 * generality than a set from someone else), on a board no earlier rule was tuned on
 * (adj-ldo-sensor-node) and the five old ones, of kinds the zt-erc-1.3.0 rules did not look for:
 * adjustable-regulator dividers, capacitor voltage ratings, inputs held above their supply, ground
 * pins off ground, floating enables. docs/erc.md gives their catch rate under zt-erc-1.3.0 as well.
 */
export const HELD_OUT_2: PlantedFault[] = [
  { id: 'ho2-adj-divider-swapped', board: 'adj-ldo-sensor-node', fault: 'AMS1117-ADJ resistors fitted the wrong way round (120 Ω and 200 Ω swapped: 2.0 V on +3V3)', rules: ['power.feedback-voltage'], plant: (b) => (Object.assign(b.components['r3']!, { value: '200' }), Object.assign(b.components['r4']!, { value: '120' })) },
  { id: 'ho2-adj-ldo-from-liion', board: 'adj-ldo-sensor-node', fault: 'USB input swapped for a 1S Li-ion cell, 1117 LDO kept (3.7 V in for 3.33 V out, 1.3 V dropout)', rules: ['power.regulator-headroom'], plant: liIonInput },
  { id: 'ho2-vsense-no-bottom', board: 'adj-ldo-sensor-node', fault: 'VBUS sense divider without its lower resistor (5 V straight into the ADC pin)', rules: ['signal.over-voltage'], plant: (b) => remove(b, 'R6') },
  { id: 'ho2-sensor-en-floating', board: 'adj-ldo-sensor-node', fault: 'sensor LDO enable left with only its filter capacitor (MCU pin never wired)', rules: ['pin.enable-floating'], plant: (b) => move(b, 'U2.PA1', null) },
  { id: 'ho2-sensor-ldo-out-to-3v3', board: 'adj-ldo-sensor-node', fault: 'sensor LDO output tied onto +3V3 with the 1117 (two regulators on one rail)', rules: ['pin-conflict.power-out-power-out'], plant: (b) => (move(b, 'U3.VOUT', '+3V3'), move(b, 'U4.VDD', '+3V3'), move(b, 'C6.1', '+3V3'), move(b, 'C7.1', '+3V3')) },
  { id: 'ho2-tvs-reversed', board: 'adj-ldo-sensor-node', fault: 'VBUS TVS fitted backwards (anode on VBUS, cathode on GND)', rules: ['diode.across-rail'], plant: (b) => (move(b, 'D2.K', 'GND'), move(b, 'D2.A', 'VBUS')) },
  { id: 'ho2-input-elec-6v3', board: 'buck-spi-logger', fault: '6.3 V electrolytic on the 11.7 V input rail', rules: ['cap.voltage-rating'], plant: (b) => Object.assign(b.components['c1']!, { value: '47uF 6.3V' }) },
  { id: 'ho2-int-pullup-to-vin', board: 'buck-spi-logger', fault: 'sensor interrupt pull-up taken to the 11.7 V input rail instead of +3V3', rules: ['signal.over-voltage'], plant: (b) => move(b, 'R6.1', 'VIN_PROT') },
  { id: 'ho2-tantalum-2v5', board: 'rp2040-core', fault: '2.5 V tantalum on the 3.3 V rail', rules: ['cap.voltage-rating'], plant: (b) => Object.assign(b.components['c10']!, { value: '10uF 2.5V' }) },
  { id: 'ho2-bme-gnd-on-3v3', board: 'rs485-sensor-node', fault: 'BME280 GND pin wired to +3V3 (copied from VDD)', rules: ['power.ground-pin-not-grounded'], plant: (b) => move(b, 'U3.GND', '+3V3') },
  { id: 'ho2-second-ldo-parallel', board: 'rs485-sensor-node', fault: 'second MCP1700 paralleled onto +3V3 for more current (its VOUT typed plain power)', rules: ['power.regulator-outputs-joined', 'pin-conflict.power-out-power-out'], plant: (b) => add(b, comp('U5', 'MCP1700-3.3', 'SOT-23-3', ['VIN:power:VBUS', 'GND:power:GND', 'VOUT:power:+3V3'], { part_id: 'mcp1700t-3302', voltage_supply: '2.3-6V' })) },
  { id: 'ho2-555-gnd-on-ctrl', board: 'ne555-blinker', fault: 'NE555 GND (pin 1) wired to the CTRL capacitor net (pin 5)', rules: ['power.ground-pin-not-grounded', 'power.not-driven'], plant: (b) => move(b, 'U1.GND', 'CTRL') },
];

/**
 * Third held-out set: faults on the 24 V solenoid controller, a board written after the zt-erc-1.4.0
 * rules as a probe. Its first run found one false alarm (VIN_SENSE, typed power by the parser,
 * asked for a source) and two misses (the reversed flyback diode, the MCU on 5 V beside its VBAT);
 * the rules were then generalised (docs/erc.md), so these figures are after that fix.
 */
export const HELD_OUT_3: PlantedFault[] = [
  { id: 'ho3-buck-set-for-12v', board: '24v-solenoid-controller', fault: 'buck top resistor 140k: 12 V on +5V', rules: ['power.feedback-voltage'], plant: (b) => Object.assign(b.components['r1']!, { value: '140k' }) },
  { id: 'ho3-buck-fb-top-missing', board: '24v-solenoid-controller', fault: 'buck top feedback resistor returned to GND instead of +5V', rules: ['power.feedback-voltage'], plant: (b) => move(b, 'R1.1', 'GND') },
  { id: 'ho3-sense-divider-swapped', board: '24v-solenoid-controller', fault: 'input-sense divider values swapped (21.8 V on the ADC pin)', rules: ['signal.over-voltage'], plant: (b) => (Object.assign(b.components['r3']!, { value: '10k' }), Object.assign(b.components['r4']!, { value: '100k' })) },
  { id: 'ho3-out-cap-4v', board: '24v-solenoid-controller', fault: '4 V electrolytic on the 5 V rail', rules: ['cap.voltage-rating'], plant: (b) => Object.assign(b.components['c3']!, { value: '100uF 4V' }) },
  { id: 'ho3-tvs-reversed', board: '24v-solenoid-controller', fault: 'input TVS fitted backwards', rules: ['diode.across-rail'], plant: (b) => (move(b, 'D1.K', 'GND'), move(b, 'D1.A', '+24V')) },
  { id: 'ho3-flyback-reversed', board: '24v-solenoid-controller', fault: 'solenoid flyback diode fitted backwards', rules: ['diode.across-rail'], plant: (b) => (move(b, 'D3.K', 'RELAY_N'), move(b, 'D3.A', '+5V')) },
  { id: 'ho3-coin-cell-reversed', board: '24v-solenoid-controller', fault: 'RTC coin cell fitted backwards', rules: ['battery.reversed'], plant: (b) => (move(b, 'BT1.+', 'GND'), move(b, 'BT1.-', 'VBAT_RTC')) },
  { id: 'ho3-sensor-en-cap-only', board: '24v-solenoid-controller', fault: 'sensor EN left with a filter capacitor, MCU pin never wired', rules: ['pin.enable-floating'], plant: (b) => (move(b, 'U3.PB1', null), add(b, cap('C12', '1nF', 'SENS_EN', 'GND'))) },
  { id: 'ho3-sensor-gnd-on-3v3', board: '24v-solenoid-controller', fault: 'sensor GND pin on +3V3', rules: ['power.ground-pin-not-grounded'], plant: (b) => move(b, 'U4.GND', '+3V3') },
  { id: 'ho3-i2c-pullups-5v', board: '24v-solenoid-controller', fault: 'I2C pull-ups to +5V on a 3.3 V bus', rules: ['i2c.pullup-rail-over-supply', 'signal.over-voltage'], plant: (b) => (move(b, 'R6.1', '+5V'), move(b, 'R7.1', '+5V')) },
  { id: 'ho3-mcu-on-5v', board: '24v-solenoid-controller', fault: 'MCU VDD on +5V (its VBAT on the coin cell)', rules: ['power.voltage-conflict'], plant: (b) => (move(b, 'U3.VDD', '+5V'), move(b, 'C6.1', '+5V')) },
  { id: 'ho3-ldo-from-3v6', board: '24v-solenoid-controller', fault: 'AMS1117-3.3 fed from a 3.6 V header rail (1.1 V dropout)', rules: ['power.regulator-headroom'], plant: (b) => (move(b, 'U2.INPUT', 'VCC_3V6'), add(b, comp('J2', 'Header 2P', 'PinHeader_1x02_P2.54mm', ['1:passive:VCC_3V6', '2:passive:GND']))) },
];

/** ho2-adj-ldo-from-liion: the USB-C receptacle and its Rd resistors give way to a protected 18650 cell on the same rail. */
function liIonInput(b: Board): void {
  for (const ref of ['J1', 'R1', 'R2']) remove(b, ref);
  add(b, comp('BT1', 'Li-ion 18650 protected cell', 'BatteryHolder_Keystone_1042_1x18650', ['+:passive:VBUS', '-:passive:GND'], { value: '3.7V' }));
}

/** nd-ldo-over-range: the USB-C input becomes a 12 V screw terminal on the same rail. */
function twelveVoltInput(b: Board): void {
  for (const ref of ['J1', 'R1', 'R2']) remove(b, ref);
  for (const c of Object.values(b.components)) for (const p of Object.values(c.pins)) if (p.net === 'VBUS') p.net = '+12V';
  add(b, comp('J3', 'Screw terminal 2P', 'TERMINAL-2P-5MM', ['P1:passive:+12V', 'P2:passive:GND'], { part_id: 'terminal-2p-5mm' }));
}

/** A fresh copy of a board with one fault planted. */
export function planted(f: PlantedFault): Board {
  const b = BOARDS[f.board]!();
  f.plant(b);
  return b;
}
