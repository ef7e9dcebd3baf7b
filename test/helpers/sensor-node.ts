/**
 * The small sensor node the placement tests lay out (test/eda/place/board-size.test.ts,
 * part-aware-mcp.test.ts): ESP32-WROOM-32, BME280 on I2C with a pull-up, AMS1117 from USB-C VBUS,
 * one decoupling cap, two M3 holes. `board` is the board line (empty: no stated size); `tail`
 * follows the nets (copper pours, for example).
 */
export function sensorNodeYaml(name: string, board: string, tail = ''): string {
  return `
kind: zaptrace.design
schema_version: 1
meta: {name: ${name}}
${board}
components:
  U1: {ref: U1, type: ESP32-WROOM-32, footprint: ESP32-WROOM-32, pins: {GND: {type: power, net: GND}, VCC: {type: power, net: VCC_3V3}, GPIO21: {type: bidirectional, net: SDA}, GPIO22: {type: bidirectional, net: SCL}}}
  U2: {ref: U2, type: BME280, footprint: LGA-8, pins: {VDD: {type: power, net: VCC_3V3}, GND: {type: power, net: GND}, SDA: {type: bidirectional, net: SDA}, SCK: {type: input, net: SCL}}}
  U3: {ref: U3, type: AMS1117-3.3, footprint: SOT-223, pins: {INPUT: {type: power, net: VBUS}, OUTPUT: {type: output, net: VCC_3V3}, GND: {type: power, net: GND}}}
  C1: {ref: C1, type: CAP, value: 100nF, footprint: "0603", pins: {P1: {type: passive, net: VCC_3V3}, P2: {type: passive, net: GND}}}
  R1: {ref: R1, type: RES, value: 4.7k, footprint: "0603", pins: {P1: {type: passive, net: VCC_3V3}, P2: {type: passive, net: SDA}}}
  J1: {ref: J1, type: USB-C-16P, footprint: USB-C-16P-SMD, pins: {VBUS: {type: power, net: VBUS}, GND: {type: power, net: GND}}}
  H1: {ref: H1, type: Mounting hole M3, footprint: MountingHole_3.2mm_M3}
  H2: {ref: H2, type: Mounting hole M3, footprint: MountingHole_3.2mm_M3}
nets:
  VBUS: {id: VBUS, name: VBUS, type: power, nodes: [J1.VBUS, U3.INPUT]}
  VCC_3V3: {id: VCC_3V3, name: VCC_3V3, type: power, nodes: [U3.OUTPUT, U1.VCC, U2.VDD, C1.P1, R1.P1]}
  GND: {id: GND, name: GND, type: ground, nodes: [J1.GND, U3.GND, U1.GND, U2.GND, C1.P2]}
  SDA: {id: SDA, name: SDA, type: data, nodes: [U1.GPIO21, U2.SDA, R1.P2]}
  SCL: {id: SCL, name: SCL, type: clock, nodes: [U1.GPIO22, U2.SCK]}
${tail}`;
}
