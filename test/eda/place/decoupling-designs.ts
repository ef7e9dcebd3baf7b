/**
 * Designs with many decoupling capacitors for the placement tests (test/eda/place/
 * decoupling-many-mcp.test.ts): an LQFP-48 microcontroller with a supply pin on each side (pads 9,
 * 24, 36, 48 and their grounds 8, 23, 35, 47, as on STM32F103 LQFP48, ST datasheet table "Pin
 * definitions") and six 100 nF 0402 capacitors plus a 4.7 µF bulk; and the same microcontroller
 * sharing its 3.3 V rail with a SOIC-8 SPI flash (VCC pad 8, GND pad 4, as on W25Q32JV SOIC-8)
 * and a BME280 (LGA-8), seven 100 nF capacitors between them. `board` is the board line (empty:
 * sized to content).
 */
const MCU = `{ref: U1, type: MCU_LQFP48, footprint: LQFP-48, pins: {
    VBAT: {type: power, net: V3V3, number: "1"}, VSSA: {type: power, net: GND, number: "8"}, VDDA: {type: power, net: V3V3, number: "9"},
    VSS_1: {type: power, net: GND, number: "23"}, VDD_1: {type: power, net: V3V3, number: "24"},
    VSS_2: {type: power, net: GND, number: "35"}, VDD_2: {type: power, net: V3V3, number: "36"},
    VSS_3: {type: power, net: GND, number: "47"}, VDD_3: {type: power, net: V3V3, number: "48"},
    PA9: {type: output, net: TX, number: "30"}, PA10: {type: input, net: RX, number: "31"},
    PA5: {type: output, net: SCK, number: "15"}, PA6: {type: input, net: MISO, number: "16"}, PA7: {type: output, net: MOSI, number: "17"}, PA4: {type: output, net: CS, number: "14"},
    PB6: {type: bidirectional, net: SCL, number: "42"}, PB7: {type: bidirectional, net: SDA, number: "43"}}}`;

const cap = (ref: string, value: string, footprint: string) =>
  `  ${ref}: {ref: ${ref}, type: CAP, value: ${value}, footprint: "${footprint}", pins: {P1: {type: passive, net: V3V3}, P2: {type: passive, net: GND}}}`;

const POWER = `  U2: {ref: U2, type: AMS1117-3.3, footprint: SOT-223, pins: {INPUT: {type: power, net: VIN}, OUTPUT: {type: output, net: V3V3}, GND: {type: power, net: GND}}}
  J1: {ref: J1, type: CONN, footprint: PinHeader_1x04_P2.54mm, pins: {"1": {type: passive, net: VIN}, "2": {type: passive, net: GND}, "3": {type: passive, net: TX}, "4": {type: passive, net: RX}}}`;

export function mcuSixCapsYaml(board: string): string {
  const caps = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((c) => cap(c, '100nF', '0402'));
  const nodes = ['U1.VBAT', 'U1.VDDA', 'U1.VDD_1', 'U1.VDD_2', 'U1.VDD_3', 'U2.OUTPUT', 'C1.P1', 'C2.P1', 'C3.P1', 'C4.P1', 'C5.P1', 'C6.P1', 'C7.P1'];
  return `
kind: zaptrace.design
schema_version: 1
meta: {name: McuSixCaps}
${board}
components:
  U1: ${MCU}
${POWER}
${caps.join('\n')}
${cap('C7', '4.7uF', '0805')}
nets:
  VIN: {id: VIN, name: VIN, type: power, nodes: [J1.1, U2.INPUT]}
  V3V3: {id: V3V3, name: V3V3, type: power, nodes: [${nodes.join(', ')}]}
  GND: {id: GND, name: GND, type: ground, nodes: [J1.2, U2.GND, U1.VSSA, U1.VSS_1, U1.VSS_2, U1.VSS_3, C1.P2, C2.P2, C3.P2, C4.P2, C5.P2, C6.P2, C7.P2]}
  TX: {id: TX, name: TX, type: data, nodes: [U1.PA9, J1.3]}
  RX: {id: RX, name: RX, type: data, nodes: [U1.PA10, J1.4]}
`;
}

export function sharedRailYaml(board: string): string {
  const caps = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'].map((c) => cap(c, '100nF', '0402'));
  return `
kind: zaptrace.design
schema_version: 1
meta: {name: SharedRail}
${board}
components:
  U1: ${MCU}
${POWER}
  U3: {ref: U3, type: W25Q32JV, footprint: SOIC-8, pins: {CS: {type: input, net: CS, number: "1"}, DO: {type: output, net: MISO, number: "2"}, GND: {type: power, net: GND, number: "4"}, DI: {type: input, net: MOSI, number: "5"}, CLK: {type: input, net: SCK, number: "6"}, VCC: {type: power, net: V3V3, number: "8"}}}
  U4: {ref: U4, type: BME280, footprint: LGA-8, pins: {VDD: {type: power, net: V3V3}, GND: {type: power, net: GND}, SDA: {type: bidirectional, net: SDA}, SCK: {type: input, net: SCL}}}
${caps.join('\n')}
  R1: {ref: R1, type: RES, value: 4.7k, footprint: "0402", pins: {P1: {type: passive, net: V3V3}, P2: {type: passive, net: SDA}}}
  R2: {ref: R2, type: RES, value: 4.7k, footprint: "0402", pins: {P1: {type: passive, net: V3V3}, P2: {type: passive, net: SCL}}}
nets:
  VIN: {id: VIN, name: VIN, type: power, nodes: [J1.1, U2.INPUT]}
  V3V3: {id: V3V3, name: V3V3, type: power, nodes: [U1.VBAT, U1.VDDA, U1.VDD_1, U1.VDD_2, U1.VDD_3, U3.VCC, U4.VDD, U2.OUTPUT, R1.P1, R2.P1, C1.P1, C2.P1, C3.P1, C4.P1, C5.P1, C6.P1, C7.P1]}
  GND: {id: GND, name: GND, type: ground, nodes: [J1.2, U2.GND, U1.VSSA, U1.VSS_1, U1.VSS_2, U1.VSS_3, U3.GND, U4.GND, C1.P2, C2.P2, C3.P2, C4.P2, C5.P2, C6.P2, C7.P2]}
  TX: {id: TX, name: TX, type: data, nodes: [U1.PA9, J1.3]}
  RX: {id: RX, name: RX, type: data, nodes: [U1.PA10, J1.4]}
  SCK: {id: SCK, name: SCK, type: clock, nodes: [U1.PA5, U3.CLK]}
  MISO: {id: MISO, name: MISO, type: data, nodes: [U1.PA6, U3.DO]}
  MOSI: {id: MOSI, name: MOSI, type: data, nodes: [U1.PA7, U3.DI]}
  CS: {id: CS, name: CS, type: data, nodes: [U1.PA4, U3.CS]}
  SDA: {id: SDA, name: SDA, type: data, nodes: [U1.PB7, U4.SDA, R2.P2]}
  SCL: {id: SCL, name: SCL, type: clock, nodes: [U1.PB6, U4.SCK, R1.P2]}
`;
}

/** Ten 0805 capacitors on the one VCC pad of a SOIC-8 flash: not all can stand within 3 mm of it. */
export function crowdedPinYaml(): string {
  const refs = Array.from({ length: 10 }, (_, k) => `C${k + 1}`);
  return `
kind: zaptrace.design
schema_version: 1
meta: {name: CrowdedPin}
board: {width_mm: 30, height_mm: 24, layers: 2}
components:
  U1: {ref: U1, type: W25Q32JV, footprint: SOIC-8, pins: {GND: {type: power, net: GND, number: "4"}, VCC: {type: power, net: V3V3, number: "8"}}}
${refs.map((c) => cap(c, '100nF', '0805')).join('\n')}
nets:
  V3V3: {id: V3V3, name: V3V3, type: power, nodes: [U1.VCC, ${refs.map((c) => `${c}.P1`).join(', ')}]}
  GND: {id: GND, name: GND, type: ground, nodes: [U1.GND, ${refs.map((c) => `${c}.P2`).join(', ')}]}
`;
}

/**
 * STM32F103C8 named as such, so its supply pins come from the pin table (src/eda/footprints/
 * pin-tables.ts: VDD on pads 24, 36 and 48, VDDA 9, VBAT 1), with six 100 nF capacitors on 3.3 V.
 */
export function stm32TableYaml(): string {
  const refs = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
  return `
kind: zaptrace.design
schema_version: 1
meta: {name: Stm32Table}
components:
  U1: {ref: U1, type: STM32F103C8T6, footprint: LQFP-48, pins: {VBAT: {type: power, net: V3V3}, VDDA: {type: power, net: V3V3}, VDD: {type: power, net: V3V3}, VSS: {type: power, net: GND}, VSSA: {type: power, net: GND}}}
${refs.map((c) => cap(c, '100nF', '0402')).join('\n')}
nets:
  V3V3: {id: V3V3, name: V3V3, type: power, nodes: [U1.VBAT, U1.VDDA, U1.VDD, ${refs.map((c) => `${c}.P1`).join(', ')}]}
  GND: {id: GND, name: GND, type: ground, nodes: [U1.VSS, U1.VSSA, ${refs.map((c) => `${c}.P2`).join(', ')}]}
`;
}
